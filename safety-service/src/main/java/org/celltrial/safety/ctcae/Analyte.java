package org.celltrial.safety.ctcae;

/** The laboratory analytes CellTrial grades automatically by CTCAE v5.0 (NCI, 2017); names as the API spells them. */
public enum Analyte {
    /** Platelets, ×10⁹/L. */
    PLT,
    /** Absolute neutrophil count, ×10⁹/L. */
    ANC,
    /** White blood cells, ×10⁹/L. */
    WBC,
    /** Absolute lymphocyte count, ×10⁹/L. */
    LYM,
    /** Hemoglobin, g/dL or g/L. */
    HGB,
    /** Alanine aminotransferase. */
    ALT,
    /** Aspartate aminotransferase. */
    AST,
    /** Total bilirubin. */
    TBIL,
    /** Serum creatinine. */
    CREAT,
    /** Fibrinogen, g/L or mg/dL. */
    FIB
}
