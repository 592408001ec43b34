package org.celltrial.safety.ctcae;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CTCAE v5.0 (NCI, 2017) laboratory grading, CellTrial clinical-rules.md, CTCAE v5.0. */
class CtcaeLabGraderTest {

    private final CtcaeLabGrader grader = new CtcaeLabGrader();

    /** Every threshold just below, at and just above; empty limits are not reported. */
    @ParameterizedTest(name = "{0} {1} {2} (LLN {3}, ULN {4}) → grade {5}")
    @CsvSource({
            // Platelets, LLN 150: grade 1 75 ≤ v < LLN, 2 50 ≤ v < 75, 3 25 ≤ v < 50, 4 v < 25.
            "PLT,   24.9,  10*9/L, 150,  450,  4",
            "PLT,   25,    10*9/L, 150,  450,  3",
            "PLT,   25.1,  10*9/L, 150,  450,  3",
            "PLT,   49.9,  10*9/L, 150,  450,  3",
            "PLT,   50,    10*9/L, 150,  450,  2",
            "PLT,   50.1,  10*9/L, 150,  450,  2",
            "PLT,   74.9,  10*9/L, 150,  450,  2",
            "PLT,   75,    10*9/L, 150,  450,  1",
            "PLT,   75.1,  10*9/L, 150,  450,  1",
            "PLT,   149.9, 10*9/L, 150,  450,  1",
            "PLT,   150,   10*9/L, 150,  450,  0",
            "PLT,   150.1, 10*9/L, 150,  450,  0",
            "PLT,   0,     10*9/L, 150,  450,  4",
            // Neutrophils, LLN 1.8.
            "ANC,   0.49,  10*9/L, 1.8,  7.5,  4",
            "ANC,   0.5,   10*9/L, 1.8,  7.5,  3",
            "ANC,   0.51,  10*9/L, 1.8,  7.5,  3",
            "ANC,   0.99,  10*9/L, 1.8,  7.5,  3",
            "ANC,   1.0,   10*9/L, 1.8,  7.5,  2",
            "ANC,   1.01,  10*9/L, 1.8,  7.5,  2",
            "ANC,   1.49,  10*9/L, 1.8,  7.5,  2",
            "ANC,   1.5,   10*9/L, 1.8,  7.5,  1",
            "ANC,   1.51,  10*9/L, 1.8,  7.5,  1",
            "ANC,   1.79,  10*9/L, 1.8,  7.5,  1",
            "ANC,   1.8,   10*9/L, 1.8,  7.5,  0",
            "ANC,   1.81,  10*9/L, 1.8,  7.5,  0",
            // White cells, LLN 4.0.
            "WBC,   0.99,  10*9/L, 4.0,  10.0, 4",
            "WBC,   1.0,   10*9/L, 4.0,  10.0, 3",
            "WBC,   1.01,  10*9/L, 4.0,  10.0, 3",
            "WBC,   1.99,  10*9/L, 4.0,  10.0, 3",
            "WBC,   2.0,   10*9/L, 4.0,  10.0, 2",
            "WBC,   2.01,  10*9/L, 4.0,  10.0, 2",
            "WBC,   2.99,  10*9/L, 4.0,  10.0, 2",
            "WBC,   3.0,   10*9/L, 4.0,  10.0, 1",
            "WBC,   3.01,  10*9/L, 4.0,  10.0, 1",
            "WBC,   3.99,  10*9/L, 4.0,  10.0, 1",
            "WBC,   4.0,   10*9/L, 4.0,  10.0, 0",
            "WBC,   4.01,  10*9/L, 4.0,  10.0, 0",
            // Lymphocytes, LLN 1.0.
            "LYM,   0.19,  10*9/L, 1.0,  4.0,  4",
            "LYM,   0.2,   10*9/L, 1.0,  4.0,  3",
            "LYM,   0.21,  10*9/L, 1.0,  4.0,  3",
            "LYM,   0.49,  10*9/L, 1.0,  4.0,  3",
            "LYM,   0.5,   10*9/L, 1.0,  4.0,  2",
            "LYM,   0.51,  10*9/L, 1.0,  4.0,  2",
            "LYM,   0.79,  10*9/L, 1.0,  4.0,  2",
            "LYM,   0.8,   10*9/L, 1.0,  4.0,  1",
            "LYM,   0.81,  10*9/L, 1.0,  4.0,  1",
            "LYM,   0.99,  10*9/L, 1.0,  4.0,  1",
            "LYM,   1.0,   10*9/L, 1.0,  4.0,  0",
            "LYM,   1.01,  10*9/L, 1.0,  4.0,  0",
            // An LLN below a fixed threshold: a normal value stays grade 0.
            "LYM,   0.75,  10*9/L, 0.7,  4.0,  0",
            "LYM,   0.69,  10*9/L, 0.7,  4.0,  2",
            // Hemoglobin in g/dL, LLN 12.0; the value never gives grade 4.
            "HGB,   7.9,   g/dL,   12.0, 16.0, 3",
            "HGB,   8.0,   g/dL,   12.0, 16.0, 2",
            "HGB,   8.1,   g/dL,   12.0, 16.0, 2",
            "HGB,   9.9,   g/dL,   12.0, 16.0, 2",
            "HGB,   10.0,  g/dL,   12.0, 16.0, 1",
            "HGB,   10.1,  g/dL,   12.0, 16.0, 1",
            "HGB,   11.9,  g/dL,   12.0, 16.0, 1",
            "HGB,   12.0,  g/dL,   12.0, 16.0, 0",
            "HGB,   12.1,  g/dL,   12.0, 16.0, 0",
            "HGB,   3.0,   g/dL,   12.0, 16.0, 3",
            // Hemoglobin in g/L, divided by 10.
            "HGB,   79,    g/L,    120,  160,  3",
            "HGB,   80,    g/L,    120,  160,  2",
            "HGB,   81,    g/L,    120,  160,  2",
            "HGB,   99,    g/L,    120,  160,  2",
            "HGB,   100,   g/L,    120,  160,  1",
            "HGB,   101,   g/L,    120,  160,  1",
            "HGB,   119,   g/L,    120,  160,  1",
            "HGB,   120,   g/L,    120,  160,  0",
            // ALT, ULN 40, no baseline: grade 1 ULN < v ≤ 3.0×ULN, 2 ≤ 5.0×, 3 ≤ 20.0×, 4 above.
            "ALT,   39.9,  U/L,    ,     40,   0",
            "ALT,   40,    U/L,    ,     40,   0",
            "ALT,   40.1,  U/L,    ,     40,   1",
            "ALT,   119.9, U/L,    ,     40,   1",
            "ALT,   120,   U/L,    ,     40,   1",
            "ALT,   120.1, U/L,    ,     40,   2",
            "ALT,   199.9, U/L,    ,     40,   2",
            "ALT,   200,   U/L,    ,     40,   2",
            "ALT,   200.1, U/L,    ,     40,   3",
            "ALT,   799.9, U/L,    ,     40,   3",
            "ALT,   800,   U/L,    ,     40,   3",
            "ALT,   800.1, U/L,    ,     40,   4",
            // AST, ULN 35, in another unit: only multiples of ULN matter.
            "AST,   35,    ukat/L, ,     35,   0",
            "AST,   35.1,  ukat/L, ,     35,   1",
            "AST,   105,   ukat/L, ,     35,   1",
            "AST,   105.1, ukat/L, ,     35,   2",
            "AST,   175,   ukat/L, ,     35,   2",
            "AST,   175.1, ukat/L, ,     35,   3",
            "AST,   700,   ukat/L, ,     35,   3",
            "AST,   700.1, ukat/L, ,     35,   4",
            // Bilirubin, ULN 1.2 mg/dL: grade 1 ≤ 1.5×, 2 ≤ 3.0×, 3 ≤ 10.0×, 4 above.
            "TBIL,  1.19,  mg/dL,  0.1,  1.2,  0",
            "TBIL,  1.2,   mg/dL,  0.1,  1.2,  0",
            "TBIL,  1.21,  mg/dL,  0.1,  1.2,  1",
            "TBIL,  1.79,  mg/dL,  0.1,  1.2,  1",
            "TBIL,  1.8,   mg/dL,  0.1,  1.2,  1",
            "TBIL,  1.81,  mg/dL,  0.1,  1.2,  2",
            "TBIL,  3.59,  mg/dL,  0.1,  1.2,  2",
            "TBIL,  3.6,   mg/dL,  0.1,  1.2,  2",
            "TBIL,  3.61,  mg/dL,  0.1,  1.2,  3",
            "TBIL,  11.99, mg/dL,  0.1,  1.2,  3",
            "TBIL,  12.0,  mg/dL,  0.1,  1.2,  3",
            "TBIL,  12.01, mg/dL,  0.1,  1.2,  4",
            // Creatinine, ULN 1.0 mg/dL, no baseline: grade 1 ≤ 1.5×, 2 ≤ 3.0×, 3 ≤ 6.0×, 4 above.
            "CREAT, 0.99,  mg/dL,  0.5,  1.0,  0",
            "CREAT, 1.0,   mg/dL,  0.5,  1.0,  0",
            "CREAT, 1.01,  mg/dL,  0.5,  1.0,  1",
            "CREAT, 1.49,  mg/dL,  0.5,  1.0,  1",
            "CREAT, 1.5,   mg/dL,  0.5,  1.0,  1",
            "CREAT, 1.51,  mg/dL,  0.5,  1.0,  2",
            "CREAT, 2.99,  mg/dL,  0.5,  1.0,  2",
            "CREAT, 3.0,   mg/dL,  0.5,  1.0,  2",
            "CREAT, 3.01,  mg/dL,  0.5,  1.0,  3",
            "CREAT, 5.99,  mg/dL,  0.5,  1.0,  3",
            "CREAT, 6.0,   mg/dL,  0.5,  1.0,  3",
            "CREAT, 6.01,  mg/dL,  0.5,  1.0,  4",
            // Fibrinogen, LLN 2.4 g/L: grade 1 0.75×LLN ≤ v < LLN (1.8), 2 from 0.5× (1.2), 3 from 0.25× (0.6).
            "FIB,   2.41,  g/L,    2.4,  4.0,  0",
            "FIB,   2.4,   g/L,    2.4,  4.0,  0",
            "FIB,   2.39,  g/L,    2.4,  4.0,  1",
            "FIB,   1.81,  g/L,    2.4,  4.0,  1",
            "FIB,   1.8,   g/L,    2.4,  4.0,  1",
            "FIB,   1.79,  g/L,    2.4,  4.0,  2",
            "FIB,   1.21,  g/L,    2.4,  4.0,  2",
            "FIB,   1.2,   g/L,    2.4,  4.0,  2",
            "FIB,   1.19,  g/L,    2.4,  4.0,  3",
            "FIB,   0.61,  g/L,    2.4,  4.0,  3",
            "FIB,   0.6,   g/L,    2.4,  4.0,  3",
            "FIB,   0.59,  g/L,    2.4,  4.0,  4",
            // Fibrinogen below the absolute 50 mg/dL is grade 4 even above 0.25×LLN (LLN 180 mg/dL: 45).
            "FIB,   50.1,  mg/dL,  180,  400,  3",
            "FIB,   50,    mg/dL,  180,  400,  3",
            "FIB,   49.9,  mg/dL,  180,  400,  4",
            "FIB,   0.51,  g/L,    1.8,  4.0,  3",
            "FIB,   0.5,   g/L,    1.8,  4.0,  3",
            "FIB,   0.49,  g/L,    1.8,  4.0,  4",
            "FIB,   135,   mg/dL,  180,  400,  1",
            "FIB,   134.9, mg/dL,  180,  400,  2",
    })
    void gradesAgainstTheTable(Analyte analyte, BigDecimal value, String unit, BigDecimal lowerLimitNormal,
            BigDecimal upperLimitNormal, int grade) {
        LabGrade graded = grader.grade(new LabResult(analyte, value, unit, lowerLimitNormal, upperLimitNormal), null);

        assertEquals(grade, graded.grade());
        assertEquals(analyte, graded.analyte());
    }

