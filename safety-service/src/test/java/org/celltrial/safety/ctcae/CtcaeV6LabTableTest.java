package org.celltrial.safety.ctcae;

import static org.celltrial.safety.ctcae.LabResults.lab;
import static org.celltrial.safety.ctcae.LabResults.withValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CTCAE v6.0 (NCI, 2025) golden table: every analyte v6.0 grades (not lymphocytes), every row, just beyond, at and
 * just short of each threshold (docs/clinical-rules.md, section "CTCAE"). Empty limits are not reported.
 */
class CtcaeV6LabTableTest {

    private final CtcaeLabGrader grader = new CtcaeLabGrader();

    @ParameterizedTest(name = "{0} {1} {2} (LLN {3}, ULN {4}) → grade {5}")
    @CsvSource({
            // Thrombocytopenia, LLN 150: grade 1 75 ≤ v < LLN, 2 50 ≤ v < 75, 3 10 ≤ v < 50, 4 v < 10.
            "PLT,   0,     10*9/L, 150,  450,  4",
            "PLT,   9.9,   10*9/L, 150,  450,  4",
            "PLT,   10,    10*9/L, 150,  450,  3",
            "PLT,   10.1,  10*9/L, 150,  450,  3",
            "PLT,   24.9,  10*9/L, 150,  450,  3",
            "PLT,   49.9,  10*9/L, 150,  450,  3",
            "PLT,   50,    10*9/L, 150,  450,  2",
            "PLT,   50.1,  10*9/L, 150,  450,  2",
            "PLT,   74.9,  10*9/L, 150,  450,  2",
            "PLT,   75,    10*9/L, 150,  450,  1",
            "PLT,   75.1,  10*9/L, 150,  450,  1",
            "PLT,   149.9, 10*9/L, 150,  450,  1",
            "PLT,   150,   10*9/L, 150,  450,  0",
            "PLT,   150.1, 10*9/L, 150,  450,  0",
            // Neutrophils, fixed counts only: grade 1 1.0 ≤ v < 1.5, 2 from 0.5, 3 from 0.1, 4 below; LLN plays no
            // part (1.79 below LLN 1.8 is grade 0), and none need be given.
            "ANC,   0.09,  10*9/L, 1.8,  7.5,  4",
            "ANC,   0.1,   10*9/L, 1.8,  7.5,  3",
            "ANC,   0.11,  10*9/L, 1.8,  7.5,  3",
            "ANC,   0.49,  10*9/L, 1.8,  7.5,  3",
            "ANC,   0.5,   10*9/L, 1.8,  7.5,  2",
            "ANC,   0.51,  10*9/L, 1.8,  7.5,  2",
            "ANC,   0.99,  10*9/L, 1.8,  7.5,  2",
            "ANC,   1.0,   10*9/L, 1.8,  7.5,  1",
            "ANC,   1.01,  10*9/L, 1.8,  7.5,  1",
            "ANC,   1.49,  10*9/L, 1.8,  7.5,  1",
            "ANC,   1.5,   10*9/L, 1.8,  7.5,  0",
            "ANC,   1.51,  10*9/L, 1.8,  7.5,  0",
            "ANC,   1.79,  10*9/L, 1.8,  7.5,  0",
            "ANC,   1.49,  10*9/L, ,     ,     1",
            "ANC,   1.5,   10*9/L, ,     ,     0",
            // White cells, unchanged from v5.0, LLN 4.0.
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
            // Anemia, unchanged, LLN 12.0 g/dL (120 g/L).
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
            "HGB,   79,    g/L,    120,  160,  3",
            "HGB,   80,    g/L,    120,  160,  2",
            "HGB,   100,   g/L,    120,  160,  1",
            "HGB,   120,   g/L,    120,  160,  0",
            // ALT and AST with a normal (or no) baseline, unchanged, ULN 40: 3.0×, 5.0×, 20.0×.
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
            // Bilirubin with a normal (or no) baseline, unchanged, ULN 1.2 mg/dL: 1.5×, 3.0×, 10.0×.
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
            // Creatinine without a baseline, unchanged, ULN 1.0 mg/dL: 1.5×, 3.0×, 6.0×.
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
            // Fibrinogen, unchanged, LLN 2.4 g/L: 0.75×, 0.5×, 0.25×LLN, and below the absolute 50 mg/dL.
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
            "FIB,   50.1,  mg/dL,  180,  400,  3",
            "FIB,   50,    mg/dL,  180,  400,  3",
            "FIB,   49.9,  mg/dL,  180,  400,  4",
    })
    void gradesAgainstTheNormalRangeAndFixedThresholds(Analyte analyte, BigDecimal value, String unit,
            BigDecimal lowerLimitNormal, BigDecimal upperLimitNormal, int grade) {
        LabGrade graded = grader.grade(CtcaeVersion.V6_0, lab(analyte, value, unit, lowerLimitNormal,
                upperLimitNormal), null);

        assertEquals(grade, graded.grade());
        assertEquals(analyte, graded.analyte());
        assertEquals(CtcaeVersion.V6_0, graded.version());
    }

