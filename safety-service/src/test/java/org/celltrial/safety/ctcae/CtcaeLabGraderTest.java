package org.celltrial.safety.ctcae;

import static org.celltrial.safety.ctcae.LabResults.lab;
import static org.celltrial.safety.ctcae.LabResults.withValue;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How CTCAE rows are applied (docs/clinical-rules.md, section "CTCAE"): the rows as written, the baseline rows, the
 * words of a grade, the versions and their terms. The per-version thresholds are in {@link CtcaeV5LabTableTest}
 * and {@link CtcaeV6LabTableTest}.
 */
class CtcaeLabGraderTest {

    private final CtcaeLabGrader grader = new CtcaeLabGrader();

    /** A fixed threshold inside the laboratory's normal range still grades. */
    @ParameterizedTest(name = "{0}: {1} {2} {3} (LLN {4}) → grade {5}")
    @CsvSource({
            "V5_0, LYM, 0.75, 10*9/L, 0.7, 2",
            "V5_0, LYM, 0.79, 10*9/L, 0.5, 2",
            "V5_0, LYM, 0.8,  10*9/L, 0.7, 0",
            "V5_0, LYM, 0.49, 10*9/L, 0.4, 3",
            "V5_0, PLT, 72,   10*9/L, 70,  2",
            "V5_0, PLT, 75,   10*9/L, 70,  0",
            "V5_0, ANC, 1.45, 10*9/L, 1.4, 2",
            "V5_0, ANC, 1.5,  10*9/L, 1.4, 0",
            "V5_0, WBC, 2.9,  10*9/L, 2.5, 2",
            "V5_0, HGB, 9.9,  g/dL,   9.5, 2",
            "V5_0, HGB, 7.9,  g/dL,   7.5, 3",
            "V5_0, FIB, 49,   mg/dL,  40,  4",
            "V6_0, PLT, 72,   10*9/L, 70,  2",
            "V6_0, WBC, 2.9,  10*9/L, 2.5, 2",
            "V6_0, HGB, 9.9,  g/dL,   9.5, 2",
            "V6_0, FIB, 49,   mg/dL,  40,  4",
    })
    void aFixedThresholdInsideTheNormalRangeStillGrades(CtcaeVersion version, Analyte analyte, BigDecimal value,
            String unit, BigDecimal lowerLimitNormal, int grade) {
        assertEquals(grade, grader.grade(version, lab(analyte, value, unit, lowerLimitNormal, null), null).grade());
    }

    /** Creatinine above 1.5 × baseline is grade 2 while still below ULN, in v5.0 always, in v6.0 for a low baseline. */
    @ParameterizedTest(name = "{0}: creatinine 0.9 mg/dL (LLN 0.5, ULN 1.0), baseline {1} → grade {2}")
    @CsvSource({
            "V5_0, 0.4, 2",
            "V5_0, 0.7, 0",
            "V6_0, 0.4, 2",
    })
    void creatinineBelowUlnGradesAgainstTheBaseline(CtcaeVersion version, BigDecimal baselineValue, int grade) {
        LabResult result = lab(Analyte.CREAT, "0.9", "mg/dL", "0.5", "1.0");

        assertEquals(grade, grader.grade(version, result, withValue(result, baselineValue)).grade());
    }

    /** Without a baseline result only the normal range and the fixed thresholds grade. */
    @ParameterizedTest(name = "{0} {1} {2} (LLN {3}, ULN {4}) without baseline → grade {5}")
    @CsvSource({
            "ALT,   85,  U/L,   ,    40,  1",
            "TBIL,  1.9, mg/dL, ,    1.2, 2",
            "CREAT, 0.9, mg/dL, 0.5, 1.0, 0",
            "FIB,   0.9, g/L,   2.0, 4.0, 3",
    })
    void withoutBaselineTheNormalRangeGrades(Analyte analyte, BigDecimal value, String unit,
            BigDecimal lowerLimitNormal, BigDecimal upperLimitNormal, int grade) {
        for (CtcaeVersion version : CtcaeVersion.values()) {
            assertEquals(grade, grader.grade(version, lab(analyte, value, unit, lowerLimitNormal, upperLimitNormal),
                    null).grade(), version.label());
        }
    }