    /** ALT and AST with a baseline above its ULN (60 U/L, ULN 40): multiples of the baseline. */
    @ParameterizedTest(name = "{0} {1} U/L, abnormal baseline 60 → grade {2}")
    @CsvSource({
            "ALT, 40,     0",
            "ALT, 89.9,   0",
            "ALT, 90,     1",
            "ALT, 90.1,   1",
            "ALT, 179.9,  1",
            "ALT, 180,    1",
            "ALT, 180.1,  2",
            "ALT, 299.9,  2",
            "ALT, 300,    2",
            "ALT, 300.1,  3",
            "ALT, 1199.9, 3",
            "ALT, 1200,   3",
            "ALT, 1200.1, 4",
            "AST, 89.9,   0",
            "AST, 90,     1",
            "AST, 180.1,  2",
            "AST, 300.1,  3",
            "AST, 1200.1, 4",
    })
    void aminotransferasesWithAbnormalBaselineUseTheBaseline(Analyte analyte, BigDecimal value, int grade) {
        LabResult baseline = new LabResult(analyte, BigDecimal.valueOf(60), "U/L", null, BigDecimal.valueOf(40));

        assertEquals(grade, grader.grade(new LabResult(analyte, value, "U/L", null, BigDecimal.valueOf(40)),
                baseline).grade());
    }

