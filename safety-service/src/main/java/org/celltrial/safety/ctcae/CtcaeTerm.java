package org.celltrial.safety.ctcae;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CTCAE adverse event term with its MedDRA code, as the National Cancer Institute's Common Terminology Criteria for
 * Adverse Events list it: CTCAE v5.0 (2017) with MedDRA 20.1 lowest level terms, CTCAE v6.0 (2025) with the MedDRA
 * version it was released with. The codes must be checked against the MedDRA version the study codes with
 * (docs/clinical-rules.md, section "CTCAE").
 *
 * @param meddraCode the 8-digit MedDRA code; null for a term whose code CellTrial has not confirmed
 */
public record CtcaeTerm(String term, String meddraCode) {

    /** CTCAE v5.0's term for low platelets; v6.0 replaced it by {@link #THROMBOCYTOPENIA}. */
    public static final CtcaeTerm PLATELET_COUNT_DECREASED = new CtcaeTerm("Platelet count decreased", "10035528");
    /**
     * CTCAE v6.0's term for low platelets, moved from "Investigations" to "Blood and lymphatic system disorders";
     * 10043554 is the MedDRA code of "Thrombocytopenia" (preferred and lowest level term).
     */
    public static final CtcaeTerm THROMBOCYTOPENIA = new CtcaeTerm("Thrombocytopenia", "10043554");
    public static final CtcaeTerm NEUTROPHIL_COUNT_DECREASED = new CtcaeTerm("Neutrophil count decreased", "10029366");
    public static final CtcaeTerm WHITE_BLOOD_CELL_DECREASED = new CtcaeTerm("White blood cell decreased", "10049182");
    /** A CTCAE v5.0 term only: CTCAE v6.0 grades no lymphocyte decrease from the count. */
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
     * MedDRA 20.1 (2017), the version CellTrial codes in, predates the syndrome's name (2019), so it is coded as 20.1's
     * lowest level (and preferred) term "Neurotoxicity", 10029350 (docs/interoperability-exports.md); the reported
     * term stays the syndrome's name. A study coding in a later version takes that version's ICANS term instead.
     */
    public static final CtcaeTerm IMMUNE_EFFECTOR_CELL_ASSOCIATED_NEUROTOXICITY_SYNDROME =
            new CtcaeTerm("Immune effector cell-associated neurotoxicity syndrome", "10029350");

    /** Every term CellTrial grades, in any CTCAE version. */
    public static final List<CtcaeTerm> ALL = List.of(PLATELET_COUNT_DECREASED, THROMBOCYTOPENIA,
            NEUTROPHIL_COUNT_DECREASED, WHITE_BLOOD_CELL_DECREASED, LYMPHOCYTE_COUNT_DECREASED, ANEMIA,
            ALANINE_AMINOTRANSFERASE_INCREASED, ASPARTATE_AMINOTRANSFERASE_INCREASED, BLOOD_BILIRUBIN_INCREASED,
            CREATININE_INCREASED, FIBRINOGEN_DECREASED, FEVER, CYTOKINE_RELEASE_SYNDROME,
            IMMUNE_EFFECTOR_CELL_ASSOCIATED_NEUROTOXICITY_SYNDROME);

    private static final Map<Analyte, CtcaeTerm> V5_0_LAB_TERMS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            Analyte.PLT, PLATELET_COUNT_DECREASED,
            Analyte.ANC, NEUTROPHIL_COUNT_DECREASED,
            Analyte.WBC, WHITE_BLOOD_CELL_DECREASED,
            Analyte.LYM, LYMPHOCYTE_COUNT_DECREASED,
            Analyte.HGB, ANEMIA,
            Analyte.ALT, ALANINE_AMINOTRANSFERASE_INCREASED,
            Analyte.AST, ASPARTATE_AMINOTRANSFERASE_INCREASED,
            Analyte.TBIL, BLOOD_BILIRUBIN_INCREASED,
            Analyte.CREAT, CREATININE_INCREASED,
            Analyte.FIB, FIBRINOGEN_DECREASED)));

    // CTCAE v6.0 keeps the v5.0 terms but for platelets, now "Thrombocytopenia", and lymphocytes: v6.0 has no
    // "Lymphocyte count decreased". Not confirmed against the NCI v6.0 document itself: the term is missing from the
    // v6.0 criteria data the tables were cross-checked against (pharmaverse admiral's CTCAE v6.0 grading metadata,
    // whose documentation records the term as removed).
    private static final Map<Analyte, CtcaeTerm> V6_0_LAB_TERMS = v6LabTerms();

    public CtcaeTerm {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("term is required");
        }
        if (meddraCode != null && !meddraCode.matches("\\d{8}")) {
            throw new IllegalArgumentException("a MedDRA code has 8 digits, was " + meddraCode);
        }
    }

    /**
     * The term a CTCAE version grades the analyte's result by.
     *
     * @return empty when the version has no term graded from that analyte (CTCAE v6.0 and lymphocytes)
     */
    public static Optional<CtcaeTerm> forAnalyte(CtcaeVersion version, Analyte analyte) {
        if (version == null || analyte == null) {
            throw new IllegalArgumentException("version and analyte are required");
        }
        Map<Analyte, CtcaeTerm> terms = switch (version) {
            case V5_0 -> V5_0_LAB_TERMS;
            case V6_0 -> V6_0_LAB_TERMS;
        };
        return Optional.ofNullable(terms.get(analyte));
    }

    private static Map<Analyte, CtcaeTerm> v6LabTerms() {
        Map<Analyte, CtcaeTerm> terms = new EnumMap<>(V5_0_LAB_TERMS);
        terms.put(Analyte.PLT, THROMBOCYTOPENIA);
        terms.remove(Analyte.LYM);
        return Collections.unmodifiableMap(terms);
    }
}
