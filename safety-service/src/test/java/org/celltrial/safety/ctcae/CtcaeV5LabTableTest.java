package org.celltrial.safety.ctcae;

import static org.celltrial.safety.ctcae.LabResults.lab;
import static org.celltrial.safety.ctcae.LabResults.withValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CTCAE v5.0 (NCI, 2017) golden table: every analyte, every row, just beyond, at and just short of each
 * threshold (docs/clinical-rules.md, section "CTCAE"). Empty limits are not reported.
 */
class CtcaeV5LabTableTest {

    private final CtcaeLabGrader grader = new CtcaeLabGrader();

    @ParameterizedTest(name = "{0} {1} {2} (LLN {3}, ULN {4}) → grade {5}")
    @CsvSource({
            // Platelets, LLN 150: grade 1 75 ≤ v < LLN, 2 50 ≤ v < 75, 3 25 ≤ v < 50, 4 v < 25.
            "PLT,   0,     10*9/L, 150,  450,  4",
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
            // Neutrophils, LLN 1.8: grade 1 1.5 ≤ v < LLN, 2 from 1.0, 3 from 0.5, 4 below.
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
            // White cells, LLN 4.0: grade 1 3.0 ≤ v < LLN, 2 from 2.0, 3 from 1.0, 4 below.
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
            // Lymphocytes, LLN 1.0: grade 1 0.8 ≤ v < LLN, 2 from 0.5, 3 from 0.2, 4 below.
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
            // Hemoglobin in g/dL, LLN 12.0: grade 1 10.0 ≤ v < LLN, 2 from 8.0, 3 below; never 4 from the value.
            "HGB,   3.0,   g/dL,   12.0, 16.0, 3",
            "HGB,   7.9,   g/dL,   12.0, 16.0, 3",
            "HGB,   8.0,   g/dL,   12.0, 16.0, 2",
            "HGB,   8.1,   g/dL,   12.0, 16.0, 2",
            "HGB,   9.9,   g/dL,   12.0, 16.0, 2",
            "HGB,   10.0,  g/dL,   12.0, 16.0, 1",
            "HGB,   10.1,  g/dL,   12.0, 16.0, 1",
            "HGB,   11.9,  g/dL,   12.0, 16.0, 1",
            "HGB,   12.0,  g/dL,   12.0, 16.0, 0",
            "HGB,   12.1,  g/dL,   12.0, 16.0, 0",
            // Hemoglobin in g/L, divided by 10.
            "HGB,   79,    g/L,    120,  160,  3",
            "HGB,   80,    g/L,    120,  160,  2",
            "HGB,   81,    g/L,    120,  160,  2",
            "HGB,   99,    g/L,    120,  160,  2",
            "HGB,   100,   g/L,    120,  160,  1",
            "HGB,   101,   g/L,    120,  160,  1",
            "HGB,   119,   g/L,    120,  160,  1",
            "HGB,   120,   g/L,    120,  160,  0",
            // ALT, ULN 40: grade 1 ULN < v ≤ 3.0×ULN, 2 ≤ 5.0×, 3 ≤ 20.0×, 4 above.
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
            "AST,   34.9,  ukat/L, ,     35,   0",
            "AST,   35,    ukat/L, ,     35,   0",
            "AST,   35.1,  ukat/L, ,     35,   1",
            "AST,   104.9, ukat/L, ,     35,   1",
            "AST,   105,   ukat/L, ,     35,   1",
            "AST,   105.1, ukat/L, ,     35,   2",
            "AST,   174.9, ukat/L, ,     35,   2",
            "AST,   175,   ukat/L, ,     35,   2",
            "AST,   175.1, ukat/L, ,     35,   3",
            "AST,   699.9, ukat/L, ,     35,   3",
            "AST,   700,   ukat/L, ,     35,   3",
            "AST,   700.1, ukat/L, ,     35,   4",
            // Bilirubin, ULN 1.2 mg/dL: grade 1 ≤ 1.5×ULN, 2 ≤ 3.0×, 3 ≤ 10.0×, 4 above.
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
            // Creatinine, ULN 1.0 mg/dL, no baseline: grade 1 ≤ 1.5×ULN, 2 ≤ 3.0×, 3 ≤ 6.0×, 4 above.
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
            // Fibrinogen, LLN 2.4 g/L: grade 1 0.75×LLN (1.8) ≤ v < LLN, 2 from 0.5× (1.2), 3 from 0.25× (0.6).
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
            "FIB,   135.1, mg/dL,  180,  400,  1",
            "FIB,   135,   mg/dL,  180,  400,  1",
            "FIB,   134.9, mg/dL,  180,  400,  2",
    })
    void gradesAgainstTheNormalRangeAndFixedThresholds(Analyte analyte, BigDecimal value, String unit,
            BigDecimal lowerLimitNormal, BigDecimal upperLimitNormal, int grade) {
        LabGrade graded = grader.grade(CtcaeVersion.V5_0, lab(analyte, value, unit, lowerLimitNormal,
                upperLimitNormal), null);

        assertEquals(grade, graded.grade());
        assertEquals(analyte, graded.analyte());
        assertEquals(CtcaeVersion.V5_0, graded.version());
    }