    /** 120.2 U/L is above 3.0 × ULN 40 = 120 but not above 3.0 × baseline 40.1 = 120.3. */
    @ParameterizedTest(name = "ALT 120.2 U/L with baseline {0} (ULN 40) → grade {1}")
    @CsvSource({
            "39.9, 2",
            "40,   2",
            "40.1, 1",
    })
    void aBaselineAtOrBelowUlnIsNormal(BigDecimal baselineValue, int grade) {
        LabResult baseline = new LabResult(Analyte.ALT, baselineValue, "U/L", null, BigDecimal.valueOf(40));

        assertEquals(grade, grader.grade(new LabResult(Analyte.ALT, new BigDecimal("120.2"), "U/L", null,
                BigDecimal.valueOf(40)), baseline).grade());
    }

    /** Creatinine with baseline 0.8 mg/dL (ULN 1.0): the worse of ULN-based and baseline-based (1.2, 2.4). */
    @ParameterizedTest(name = "creatinine {0} mg/dL, baseline {1} → grade {2}")
    @CsvSource({
            "1.19, 0.8, 1",
            "1.2,  0.8, 1",
            "1.21, 0.8, 2",
            "2.39, 0.8, 2",
            "2.4,  0.8, 2",
            "2.41, 0.8, 3",
            "6.01, 0.8, 4",
            // Above 1.5×baseline but not above ULN: not abnormal.
            "0.9,  0.4, 0",
            "1.0,  0.4, 0",
            "1.01, 0.4, 2",
            "1.21, 0.4, 3",
    })
    void creatinineTakesTheWorseOfUlnAndBaseline(BigDecimal value, BigDecimal baselineValue, int grade) {
        LabResult baseline = new LabResult(Analyte.CREAT, baselineValue, "mg/dL", new BigDecimal("0.5"),
                BigDecimal.ONE);

        assertEquals(grade, grader.grade(new LabResult(Analyte.CREAT, value, "mg/dL", new BigDecimal("0.5"),
                BigDecimal.ONE), baseline).grade());
    }