    /** The baseline comes with the same unit and normal range as the result. */
    @ParameterizedTest(name = "{0} {1} {2} (LLN {3}, ULN {4}), baseline {5} → grade {6}")
    @CsvSource({
            // ALT and AST, baseline 60 above ULN 40: grade 1 1.0×baseline (60) ≤ v ≤ 1.5× (90), 2 ≤ 2.0× (120),
            // 3 ≤ 4.0× (240), 4 above.
            "ALT,   59.9,  U/L,   ,    40,  60,   0",
            "ALT,   60,    U/L,   ,    40,  60,   1",
            "ALT,   60.1,  U/L,   ,    40,  60,   1",
            "ALT,   89.9,  U/L,   ,    40,  60,   1",
            "ALT,   90,    U/L,   ,    40,  60,   1",
            "ALT,   90.1,  U/L,   ,    40,  60,   2",
            "ALT,   119.9, U/L,   ,    40,  60,   2",
            "ALT,   120,   U/L,   ,    40,  60,   2",
            "ALT,   120.1, U/L,   ,    40,  60,   3",
            "ALT,   239.9, U/L,   ,    40,  60,   3",
            "ALT,   240,   U/L,   ,    40,  60,   3",
            "ALT,   240.1, U/L,   ,    40,  60,   4",
            "AST,   59.9,  U/L,   ,    40,  60,   0",
            "AST,   60,    U/L,   ,    40,  60,   1",
            "AST,   90,    U/L,   ,    40,  60,   1",
            "AST,   90.1,  U/L,   ,    40,  60,   2",
            "AST,   120,   U/L,   ,    40,  60,   2",
            "AST,   120.1, U/L,   ,    40,  60,   3",
            "AST,   240,   U/L,   ,    40,  60,   3",
            "AST,   240.1, U/L,   ,    40,  60,   4",
            // A baseline at or below ULN ("normal or less than normal"): ULN rows.
            "ALT,   130,   U/L,   ,    40,  40,   2",
            "AST,   130,   U/L,   ,    40,  10,   2",
            // Bilirubin, baseline 2.0 above ULN 1.2: grade 1 1.0×baseline (2.0) ≤ v ≤ 1.5× (3.0), 2 ≤ 2.5× (5.0),
            // 3 ≤ 10.0× (20.0), 4 above.
            "TBIL,  1.99,  mg/dL, ,    1.2, 2.0,  0",
            "TBIL,  2.0,   mg/dL, ,    1.2, 2.0,  1",
            "TBIL,  2.01,  mg/dL, ,    1.2, 2.0,  1",
            "TBIL,  2.99,  mg/dL, ,    1.2, 2.0,  1",
            "TBIL,  3.0,   mg/dL, ,    1.2, 2.0,  1",
            "TBIL,  3.01,  mg/dL, ,    1.2, 2.0,  2",
            "TBIL,  4.99,  mg/dL, ,    1.2, 2.0,  2",
            "TBIL,  5.0,   mg/dL, ,    1.2, 2.0,  2",
            "TBIL,  5.01,  mg/dL, ,    1.2, 2.0,  3",
            "TBIL,  19.99, mg/dL, ,    1.2, 2.0,  3",
            "TBIL,  20.0,  mg/dL, ,    1.2, 2.0,  3",
            "TBIL,  20.01, mg/dL, ,    1.2, 2.0,  4",
            "TBIL,  1.81,  mg/dL, ,    1.2, 1.2,  2",
            // Creatinine, baseline 0.4 below LLN 0.5: the worse of the ULN rows and > 1.5×baseline (0.6) → 2,
            // > 3.0×baseline (1.2) → 3.
            "CREAT, 0.59,  mg/dL, 0.5, 1.0, 0.4,  0",
            "CREAT, 0.6,   mg/dL, 0.5, 1.0, 0.4,  0",
            "CREAT, 0.61,  mg/dL, 0.5, 1.0, 0.4,  2",
            "CREAT, 1.19,  mg/dL, 0.5, 1.0, 0.4,  2",
            "CREAT, 1.2,   mg/dL, 0.5, 1.0, 0.4,  2",
            "CREAT, 1.21,  mg/dL, 0.5, 1.0, 0.4,  3",
            "CREAT, 6.0,   mg/dL, 0.5, 1.0, 0.4,  3",
            "CREAT, 6.01,  mg/dL, 0.5, 1.0, 0.4,  4",
            // Baseline 0.8, not below LLN: the ULN rows only (v5.0 would give 2 above 1.2 and 3 above 2.4).
            "CREAT, 0.99,  mg/dL, 0.5, 1.0, 0.8,  0",
            "CREAT, 1.21,  mg/dL, 0.5, 1.0, 0.8,  1",
            "CREAT, 1.5,   mg/dL, 0.5, 1.0, 0.8,  1",
            "CREAT, 1.51,  mg/dL, 0.5, 1.0, 0.8,  2",
            "CREAT, 2.41,  mg/dL, 0.5, 1.0, 0.8,  2",
            "CREAT, 3.01,  mg/dL, 0.5, 1.0, 0.8,  3",
            // Baseline exactly at LLN is not below it.
            "CREAT, 0.9,   mg/dL, 0.5, 1.0, 0.5,  0",
            // Fibrinogen, unchanged: baseline 2.4 below LLN 2.5, decrease from baseline.
            "FIB,   2.6,   g/L,   2.5, 4.0, 2.4,  0",
            "FIB,   2.4,   g/L,   2.5, 4.0, 2.4,  0",
            "FIB,   2.39,  g/L,   2.5, 4.0, 2.4,  1",
            "FIB,   1.81,  g/L,   2.5, 4.0, 2.4,  1",
            "FIB,   1.8,   g/L,   2.5, 4.0, 2.4,  2",
            "FIB,   1.21,  g/L,   2.5, 4.0, 2.4,  2",
            "FIB,   1.2,   g/L,   2.5, 4.0, 2.4,  3",
            "FIB,   0.61,  g/L,   2.5, 4.0, 2.4,  3",
            "FIB,   0.6,   g/L,   2.5, 4.0, 2.4,  4",
            "FIB,   50.1,  mg/dL, 200, 400, 90,   2",
            "FIB,   49.9,  mg/dL, 200, 400, 90,   4",
    })
    void gradesAgainstTheBaseline(Analyte analyte, BigDecimal value, String unit, BigDecimal lowerLimitNormal,
            BigDecimal upperLimitNormal, BigDecimal baselineValue, int grade) {
        LabResult result = lab(analyte, value, unit, lowerLimitNormal, upperLimitNormal);

        assertEquals(grade, grader.grade(CtcaeVersion.V6_0, result, withValue(result, baselineValue)).grade());
    }