    /** The baseline comes with the same unit and normal range as the result. */
    @ParameterizedTest(name = "{0} {1} {2} (LLN {3}, ULN {4}), baseline {5} → grade {6}")
    @CsvSource({
            // ALT and AST, baseline 60 above ULN 40: grade 1 1.5×baseline (90) ≤ v ≤ 3.0× (180), 2 ≤ 5.0× (300),
            // 3 ≤ 20.0× (1200), 4 above; the value against ULN does not count.
            "ALT,   40,     U/L,   ,    40,  60,   0",
            "ALT,   89.9,   U/L,   ,    40,  60,   0",
            "ALT,   90,     U/L,   ,    40,  60,   1",
            "ALT,   90.1,   U/L,   ,    40,  60,   1",
            "ALT,   179.9,  U/L,   ,    40,  60,   1",
            "ALT,   180,    U/L,   ,    40,  60,   1",
            "ALT,   180.1,  U/L,   ,    40,  60,   2",
            "ALT,   299.9,  U/L,   ,    40,  60,   2",
            "ALT,   300,    U/L,   ,    40,  60,   2",
            "ALT,   300.1,  U/L,   ,    40,  60,   3",
            "ALT,   1199.9, U/L,   ,    40,  60,   3",
            "ALT,   1200,   U/L,   ,    40,  60,   3",
            "ALT,   1200.1, U/L,   ,    40,  60,   4",
            "AST,   89.9,   U/L,   ,    40,  60,   0",
            "AST,   90,     U/L,   ,    40,  60,   1",
            "AST,   90.1,   U/L,   ,    40,  60,   1",
            "AST,   180,    U/L,   ,    40,  60,   1",
            "AST,   180.1,  U/L,   ,    40,  60,   2",
            "AST,   300,    U/L,   ,    40,  60,   2",
            "AST,   300.1,  U/L,   ,    40,  60,   3",
            "AST,   1200,   U/L,   ,    40,  60,   3",
            "AST,   1200.1, U/L,   ,    40,  60,   4",
            // A baseline at or below ULN is normal: ULN rows (130 > 3.0×ULN).
            "ALT,   130,    U/L,   ,    40,  40,   2",
            "AST,   130,    U/L,   ,    40,  39.9, 2",
            // Bilirubin, baseline 2.0 above ULN 1.2: grade 1 > 1.0×baseline, 2 > 1.5× (3.0), 3 > 3.0× (6.0),
            // 4 > 10.0× (20.0).
            "TBIL,  1.99,   mg/dL, ,    1.2, 2.0,  0",
            "TBIL,  2.0,    mg/dL, ,    1.2, 2.0,  0",
            "TBIL,  2.01,   mg/dL, ,    1.2, 2.0,  1",
            "TBIL,  2.99,   mg/dL, ,    1.2, 2.0,  1",
            "TBIL,  3.0,    mg/dL, ,    1.2, 2.0,  1",
            "TBIL,  3.01,   mg/dL, ,    1.2, 2.0,  2",
            "TBIL,  5.99,   mg/dL, ,    1.2, 2.0,  2",
            "TBIL,  6.0,    mg/dL, ,    1.2, 2.0,  2",
            "TBIL,  6.01,   mg/dL, ,    1.2, 2.0,  3",
            "TBIL,  19.99,  mg/dL, ,    1.2, 2.0,  3",
            "TBIL,  20.0,   mg/dL, ,    1.2, 2.0,  3",
            "TBIL,  20.01,  mg/dL, ,    1.2, 2.0,  4",
            // A normal bilirubin baseline: ULN rows.
            "TBIL,  1.81,   mg/dL, ,    1.2, 1.2,  2",
            // Creatinine, ULN 1.0: the worse of the ULN rows and > 1.5×baseline → 2, > 3.0×baseline → 3,
            // whether or not the value is above ULN. Baseline 0.4: 0.6 and 1.2.
            "CREAT, 0.59,   mg/dL, 0.5, 1.0, 0.4,  0",
            "CREAT, 0.6,    mg/dL, 0.5, 1.0, 0.4,  0",
            "CREAT, 0.61,   mg/dL, 0.5, 1.0, 0.4,  2",
            "CREAT, 1.19,   mg/dL, 0.5, 1.0, 0.4,  2",
            "CREAT, 1.2,    mg/dL, 0.5, 1.0, 0.4,  2",
            "CREAT, 1.21,   mg/dL, 0.5, 1.0, 0.4,  3",
            "CREAT, 6.0,    mg/dL, 0.5, 1.0, 0.4,  3",
            "CREAT, 6.01,   mg/dL, 0.5, 1.0, 0.4,  4",
            // Baseline 0.8: 1.2 and 2.4, against ULN rows 1.0, 1.5, 3.0, 6.0.
            "CREAT, 1.19,   mg/dL, 0.5, 1.0, 0.8,  1",
            "CREAT, 1.2,    mg/dL, 0.5, 1.0, 0.8,  1",
            "CREAT, 1.21,   mg/dL, 0.5, 1.0, 0.8,  2",
            "CREAT, 2.39,   mg/dL, 0.5, 1.0, 0.8,  2",
            "CREAT, 2.4,    mg/dL, 0.5, 1.0, 0.8,  2",
            "CREAT, 2.41,   mg/dL, 0.5, 1.0, 0.8,  3",
            // Fibrinogen, baseline 2.4 below LLN 2.5: decrease from baseline instead of multiples of LLN.
            // Grade 1 below 2.4, 2 at or below 0.75× (1.8), 3 at or below 0.5× (1.2), 4 at or below 0.25× (0.6).
            "FIB,   2.6,    g/L,   2.5, 4.0, 2.4,  0",
            "FIB,   2.41,   g/L,   2.5, 4.0, 2.4,  0",
            "FIB,   2.4,    g/L,   2.5, 4.0, 2.4,  0",
            "FIB,   2.39,   g/L,   2.5, 4.0, 2.4,  1",
            "FIB,   1.81,   g/L,   2.5, 4.0, 2.4,  1",
            "FIB,   1.8,    g/L,   2.5, 4.0, 2.4,  2",
            "FIB,   1.79,   g/L,   2.5, 4.0, 2.4,  2",
            "FIB,   1.21,   g/L,   2.5, 4.0, 2.4,  2",
            "FIB,   1.2,    g/L,   2.5, 4.0, 2.4,  3",
            "FIB,   1.19,   g/L,   2.5, 4.0, 2.4,  3",
            "FIB,   0.61,   g/L,   2.5, 4.0, 2.4,  3",
            "FIB,   0.6,    g/L,   2.5, 4.0, 2.4,  4",
            "FIB,   0.59,   g/L,   2.5, 4.0, 2.4,  4",
            // ... and still grade 4 below the absolute 50 mg/dL (baseline 90 mg/dL: 0.75× = 67.5, 0.5× = 45).
            "FIB,   50.1,   mg/dL, 200, 400, 90,   2",
            "FIB,   50,     mg/dL, 200, 400, 90,   2",
            "FIB,   49.9,   mg/dL, 200, 400, 90,   4",
            // A normal fibrinogen baseline: LLN rows (1.79 < 0.75×LLN 2.4).
            "FIB,   1.79,   g/L,   2.4, 4.0, 2.4,  2",
    })
    void gradesAgainstTheBaseline(Analyte analyte, BigDecimal value, String unit, BigDecimal lowerLimitNormal,
            BigDecimal upperLimitNormal, BigDecimal baselineValue, int grade) {
        LabResult result = lab(analyte, value, unit, lowerLimitNormal, upperLimitNormal);

        assertEquals(grade, grader.grade(CtcaeVersion.V5_0, result, withValue(result, baselineValue)).grade());
    }