    @Test
    void baselineIsIgnoredWhereTheTableHasNoBaselineRow() {
        LabResult baseline = new LabResult(Analyte.TBIL, new BigDecimal("3.0"), "mg/dL", null, new BigDecimal("1.2"));

        assertEquals(2, grader.grade(new LabResult(Analyte.TBIL, new BigDecimal("3.0"), "mg/dL", null,
                new BigDecimal("1.2")), baseline).grade());
    }

    @Test
    void explainsCountsWithTheRowAndTheValues() {
        LabGrade graded = grader.grade(lab(Analyte.PLT, "49", "10*9/L", "150", "450"), null);

        assertAll(
                () -> assertEquals(CtcaeTerm.PLATELET_COUNT_DECREASED, graded.term()),
                () -> assertEquals("CTCAE v5.0 Platelet count decreased grade 3: <50.0 - 25.0 x 10e9 /L",
                        graded.rule()),
                () -> assertEquals("PLT 49 10*9/L (LLN 150, ULN 450 10*9/L): below 50 10*9/L → grade 3",
                        graded.explanation()));
    }

    @Test
    void explainsNormalValues() {
        LabGrade graded = grader.grade(lab(Analyte.PLT, "150", "10*9/L", "150", "450"), null);

        assertEquals("CTCAE v5.0 Platelet count decreased grade 0: within normal limits", graded.rule());
        assertEquals("PLT 150 10*9/L (LLN 150, ULN 450 10*9/L): not below LLN", graded.explanation());
    }

