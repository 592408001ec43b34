package org.celltrial.safety.ctcae;

import java.util.List;

/**
 * A CTCAE v5.0 (NCI, 2017) adverse event term with its MedDRA code, as the CTCAE v5.0 table lists it (MedDRA 20.1
 * lowest level terms). The codes must be checked against the MedDRA version the study codes with.
 *
 * @param meddraCode the 8-digit MedDRA code; null for a term whose code CellTrial has not confirmed
 */
public record CtcaeTerm(String term, String meddraCode) {

    public static final CtcaeTerm PLATELET_COUNT_DECREASED = new CtcaeTerm("Platelet count decreased", "10035528");
    public static final CtcaeTerm NEUTROPHIL_COUNT_DECREASED = new CtcaeTerm("Neutrophil count decreased", "10029366");
    public static final CtcaeTerm WHITE_BLOOD_CELL_DECREASED = new CtcaeTerm("White blood cell decreased", "10049182");
    public static final CtcaeTerm LYMPHOCYTE_COUNT_DECREASED = new CtcaeTerm("Lymphocyte count decreased", "10025256");
    public static final CtcaeTerm ANEMIA = new CtcaeTerm("Anemia", "10002272");
    public static final CtcaeTerm ALANINE_AMINOTRANSFERASE_INCREASED =
            new CtcaeTerm("Alanine aminotransferase increased", "10001551");
    public static final CtcaeTerm ASPARTATE_AMINOTRANSFERASE_INCREASED =
            new CtcaeTerm("Aspartate aminotransferase increased", "10003481");
    public static final CtcaeTerm BLOOD_BILIRUBIN_INCREASED = new CtcaeTerm("Blood bilirubin increased", "10005364");
    public static final CtcaeTerm CREATININE_INCREASED = new CtcaeTerm("Creatinine increased", "10011368");
    public static final CtcaeTerm FIBRINOGEN_DECREASED = new CtcaeTerm("Fibrinogen decreased", "10016596");
    public static final CtcaeTerm FEVER = new CtcaeTerm("Fever", "10016558");
    public static final CtcaeTerm CYTOKINE_RELEASE_SYNDROME = new CtcaeTerm("Cytokine release syndrome", "10052015");
    /**
     * Not a CTCAE v5.0 term: CTCAE v5.0 has only "Encephalopathy", and ASTCT grades ICANS as a syndrome of its own.
     * MedDRA added the term after CTCAE v5.0; its code is to be taken from the study's MedDRA version.
     */
    public static final CtcaeTerm IMMUNE_EFFECTOR_CELL_ASSOCIATED_NEUROTOXICITY_SYNDROME =
            new CtcaeTerm("Immune effector cell-associated neurotoxicity syndrome", null);

    /** Every term CellTrial grades. */
    public static final List<CtcaeTerm> ALL = List.of(PLATELET_COUNT_DECREASED, NEUTROPHIL_COUNT_DECREASED,
            WHITE_BLOOD_CELL_DECREASED, LYMPHOCYTE_COUNT_DECREASED, ANEMIA, ALANINE_AMINOTRANSFERASE_INCREASED,
            ASPARTATE_AMINOTRANSFERASE_INCREASED, BLOOD_BILIRUBIN_INCREASED, CREATININE_INCREASED, FIBRINOGEN_DECREASED,
            FEVER, CYTOKINE_RELEASE_SYNDROME, IMMUNE_EFFECTOR_CELL_ASSOCIATED_NEUROTOXICITY_SYNDROME);

    public CtcaeTerm {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("term is required");
        }
        if (meddraCode != null && !meddraCode.matches("\\d{8}")) {
            throw new IllegalArgumentException("a MedDRA code has 8 digits, was " + meddraCode);
        }
    }
}