    @Test
    void namesTheRowAndKeepsTheValues() {
        LabGrade graded = grader.grade(CtcaeVersion.V5_0, lab(Analyte.LYM, "0.75", "10*9/L", "0.7", "4.0"), null);

        assertAll(
                () -> assertEquals(CtcaeVersion.V5_0, graded.version()),
                () -> assertEquals(CtcaeTerm.LYMPHOCYTE_COUNT_DECREASED, graded.term()),
                () -> assertEquals("CTCAE v5.0 Lymphocyte count decreased grade 2: <0.8 - 0.5 x 10e9 /L",
                        graded.rule()),
                () -> assertEquals("LYM 0.75 10*9/L (LLN 0.7, ULN 4 10*9/L): below 0.8 10*9/L → grade 2",
                        graded.explanation()));
    }

    @Test
    void explainsGradeZero() {
        LabGrade graded = grader.grade(CtcaeVersion.V5_0, lab(Analyte.PLT, "150", "10*9/L", "150", "450"), null);

        assertEquals("CTCAE v5.0 Platelet count decreased grade 0: not reaching <LLN - 75.0 x 10e9 /L",
                graded.rule());
        assertEquals("PLT 150 10*9/L (LLN 150, ULN 450 10*9/L): not below LLN 150 10*9/L → grade 0",
                graded.explanation());
    }

    @Test
    void namesTheVersionsTerm() {
        LabGrade graded = grader.grade(CtcaeVersion.V6_0, lab(Analyte.PLT, "24", "10*9/L", "150", "450"), null);

        assertAll(
                () -> assertEquals(3, graded.grade()),
                () -> assertEquals(CtcaeTerm.THROMBOCYTOPENIA, graded.term()),
                () -> assertEquals("CTCAE v6.0 Thrombocytopenia grade 3: <50.0 - 10.0 x 10^9/L", graded.rule()),
                () -> assertEquals("PLT 24 10*9/L (LLN 150, ULN 450 10*9/L): below 50 10*9/L → grade 3",
                        graded.explanation()));
    }

    @Test
    void anemiaGradeThreeSaysGradeFourIsClinical() {
        LabGrade graded = grader.grade(CtcaeVersion.V5_0, lab(Analyte.HGB, "55", "g/L", "120", "160"), null);

        assertAll(
                () -> assertEquals(3, graded.grade()),
                () -> assertEquals(CtcaeTerm.ANEMIA, graded.term()),
                () -> assertEquals("CTCAE v5.0 Anemia grade 3: Hgb <8.0 g/dL (grade 4, life-threatening consequences, "
                        + "is clinical and never graded from the value)", graded.rule()),
                () -> assertEquals("HGB 55 g/L = 5.5 g/dL (LLN 12, ULN 16 g/dL): below 8 g/dL → grade 3",
                        graded.explanation()));
    }

    @Test
    void explainsMultiplesOfUln() {
        LabGrade graded = grader.grade(CtcaeVersion.V5_0, lab(Analyte.ALT, "130", "U/L", null, "40"), null);

        assertEquals("CTCAE v5.0 Alanine aminotransferase increased grade 2: >3.0 - 5.0 x ULN if baseline was "
                + "normal", graded.rule());
        assertEquals("ALT 130 U/L (ULN 40 U/L): above 3.0 × ULN = 120 U/L → grade 2", graded.explanation());
    }

    @Test
    void explainsAnAbnormalBaseline() {
        LabGrade graded = grader.grade(CtcaeVersion.V5_0, lab(Analyte.ALT, "85", "U/L", null, "40"),
                lab(Analyte.ALT, "60", "U/L", null, "40"));

        assertAll(
                () -> assertEquals(0, graded.grade()),
                () -> assertEquals("CTCAE v5.0 Alanine aminotransferase increased grade 0: not reaching 1.5 - 3.0 x "
                        + "baseline if baseline was abnormal", graded.rule()),
                () -> assertEquals("ALT 85 U/L (ULN 40 U/L): baseline ALT 60 U/L (ULN 40 U/L) is above its ULN, so "
                        + "graded against the baseline; not at or above 1.5 × baseline = 90 U/L → grade 0",
                        graded.explanation()));
    }

    @Test
    void explainsANormalBaseline() {
        LabGrade graded = grader.grade(CtcaeVersion.V6_0, lab(Analyte.ALT, "130", "U/L", null, "40"),
                lab(Analyte.ALT, "30", "U/L", null, "40"));

        assertEquals("ALT 130 U/L (ULN 40 U/L): baseline ALT 30 U/L (ULN 40 U/L) is not above its ULN, so graded "
                + "against the normal range only; above 3.0 × ULN = 120 U/L → grade 2", graded.explanation());
    }