    /** One value per row, and the row's words; the baseline comes with the result's unit and normal range. */
    @ParameterizedTest(name = "{0} {1} {2}, baseline {5} → {6}")
    @CsvSource(delimiter = '|', textBlock = """
            PLT   | 160   | 10*9/L | 150 | 450 |     | CTCAE v5.0 Platelet count decreased grade 0: not reaching <LLN - 75.0 x 10e9 /L
            PLT   | 100   | 10*9/L | 150 | 450 |     | CTCAE v5.0 Platelet count decreased grade 1: <LLN - 75.0 x 10e9 /L
            PLT   | 60    | 10*9/L | 150 | 450 |     | CTCAE v5.0 Platelet count decreased grade 2: <75.0 - 50.0 x 10e9 /L
            PLT   | 30    | 10*9/L | 150 | 450 |     | CTCAE v5.0 Platelet count decreased grade 3: <50.0 - 25.0 x 10e9 /L
            PLT   | 10    | 10*9/L | 150 | 450 |     | CTCAE v5.0 Platelet count decreased grade 4: <25.0 x 10e9 /L
            ANC   | 2.0   | 10*9/L | 1.8 | 7.5 |     | CTCAE v5.0 Neutrophil count decreased grade 0: not reaching <LLN - 1.5 x 10e9 /L
            ANC   | 1.6   | 10*9/L | 1.8 | 7.5 |     | CTCAE v5.0 Neutrophil count decreased grade 1: <LLN - 1.5 x 10e9 /L
            ANC   | 1.2   | 10*9/L | 1.8 | 7.5 |     | CTCAE v5.0 Neutrophil count decreased grade 2: <1.5 - 1.0 x 10e9 /L
            ANC   | 0.7   | 10*9/L | 1.8 | 7.5 |     | CTCAE v5.0 Neutrophil count decreased grade 3: <1.0 - 0.5 x 10e9 /L
            ANC   | 0.2   | 10*9/L | 1.8 | 7.5 |     | CTCAE v5.0 Neutrophil count decreased grade 4: <0.5 x 10e9 /L
            WBC   | 5.0   | 10*9/L | 4.0 | 10  |     | CTCAE v5.0 White blood cell decreased grade 0: not reaching <LLN - 3.0 x 10e9 /L
            WBC   | 3.5   | 10*9/L | 4.0 | 10  |     | CTCAE v5.0 White blood cell decreased grade 1: <LLN - 3.0 x 10e9 /L
            WBC   | 2.5   | 10*9/L | 4.0 | 10  |     | CTCAE v5.0 White blood cell decreased grade 2: <3.0 - 2.0 x 10e9 /L
            WBC   | 1.5   | 10*9/L | 4.0 | 10  |     | CTCAE v5.0 White blood cell decreased grade 3: <2.0 - 1.0 x 10e9 /L
            WBC   | 0.5   | 10*9/L | 4.0 | 10  |     | CTCAE v5.0 White blood cell decreased grade 4: <1.0 x 10e9 /L
            LYM   | 1.5   | 10*9/L | 1.0 | 4.0 |     | CTCAE v5.0 Lymphocyte count decreased grade 0: not reaching <LLN - 0.8 x 10e9 /L
            LYM   | 0.9   | 10*9/L | 1.0 | 4.0 |     | CTCAE v5.0 Lymphocyte count decreased grade 1: <LLN - 0.8 x 10e9 /L
            LYM   | 0.6   | 10*9/L | 1.0 | 4.0 |     | CTCAE v5.0 Lymphocyte count decreased grade 2: <0.8 - 0.5 x 10e9 /L
            LYM   | 0.3   | 10*9/L | 1.0 | 4.0 |     | CTCAE v5.0 Lymphocyte count decreased grade 3: <0.5 - 0.2 x 10e9 /L
            LYM   | 0.1   | 10*9/L | 1.0 | 4.0 |     | CTCAE v5.0 Lymphocyte count decreased grade 4: <0.2 x 10e9 /L
            HGB   | 13    | g/dL   | 12  | 16  |     | CTCAE v5.0 Anemia grade 0: not reaching Hgb <LLN - 10.0 g/dL
            HGB   | 11    | g/dL   | 12  | 16  |     | CTCAE v5.0 Anemia grade 1: Hgb <LLN - 10.0 g/dL
            HGB   | 9     | g/dL   | 12  | 16  |     | CTCAE v5.0 Anemia grade 2: Hgb <10.0 - 8.0 g/dL
            HGB   | 7     | g/dL   | 12  | 16  |     | CTCAE v5.0 Anemia grade 3: Hgb <8.0 g/dL (grade 4, life-threatening consequences, is clinical and never graded from the value)
            ALT   | 30    | U/L    |     | 40  |     | CTCAE v5.0 Alanine aminotransferase increased grade 0: not reaching >ULN - 3.0 x ULN if baseline was normal
            ALT   | 100   | U/L    |     | 40  |     | CTCAE v5.0 Alanine aminotransferase increased grade 1: >ULN - 3.0 x ULN if baseline was normal
            ALT   | 150   | U/L    |     | 40  |     | CTCAE v5.0 Alanine aminotransferase increased grade 2: >3.0 - 5.0 x ULN if baseline was normal
            ALT   | 500   | U/L    |     | 40  |     | CTCAE v5.0 Alanine aminotransferase increased grade 3: >5.0 - 20.0 x ULN if baseline was normal
            ALT   | 900   | U/L    |     | 40  |     | CTCAE v5.0 Alanine aminotransferase increased grade 4: >20.0 x ULN if baseline was normal
            ALT   | 80    | U/L    |     | 40  | 60  | CTCAE v5.0 Alanine aminotransferase increased grade 0: not reaching 1.5 - 3.0 x baseline if baseline was abnormal
            ALT   | 100   | U/L    |     | 40  | 60  | CTCAE v5.0 Alanine aminotransferase increased grade 1: 1.5 - 3.0 x baseline if baseline was abnormal
            ALT   | 200   | U/L    |     | 40  | 60  | CTCAE v5.0 Alanine aminotransferase increased grade 2: >3.0 - 5.0 x baseline if baseline was abnormal
            ALT   | 400   | U/L    |     | 40  | 60  | CTCAE v5.0 Alanine aminotransferase increased grade 3: >5.0 - 20.0 x baseline if baseline was abnormal
            ALT   | 1300  | U/L    |     | 40  | 60  | CTCAE v5.0 Alanine aminotransferase increased grade 4: >20.0 x baseline if baseline was abnormal
            AST   | 100   | U/L    |     | 40  |     | CTCAE v5.0 Aspartate aminotransferase increased grade 1: >ULN - 3.0 x ULN if baseline was normal
            AST   | 1300  | U/L    |     | 40  | 60  | CTCAE v5.0 Aspartate aminotransferase increased grade 4: >20.0 x baseline if baseline was abnormal
            TBIL  | 1.0   | mg/dL  |     | 1.2 |     | CTCAE v5.0 Blood bilirubin increased grade 0: not reaching >ULN - 1.5 x ULN if baseline was normal
            TBIL  | 1.5   | mg/dL  |     | 1.2 |     | CTCAE v5.0 Blood bilirubin increased grade 1: >ULN - 1.5 x ULN if baseline was normal
            TBIL  | 2.0   | mg/dL  |     | 1.2 |     | CTCAE v5.0 Blood bilirubin increased grade 2: >1.5 - 3.0 x ULN if baseline was normal
            TBIL  | 5.0   | mg/dL  |     | 1.2 |     | CTCAE v5.0 Blood bilirubin increased grade 3: >3.0 - 10.0 x ULN if baseline was normal
            TBIL  | 13    | mg/dL  |     | 1.2 |     | CTCAE v5.0 Blood bilirubin increased grade 4: >10.0 x ULN if baseline was normal
            TBIL  | 1.9   | mg/dL  |     | 1.2 | 2.0 | CTCAE v5.0 Blood bilirubin increased grade 0: not reaching >1.0 - 1.5 x baseline if baseline was abnormal
            TBIL  | 2.5   | mg/dL  |     | 1.2 | 2.0 | CTCAE v5.0 Blood bilirubin increased grade 1: >1.0 - 1.5 x baseline if baseline was abnormal
            TBIL  | 4.0   | mg/dL  |     | 1.2 | 2.0 | CTCAE v5.0 Blood bilirubin increased grade 2: >1.5 - 3.0 x baseline if baseline was abnormal
            TBIL  | 10    | mg/dL  |     | 1.2 | 2.0 | CTCAE v5.0 Blood bilirubin increased grade 3: >3.0 - 10.0 x baseline if baseline was abnormal
            TBIL  | 21    | mg/dL  |     | 1.2 | 2.0 | CTCAE v5.0 Blood bilirubin increased grade 4: >10.0 x baseline if baseline was abnormal
            CREAT | 0.9   | mg/dL  | 0.5 | 1.0 |     | CTCAE v5.0 Creatinine increased grade 0: not reaching >ULN - 1.5 x ULN
            CREAT | 1.2   | mg/dL  | 0.5 | 1.0 |     | CTCAE v5.0 Creatinine increased grade 1: >ULN - 1.5 x ULN
            CREAT | 2.0   | mg/dL  | 0.5 | 1.0 |     | CTCAE v5.0 Creatinine increased grade 2: >1.5 - 3.0 x ULN
            CREAT | 4.0   | mg/dL  | 0.5 | 1.0 |     | CTCAE v5.0 Creatinine increased grade 3: >3.0 - 6.0 x ULN
            CREAT | 7.0   | mg/dL  | 0.5 | 1.0 |     | CTCAE v5.0 Creatinine increased grade 4: >6.0 x ULN
            CREAT | 0.9   | mg/dL  | 0.5 | 1.0 | 0.4 | CTCAE v5.0 Creatinine increased grade 2: >1.5 - 3.0 x baseline
            CREAT | 1.3   | mg/dL  | 0.5 | 1.0 | 0.4 | CTCAE v5.0 Creatinine increased grade 3: >3.0 x baseline
            FIB   | 2.5   | g/L    | 2.4 | 4.0 |     | CTCAE v5.0 Fibrinogen decreased grade 0: not reaching <1.0 - 0.75 x LLN
            FIB   | 2.0   | g/L    | 2.4 | 4.0 |     | CTCAE v5.0 Fibrinogen decreased grade 1: <1.0 - 0.75 x LLN
            FIB   | 1.5   | g/L    | 2.4 | 4.0 |     | CTCAE v5.0 Fibrinogen decreased grade 2: <0.75 - 0.5 x LLN
            FIB   | 1.0   | g/L    | 2.4 | 4.0 |     | CTCAE v5.0 Fibrinogen decreased grade 3: <0.5 - 0.25 x LLN
            FIB   | 0.55  | g/L    | 2.4 | 4.0 |     | CTCAE v5.0 Fibrinogen decreased grade 4: <0.25 x LLN
            FIB   | 45    | mg/dL  | 180 | 400 |     | CTCAE v5.0 Fibrinogen decreased grade 4: absolute value <50 mg/dL
            FIB   | 2.4   | g/L    | 2.5 | 4.0 | 2.4 | CTCAE v5.0 Fibrinogen decreased grade 0: not reaching if abnormal, <25% decrease from baseline
            FIB   | 2.0   | g/L    | 2.5 | 4.0 | 2.4 | CTCAE v5.0 Fibrinogen decreased grade 1: if abnormal, <25% decrease from baseline
            FIB   | 1.5   | g/L    | 2.5 | 4.0 | 2.4 | CTCAE v5.0 Fibrinogen decreased grade 2: if abnormal, 25 - <50% decrease from baseline
            FIB   | 1.0   | g/L    | 2.5 | 4.0 | 2.4 | CTCAE v5.0 Fibrinogen decreased grade 3: if abnormal, 50 - <75% decrease from baseline
            FIB   | 0.55  | g/L    | 2.5 | 4.0 | 2.4 | CTCAE v5.0 Fibrinogen decreased grade 4: if abnormal, 75% decrease from baseline
            FIB   | 45    | mg/dL  | 250 | 400 | 100 | CTCAE v5.0 Fibrinogen decreased grade 4: absolute value <50 mg/dL
            """)
    void namesTheRow(Analyte analyte, BigDecimal value, String unit, BigDecimal lowerLimitNormal,
            BigDecimal upperLimitNormal, BigDecimal baselineValue, String rule) {
        LabResult result = lab(analyte, value, unit, lowerLimitNormal, upperLimitNormal);

        assertEquals(rule, grader.grade(CtcaeVersion.V5_0, result, withValue(result, baselineValue)).rule());
    }
}