    @Test
    void anemiaGradeThreeSaysGradeFourIsClinical() {
        LabGrade graded = grader.grade(lab(Analyte.HGB, "55", "g/L", "120", "160"), null);

        assertAll(
                () -> assertEquals(3, graded.grade()),
                () -> assertEquals(CtcaeTerm.ANEMIA, graded.term()),
                () -> assertEquals("CTCAE v5.0 Anemia grade 3: Hgb <8.0 g/dL; transfusion indicated (grade 4, "
                        + "life-threatening consequences, is clinical and never graded from the value)",
                        graded.rule()),
                () -> assertEquals("HGB 55 g/L = 5.5 g/dL (LLN 12, ULN 16 g/dL): below 8 g/dL → grade 3",
                        graded.explanation()));
    }

    @Test
    void explainsMultiplesOfUln() {
        LabGrade graded = grader.grade(lab(Analyte.ALT, "130", "U/L", null, "40"), null);

        assertEquals("CTCAE v5.0 Alanine aminotransferase increased grade 2: >3.0 - 5.0 x ULN if baseline was "
                + "normal", graded.rule());
        assertEquals("ALT 130 U/L (ULN 40 U/L): above 3.0 × ULN = 120 U/L → grade 2", graded.explanation());
    }

    @Test
    void explainsAnAbnormalBaseline() {
        LabGrade graded = grader.grade(lab(Analyte.ALT, "85", "U/L", null, "40"), lab(Analyte.ALT, "60", "U/L", null,
                "40"));

        assertAll(
                () -> assertEquals(0, graded.grade()),
                () -> assertEquals("CTCAE v5.0 Alanine aminotransferase increased grade 0: not reaching 1.5 - 3.0 x "
                        + "baseline if baseline was abnormal", graded.rule()),
                () -> assertEquals("ALT 85 U/L (ULN 40 U/L): baseline ALT 60 U/L (ULN 40 U/L) is abnormal, so "
                        + "graded against the baseline; not at or above 1.5 × baseline = 90 U/L → grade 0",
                        graded.explanation()));
    }

    @Test
    void explainsBothCreatinineGrades() {
        LabGrade graded = grader.grade(lab(Analyte.CREAT, "1.3", "mg/dL", null, "1.0"),
                lab(Analyte.CREAT, "0.8", "mg/dL", null, "1.0"));

        assertAll(
                () -> assertEquals(2, graded.grade()),
                () -> assertEquals("CTCAE v5.0 Creatinine increased grade 2: >1.5 - 3.0 x baseline", graded.rule()),
                () -> assertEquals("CREAT 1.3 mg/dL (ULN 1 mg/dL): baseline CREAT 0.8 mg/dL (ULN 1 mg/dL); the worse "
                        + "of the ULN-based and baseline-based grades; above ULN 1 mg/dL → grade 1; above 1.5 × "
                        + "baseline = 1.2 mg/dL → grade 2", graded.explanation()));
    }