    @Test
    void explainsBothCreatinineGrades() {
        LabGrade graded = grader.grade(CtcaeVersion.V5_0, lab(Analyte.CREAT, "1.3", "mg/dL", null, "1.0"),
                lab(Analyte.CREAT, "0.8", "mg/dL", null, "1.0"));

        assertAll(
                () -> assertEquals(2, graded.grade()),
                () -> assertEquals("CTCAE v5.0 Creatinine increased grade 2: >1.5 - 3.0 x baseline", graded.rule()),
                () -> assertEquals("CREAT 1.3 mg/dL (ULN 1 mg/dL): baseline CREAT 0.8 mg/dL (ULN 1 mg/dL); the worse "
                        + "of the grades against the normal range and against the baseline; above ULN 1 mg/dL → "
                        + "grade 1; above 1.5 × baseline = 1.2 mg/dL → grade 2", graded.explanation()));
    }

    @Test
    void creatinineV6BaselineRowsNeedABaselineBelowLln() {
        LabGrade graded = grader.grade(CtcaeVersion.V6_0, lab(Analyte.CREAT, "1.3", "mg/dL", "0.5", "1.0"),
                lab(Analyte.CREAT, "0.8", "mg/dL", "0.5", "1.0"));

        assertAll(
                () -> assertEquals(1, graded.grade()),
                () -> assertEquals("CTCAE v6.0 Creatinine increased grade 1: >ULN - 1.5 x ULN", graded.rule()),
                () -> assertEquals("CREAT 1.3 mg/dL (LLN 0.5, ULN 1 mg/dL): baseline CREAT 0.8 mg/dL (LLN 0.5, "
                        + "ULN 1 mg/dL) is not below its LLN, so graded against the normal range only; above ULN "
                        + "1 mg/dL → grade 1", graded.explanation()));
    }

    /** 0.9 g/L is below 0.5 × LLN 2.0 (grade 3), but only 10 % below the abnormal baseline 1.0 g/L. */
    @Test
    void fibrinogenWithAnAbnormalBaselineGradesTheDecreaseInstead() {
        LabResult result = lab(Analyte.FIB, "0.9", "g/L", "2.0", "4.0");
        LabGrade graded = grader.grade(CtcaeVersion.V5_0, result, withValue(result, new BigDecimal("1.0")));

        assertAll(
                () -> assertEquals(1, graded.grade()),
                () -> assertEquals("CTCAE v5.0 Fibrinogen decreased grade 1: if abnormal, <25% decrease from "
                        + "baseline", graded.rule()),
                () -> assertEquals("FIB 0.9 g/L (LLN 2, ULN 4 g/L): baseline FIB 1.0 g/L (LLN 2, ULN 4 g/L) is below "
                        + "its LLN, so graded against the baseline; below baseline 1 g/L → grade 1",
                        graded.explanation()));
    }

    @Test
    void fibrinogenNamesTheAbsoluteLimit() {
        LabGrade graded = grader.grade(CtcaeVersion.V5_0, lab(Analyte.FIB, "45", "mg/dL", "180", "400"), null);

        assertEquals("CTCAE v5.0 Fibrinogen decreased grade 4: absolute value <50 mg/dL", graded.rule());
        assertEquals("FIB 45 mg/dL = 0.45 g/L (LLN 1.8, ULN 4 g/L): below 0.5 g/L → grade 4", graded.explanation());
    }