    /** One value per row, and the row's words; the baseline comes with the result's unit and normal range. */
    @ParameterizedTest(name = "{0} {1} {2}, baseline {5} → {6}")
    @CsvSource(delimiter = '|', textBlock = """
            PLT   | 160   | 10*9/L | 150 | 450 |     | CTCAE v6.0 Thrombocytopenia grade 0: not reaching <LLN - 75.0 x 10^9/L
            PLT   | 100   | 10*9/L | 150 | 450 |     | CTCAE v6.0 Thrombocytopenia grade 1: <LLN - 75.0 x 10^9/L
            PLT   | 60    | 10*9/L | 150 | 450 |     | CTCAE v6.0 Thrombocytopenia grade 2: <75.0 - 50.0 x 10^9/L
            PLT   | 20    | 10*9/L | 150 | 450 |     | CTCAE v6.0 Thrombocytopenia grade 3: <50.0 - 10.0 x 10^9/L
            PLT   | 5     | 10*9/L | 150 | 450 |     | CTCAE v6.0 Thrombocytopenia grade 4: <10.0 x 10^9/L
            ANC   | 1.6   | 10*9/L | 1.8 | 7.5 |     | CTCAE v6.0 Neutrophil count decreased grade 0: not reaching <1.5 - 1.0 x 10^9/L
            ANC   | 1.2   | 10*9/L | 1.8 | 7.5 |     | CTCAE v6.0 Neutrophil count decreased grade 1: <1.5 - 1.0 x 10^9/L
            ANC   | 0.7   | 10*9/L | 1.8 | 7.5 |     | CTCAE v6.0 Neutrophil count decreased grade 2: <1.0 - 0.5 x 10^9/L
            ANC   | 0.3   | 10*9/L | 1.8 | 7.5 |     | CTCAE v6.0 Neutrophil count decreased grade 3: <0.5 - 0.1 x 10^9/L
            ANC   | 0.05  | 10*9/L | 1.8 | 7.5 |     | CTCAE v6.0 Neutrophil count decreased grade 4: <0.1 x 10^9/L
            WBC   | 5.0   | 10*9/L | 4.0 | 10  |     | CTCAE v6.0 White blood cell decreased grade 0: not reaching <LLN - 3.0 x 10^9/L
            WBC   | 3.5   | 10*9/L | 4.0 | 10  |     | CTCAE v6.0 White blood cell decreased grade 1: <LLN - 3.0 x 10^9/L
            WBC   | 2.5   | 10*9/L | 4.0 | 10  |     | CTCAE v6.0 White blood cell decreased grade 2: <3.0 - 2.0 x 10^9/L
            WBC   | 1.5   | 10*9/L | 4.0 | 10  |     | CTCAE v6.0 White blood cell decreased grade 3: <2.0 - 1.0 x 10^9/L
            WBC   | 0.5   | 10*9/L | 4.0 | 10  |     | CTCAE v6.0 White blood cell decreased grade 4: <1.0 x 10^9/L
            HGB   | 13    | g/dL   | 12  | 16  |     | CTCAE v6.0 Anemia grade 0: not reaching Hgb <LLN - 10.0 g/dL
            HGB   | 11    | g/dL   | 12  | 16  |     | CTCAE v6.0 Anemia grade 1: Hgb <LLN - 10.0 g/dL
            HGB   | 9     | g/dL   | 12  | 16  |     | CTCAE v6.0 Anemia grade 2: Hgb <10.0 - 8.0 g/dL
            HGB   | 7     | g/dL   | 12  | 16  |     | CTCAE v6.0 Anemia grade 3: Hgb <8.0 g/dL (grade 4, life-threatening consequences, is clinical and never graded from the value)
            ALT   | 30    | U/L    |     | 40  |     | CTCAE v6.0 Alanine aminotransferase increased grade 0: not reaching >ULN - 3.0 x ULN if baseline was normal or less than normal
            ALT   | 100   | U/L    |     | 40  |     | CTCAE v6.0 Alanine aminotransferase increased grade 1: >ULN - 3.0 x ULN if baseline was normal or less than normal
            ALT   | 150   | U/L    |     | 40  |     | CTCAE v6.0 Alanine aminotransferase increased grade 2: >3.0 - 5.0 x ULN if baseline was normal or less than normal
            ALT   | 500   | U/L    |     | 40  |     | CTCAE v6.0 Alanine aminotransferase increased grade 3: >5.0 - 20.0 x ULN if baseline was normal or less than normal
            ALT   | 900   | U/L    |     | 40  |     | CTCAE v6.0 Alanine aminotransferase increased grade 4: >20.0 x ULN if baseline was normal or less than normal
            ALT   | 50    | U/L    |     | 40  | 60  | CTCAE v6.0 Alanine aminotransferase increased grade 0: not reaching 1.0 - 1.5 x baseline if baseline was >ULN
            ALT   | 70    | U/L    |     | 40  | 60  | CTCAE v6.0 Alanine aminotransferase increased grade 1: 1.0 - 1.5 x baseline if baseline was >ULN
            ALT   | 100   | U/L    |     | 40  | 60  | CTCAE v6.0 Alanine aminotransferase increased grade 2: >1.5 - 2.0 x baseline if baseline was >ULN
            ALT   | 200   | U/L    |     | 40  | 60  | CTCAE v6.0 Alanine aminotransferase increased grade 3: >2.0 - 4.0 x baseline if baseline was >ULN
            ALT   | 300   | U/L    |     | 40  | 60  | CTCAE v6.0 Alanine aminotransferase increased grade 4: >4.0 x baseline if baseline was >ULN
            AST   | 100   | U/L    |     | 40  |     | CTCAE v6.0 Aspartate aminotransferase increased grade 1: >ULN - 3.0 x ULN if baseline was normal or less than normal
            AST   | 300   | U/L    |     | 40  | 60  | CTCAE v6.0 Aspartate aminotransferase increased grade 4: >4.0 x baseline if baseline was >ULN
            TBIL  | 1.0   | mg/dL  |     | 1.2 |     | CTCAE v6.0 Blood bilirubin increased grade 0: not reaching >ULN - 1.5 x ULN if baseline was normal or less than normal
            TBIL  | 1.5   | mg/dL  |     | 1.2 |     | CTCAE v6.0 Blood bilirubin increased grade 1: >ULN - 1.5 x ULN if baseline was normal or less than normal
            TBIL  | 2.0   | mg/dL  |     | 1.2 |     | CTCAE v6.0 Blood bilirubin increased grade 2: >1.5 - 3.0 x ULN if baseline was normal or less than normal
            TBIL  | 5.0   | mg/dL  |     | 1.2 |     | CTCAE v6.0 Blood bilirubin increased grade 3: >3.0 - 10.0 x ULN if baseline was normal or less than normal
            TBIL  | 13    | mg/dL  |     | 1.2 |     | CTCAE v6.0 Blood bilirubin increased grade 4: >10.0 x ULN if baseline was normal or less than normal
            TBIL  | 1.9   | mg/dL  |     | 1.2 | 2.0 | CTCAE v6.0 Blood bilirubin increased grade 0: not reaching 1.0 - 1.5 x baseline if baseline was >ULN
            TBIL  | 2.5   | mg/dL  |     | 1.2 | 2.0 | CTCAE v6.0 Blood bilirubin increased grade 1: 1.0 - 1.5 x baseline if baseline was >ULN
            TBIL  | 4.0   | mg/dL  |     | 1.2 | 2.0 | CTCAE v6.0 Blood bilirubin increased grade 2: >1.5 - 2.5 x baseline if baseline was >ULN
            TBIL  | 10    | mg/dL  |     | 1.2 | 2.0 | CTCAE v6.0 Blood bilirubin increased grade 3: >2.5 - 10.0 x baseline if baseline was >ULN
            TBIL  | 21    | mg/dL  |     | 1.2 | 2.0 | CTCAE v6.0 Blood bilirubin increased grade 4: >10.0 x baseline if baseline was >ULN
            CREAT | 0.9   | mg/dL  | 0.5 | 1.0 |     | CTCAE v6.0 Creatinine increased grade 0: not reaching >ULN - 1.5 x ULN
            CREAT | 1.2   | mg/dL  | 0.5 | 1.0 |     | CTCAE v6.0 Creatinine increased grade 1: >ULN - 1.5 x ULN
            CREAT | 2.0   | mg/dL  | 0.5 | 1.0 |     | CTCAE v6.0 Creatinine increased grade 2: >1.5 - 3.0 x ULN
            CREAT | 4.0   | mg/dL  | 0.5 | 1.0 |     | CTCAE v6.0 Creatinine increased grade 3: >3.0 - 6.0 x ULN
            CREAT | 7.0   | mg/dL  | 0.5 | 1.0 |     | CTCAE v6.0 Creatinine increased grade 4: >6.0 x ULN
            CREAT | 0.9   | mg/dL  | 0.5 | 1.0 | 0.4 | CTCAE v6.0 Creatinine increased grade 2: >1.5 - 3.0 x baseline if baseline is below LLN
            CREAT | 1.3   | mg/dL  | 0.5 | 1.0 | 0.4 | CTCAE v6.0 Creatinine increased grade 3: >3.0 x baseline if baseline is below LLN
            FIB   | 2.5   | g/L    | 2.4 | 4.0 |     | CTCAE v6.0 Fibrinogen decreased grade 0: not reaching <1.0 - 0.75 x LLN
            FIB   | 2.0   | g/L    | 2.4 | 4.0 |     | CTCAE v6.0 Fibrinogen decreased grade 1: <1.0 - 0.75 x LLN
            FIB   | 1.5   | g/L    | 2.4 | 4.0 |     | CTCAE v6.0 Fibrinogen decreased grade 2: <0.75 - 0.5 x LLN
            FIB   | 1.0   | g/L    | 2.4 | 4.0 |     | CTCAE v6.0 Fibrinogen decreased grade 3: <0.5 - 0.25 x LLN
            FIB   | 0.55  | g/L    | 2.4 | 4.0 |     | CTCAE v6.0 Fibrinogen decreased grade 4: <0.25 x LLN
            FIB   | 45    | mg/dL  | 180 | 400 |     | CTCAE v6.0 Fibrinogen decreased grade 4: absolute value <50 mg/dL
            FIB   | 2.4   | g/L    | 2.5 | 4.0 | 2.4 | CTCAE v6.0 Fibrinogen decreased grade 0: not reaching if abnormal, <25% decrease from baseline
            FIB   | 2.0   | g/L    | 2.5 | 4.0 | 2.4 | CTCAE v6.0 Fibrinogen decreased grade 1: if abnormal, <25% decrease from baseline
            FIB   | 1.5   | g/L    | 2.5 | 4.0 | 2.4 | CTCAE v6.0 Fibrinogen decreased grade 2: if abnormal, 25 - <50% decrease from baseline
            FIB   | 1.0   | g/L    | 2.5 | 4.0 | 2.4 | CTCAE v6.0 Fibrinogen decreased grade 3: if abnormal, 50 - <75% decrease from baseline
            FIB   | 0.55  | g/L    | 2.5 | 4.0 | 2.4 | CTCAE v6.0 Fibrinogen decreased grade 4: if abnormal, 75% decrease from baseline
            """)
    void namesTheRow(Analyte analyte, BigDecimal value, String unit, BigDecimal lowerLimitNormal,
            BigDecimal upperLimitNormal, BigDecimal baselineValue, String rule) {
        LabResult result = lab(analyte, value, unit, lowerLimitNormal, upperLimitNormal);

        assertEquals(rule, grader.grade(CtcaeVersion.V6_0, result, withValue(result, baselineValue)).rule());
    }
}