    @Test
    void fibrinogenNamesTheAbsoluteLimit() {
        LabGrade graded = grader.grade(lab(Analyte.FIB, "45", "mg/dL", "180", "400"), null);

        assertEquals("CTCAE v5.0 Fibrinogen decreased grade 4: absolute value <50 mg/dL", graded.rule());
        assertEquals("FIB 45 mg/dL = 0.45 g/L (LLN 1.8, ULN 4 g/L): below 0.5 g/L → grade 4", graded.explanation());
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
                () -> grader.grade(lab(analyte, "1", unit, "1", "2"), null));
    }

    @Test
    void rejectsProgrammingErrors() {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(null, null)),
                // The limit the grade depends on is missing.
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(lab(Analyte.PLT, "20", "10*9/L", null, "450"), null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(lab(Analyte.ALT, "100", "U/L", "5", null), null)),
                // A baseline of another analyte, another unit, without ULN, or zero.
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(lab(Analyte.ALT, "100", "U/L", null, "40"),
                                lab(Analyte.AST, "60", "U/L", null, "40"))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(lab(Analyte.CREAT, "200", "umol/L", null, "90"),
                                lab(Analyte.CREAT, "0.8", "mg/dL", null, "1.0"))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(lab(Analyte.ALT, "100", "U/L", null, "40"),
                                lab(Analyte.ALT, "60", "U/L", null, null))),
                // Even when the result itself is normal.
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(lab(Analyte.ALT, "30", "U/L", null, "40"),
                                lab(Analyte.ALT, "60", "U/L", null, null))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(lab(Analyte.CREAT, "2", "mg/dL", null, "1.0"),
                                lab(Analyte.CREAT, "0", "mg/dL", null, "1.0"))));
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
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new LabGrade(Analyte.PLT, CtcaeTerm.PLATELET_COUNT_DECREASED, 5, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new LabGrade(Analyte.PLT, null, 1, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new LabGrade(Analyte.PLT, CtcaeTerm.PLATELET_COUNT_DECREASED, 1, "", "e")));
    }

    @Test
    void termsHaveEightDigitCodesExceptIcans() {
        assertEquals(CtcaeTerm.ALL.size(), new HashSet<>(CtcaeTerm.ALL.stream().map(CtcaeTerm::term).toList()).size());
        assertEquals(CtcaeTerm.ALL.size() - 1, CtcaeTerm.ALL.stream()
                .map(CtcaeTerm::meddraCode).filter(Objects::nonNull).distinct().count());
        assertTrue(CtcaeTerm.IMMUNE_EFFECTOR_CELL_ASSOCIATED_NEUROTOXICITY_SYNDROME.meddraCode() == null);
        assertThrows(IllegalArgumentException.class, () -> new CtcaeTerm("Fever", "1001655"));
        assertThrows(IllegalArgumentException.class, () -> new CtcaeTerm(" ", "10016558"));
    }

    @Test
    void everyAnalyteIsGraded() {
        for (Analyte analyte : Analyte.values()) {
            String unit = switch (analyte) {
                case PLT, ANC, WBC, LYM -> "10*9/L";
                case HGB -> "g/dL";
                case FIB -> "g/L";
                default -> "U/L";
            };
            assertEquals(0, grader.grade(lab(analyte, "1", unit, "1", "1"), null).grade(), analyte.name());
        }
    }

    private static LabResult lab(Analyte analyte, String value, String unit, String lowerLimitNormal,
            String upperLimitNormal) {
        return new LabResult(analyte, new BigDecimal(value), unit,
                lowerLimitNormal == null ? null : new BigDecimal(lowerLimitNormal),
                upperLimitNormal == null ? null : new BigDecimal(upperLimitNormal));
    }
}