    @Test
    void v6GradesNoLymphocyteDecrease() {
        LabResult lymphocytes = lab(Analyte.LYM, "0.3", "10*9/L", "1.0", "4.0");

        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
                () -> grader.grade(CtcaeVersion.V6_0, lymphocytes, null));
        assertEquals("CTCAE v6.0 grades no term from LYM", rejected.getMessage());
        assertEquals(Optional.empty(), CtcaeTerm.forAnalyte(CtcaeVersion.V6_0, Analyte.LYM));
    }

    @ParameterizedTest(name = "{0} {1}: {2} ({3})")
    @CsvSource({
            "V5_0, PLT,   Platelet count decreased,             10035528",
            "V6_0, PLT,   Thrombocytopenia,                     10043554",
            "V5_0, ANC,   Neutrophil count decreased,           10029366",
            "V6_0, ANC,   Neutrophil count decreased,           10029366",
            "V5_0, WBC,   White blood cell decreased,           10049182",
            "V6_0, WBC,   White blood cell decreased,           10049182",
            "V5_0, LYM,   Lymphocyte count decreased,           10025256",
            "V5_0, HGB,   Anemia,                               10002272",
            "V6_0, HGB,   Anemia,                               10002272",
            "V5_0, ALT,   Alanine aminotransferase increased,   10001551",
            "V6_0, ALT,   Alanine aminotransferase increased,   10001551",
            "V5_0, AST,   Aspartate aminotransferase increased, 10003481",
            "V6_0, AST,   Aspartate aminotransferase increased, 10003481",
            "V5_0, TBIL,  Blood bilirubin increased,            10005364",
            "V6_0, TBIL,  Blood bilirubin increased,            10005364",
            "V5_0, CREAT, Creatinine increased,                 10011368",
            "V6_0, CREAT, Creatinine increased,                 10011368",
            "V5_0, FIB,   Fibrinogen decreased,                 10016596",
            "V6_0, FIB,   Fibrinogen decreased,                 10016596",
    })
    void eachVersionHasItsTerms(CtcaeVersion version, Analyte analyte, String term, String meddraCode) {
        assertEquals(Optional.of(new CtcaeTerm(term, meddraCode)), CtcaeTerm.forAnalyte(version, analyte));
    }

    /** Each term a version names grades typical normal values 0, and as that term. */
    @ParameterizedTest
    @EnumSource(CtcaeVersion.class)
    void everyTermOfAVersionIsGraded(CtcaeVersion version) {
        for (Analyte analyte : Analyte.values()) {
            LabResult normal = switch (analyte) {
                case PLT -> lab(analyte, "200", "10*9/L", "150", "450");
                case ANC -> lab(analyte, "3.0", "10*9/L", "1.8", "7.5");
                case WBC -> lab(analyte, "6.0", "10*9/L", "4.0", "10.0");
                case LYM -> lab(analyte, "2.0", "10*9/L", "1.0", "4.0");
                case HGB -> lab(analyte, "14", "g/dL", "12", "16");
                case ALT, AST -> lab(analyte, "20", "U/L", null, "40");
                case TBIL -> lab(analyte, "0.8", "mg/dL", "0.1", "1.2");
                case CREAT -> lab(analyte, "0.8", "mg/dL", "0.5", "1.0");
                case FIB -> lab(analyte, "3.0", "g/L", "2.0", "4.0");
            };
            Optional<CtcaeTerm> term = CtcaeTerm.forAnalyte(version, analyte);
            if (term.isPresent()) {
                LabGrade graded = grader.grade(version, normal, normal);
                assertEquals(0, graded.grade(), version + " " + analyte);
                assertEquals(term.get(), graded.term(), version + " " + analyte);
            } else {
                assertThrows(IllegalArgumentException.class, () -> grader.grade(version, normal, null));
            }
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "5.0, V5_0",
            "6.0, V6_0",
    })
    void versionsByLabel(String label, CtcaeVersion version) {
        assertEquals(version, CtcaeVersion.of(label));
        assertEquals(label, version.label());
    }

    @ParameterizedTest(name = "\"{0}\" is not a version")
    @CsvSource({"7.0", "v5.0", "5", "''"})
    void unknownVersionsNameTheKnownOnes(String label) {
        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, () -> CtcaeVersion.of(label));
        assertEquals("unknown CTCAE version " + label + "; known: 5.0, 6.0", rejected.getMessage());
    }

    @ParameterizedTest(name = "{0} in {1} is rejected")
    @CsvSource({
            "PLT, 10*3/uL",
            "ANC, /uL",
            "WBC, 10*9/l",
            "LYM, %",
            "HGB, mmol/L",
            "FIB, mg/L",
    })
    void rejectsUnitsTheTableIsNotIn(Analyte analyte, String unit) {
        assertThrows(IllegalArgumentException.class,
                () -> grader.grade(CtcaeVersion.V5_0, lab(analyte, "1", unit, "1", "2"), null));
    }

    @Test
    void rejectsProgrammingErrors() {
        CtcaeVersion v5 = CtcaeVersion.V5_0;
        CtcaeVersion v6 = CtcaeVersion.V6_0;
        LabResult platelets = lab(Analyte.PLT, "20", "10*9/L", "150", "450");
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(v5, null, null)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(null, platelets, null)),
                // A limit the table refers to is missing, even where the value would not need it.
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v5, lab(Analyte.PLT, "20", "10*9/L", null, "450"), null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v6, lab(Analyte.PLT, "5", "10*9/L", null, "450"), null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v5, lab(Analyte.ANC, "2.0", "10*9/L", null, null), null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v5, lab(Analyte.ALT, "100", "U/L", "5", null), null)),
                // A baseline of another analyte, another unit, without the limit its condition needs, or zero.
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v5, lab(Analyte.ALT, "100", "U/L", null, "40"),
                                lab(Analyte.AST, "60", "U/L", null, "40"))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v5, lab(Analyte.CREAT, "200", "umol/L", null, "90"),
                                lab(Analyte.CREAT, "0.8", "mg/dL", null, "1.0"))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v5, lab(Analyte.ALT, "100", "U/L", null, "40"),
                                lab(Analyte.ALT, "60", "U/L", null, null))),
                // Even when the result itself is normal.
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v5, lab(Analyte.ALT, "30", "U/L", null, "40"),
                                lab(Analyte.ALT, "60", "U/L", null, null))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v6, lab(Analyte.CREAT, "0.9", "mg/dL", "0.5", "1.0"),
                                lab(Analyte.CREAT, "0.4", "mg/dL", null, "1.0"))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v5, lab(Analyte.FIB, "1.5", "g/L", "2.0", "4.0"),
                                lab(Analyte.FIB, "1.8", "g/L", null, "4.0"))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v5, lab(Analyte.CREAT, "2", "mg/dL", null, "1.0"),
                                lab(Analyte.CREAT, "0", "mg/dL", null, "1.0"))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(v6, lab(Analyte.CREAT, "2", "mg/dL", "0.5", "1.0"),
                                lab(Analyte.CREAT, "0", "mg/dL", "0.5", "1.0"))));
    }

    @Test
    void aBaselineIsOnlyCheckedWhereTheTableHasBaselineRows() {
        // Counts have no baseline row: a baseline in another unit is not compared.
        LabResult platelets = lab(Analyte.PLT, "60", "10*9/L", "150", "450");
        LabResult baselineInAnotherUnit = lab(Analyte.PLT, "60000", "/uL", "150000", "450000");

        assertEquals(2, grader.grade(CtcaeVersion.V5_0, platelets, baselineInAnotherUnit).grade());
    }

    @Test
    void labResultRejectsNonsense() {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> lab(null, "1", "10*9/L", "1", "2")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new LabResult(Analyte.PLT, null, "10*9/L", null, null)),
                () -> assertThrows(IllegalArgumentException.class, () -> lab(Analyte.PLT, "-1", "10*9/L", "1", "2")),
                () -> assertThrows(IllegalArgumentException.class, () -> lab(Analyte.PLT, "1", " ", "1", "2")),
                () -> assertThrows(IllegalArgumentException.class, () -> lab(Analyte.PLT, "1", "10*9/L", "-1", "2")),
                () -> assertThrows(IllegalArgumentException.class, () -> lab(Analyte.PLT, "1", "10*9/L", "3", "2")));
    }

    @Test
    void labGradeRejectsNonsense() {
        CtcaeVersion v5 = CtcaeVersion.V5_0;
        CtcaeTerm platelets = CtcaeTerm.PLATELET_COUNT_DECREASED;
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new LabGrade(v5, Analyte.PLT, platelets, 5, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new LabGrade(v5, Analyte.PLT, platelets, -1, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new LabGrade(null, Analyte.PLT, platelets, 1, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new LabGrade(v5, Analyte.PLT, null, 1, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new LabGrade(v5, Analyte.PLT, platelets, 1, "", "e")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new LabGrade(v5, Analyte.PLT, platelets, 1, "r", " ")));
    }

    @Test
    void everyTermHasItsOwnEightDigitCodePlacedInMeddra20_1() {
        assertEquals(CtcaeTerm.ALL.size(), new HashSet<>(CtcaeTerm.ALL.stream().map(CtcaeTerm::term).toList()).size());
        assertEquals(CtcaeTerm.ALL.size(), CtcaeTerm.ALL.stream()
                .map(CtcaeTerm::meddraCode).filter(Objects::nonNull).distinct().count());
        assertTrue(CtcaeTerm.ALL.stream().allMatch(term -> MeddraHierarchy.of("20.1", term.meddraCode()).isPresent()));
        assertEquals(new MeddraHierarchy.Placement("10029350", "10029350", "Neurotoxicity", "10029205",
                "Nervous system disorders"), MeddraHierarchy.of("20.1",
                        CtcaeTerm.IMMUNE_EFFECTOR_CELL_ASSOCIATED_NEUROTOXICITY_SYNDROME.meddraCode()).orElseThrow());
        assertTrue(CtcaeTerm.ALL.contains(CtcaeTerm.THROMBOCYTOPENIA));
        assertThrows(IllegalArgumentException.class, () -> new CtcaeTerm("Fever", "1001655"));
        assertThrows(IllegalArgumentException.class, () -> new CtcaeTerm(" ", "10016558"));
        assertThrows(IllegalArgumentException.class, () -> CtcaeTerm.forAnalyte(null, Analyte.PLT));
        assertThrows(IllegalArgumentException.class, () -> CtcaeTerm.forAnalyte(CtcaeVersion.V5_0, null));
    }
}
