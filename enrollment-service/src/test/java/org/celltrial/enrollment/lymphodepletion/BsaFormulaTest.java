package org.celltrial.enrollment.lymphodepletion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mosteller RD, N Engl J Med 1987; Haycock GB et al., J Pediatr 1978; docs/clinical-rules.md, Dosing. */
class BsaFormulaTest {

    private static final BigDecimal PRECISION = new BigDecimal("1e-12");

    // Expected values computed by hand with bc -l at 40 digits.
    @ParameterizedTest(name = "{0} {1} cm, {2} kg → {3} m²")
    @CsvSource({
            "MOSTELLER, 140, 32,      1.1155467020454340640",
            "MOSTELLER, 120, 25,      0.9128709291752768558",
            "MOSTELLER, 150, 30.375,  1.125",
            "MOSTELLER, 100, 44.7561, 1.115",
            "HAYCOCK,   140, 32,      1.1096221242071639596",
            "HAYCOCK,   120, 25,      0.9140708897152953034",
            "HAYCOCK,   150, 30.375,  1.1088687123742435812",
    })
    void matchesHandComputedValue(BsaFormula formula, BigDecimal heightCm, BigDecimal weightKg, BigDecimal expected) {
        BigDecimal actual = formula.bodySurfaceArea(heightCm, weightKg);
        assertTrue(actual.subtract(expected).abs().compareTo(PRECISION) < 0, () -> "was " + actual);
    }

    @ParameterizedTest(name = "{0} cm × {1} kg is exactly {2} m²")
    @CsvSource({
            "150, 30.375,  1.125",
            "100, 44.7561, 1.115",
    })
    void mostellerIsExactOnAHalfHundredth(BigDecimal heightCm, BigDecimal weightKg, BigDecimal expected) {
        // An exact x.xx5 is what the rounding boundary tests rely on.
        assertEquals(0, BsaFormula.MOSTELLER.bodySurfaceArea(heightCm, weightKg).compareTo(expected));
    }

    @ParameterizedTest(name = "{0} cm, {1} kg, {2} → {3} m²")
    @CsvSource({
            "150, 30.374,  HALF_UP,   1.12",
            "150, 30.375,  HALF_UP,   1.13",
            "150, 30.376,  HALF_UP,   1.13",
            "150, 30.375,  HALF_EVEN, 1.12",
            "150, 30.376,  HALF_EVEN, 1.13",
            "100, 44.7560, HALF_UP,   1.11",
            "100, 44.7561, HALF_UP,   1.12",
            "100, 44.7561, HALF_EVEN, 1.12",
            "140, 32,      HALF_UP,   1.12",
    })
    void roundsJustBelowAtAndAboveHalfAHundredth(BigDecimal heightCm, BigDecimal weightKg, RoundingMode rounding,
            BigDecimal expected) {
        DosingRules defaults = DosingRules.defaults();
        DosingRules rules = new DosingRules(BsaFormula.MOSTELLER, 2, 0, rounding,
                defaults.renalReductionLowerMlMin(), defaults.renalReductionUpperMlMin(),
                defaults.renalReductionPercent());
        assertEquals(expected, rules.roundBsa(BsaFormula.MOSTELLER.bodySurfaceArea(heightCm, weightKg)));
    }

    @ParameterizedTest(name = "{0}: {1} cm, {2} kg is rejected")
    @CsvSource({
            "MOSTELLER, 0,   32",
            "MOSTELLER, 140, 0",
            "MOSTELLER, -1,  32",
            "MOSTELLER,    , 32",
            "HAYCOCK,   140, -0.1",
            "HAYCOCK,   140,",
    })
    void rejectsMissingOrNonPositiveMeasurements(BsaFormula formula, BigDecimal heightCm, BigDecimal weightKg) {
        assertThrows(IllegalArgumentException.class, () -> formula.bodySurfaceArea(heightCm, weightKg));
    }

    @ParameterizedTest(name = "bsaScale {0}, rounding {1}, renal {2}–{3} mL/min, −{4} % is rejected")
    @CsvSource({
            "-1, HALF_UP,     30, 70, 20",
            "2,  UNNECESSARY, 30, 70, 20",
            "2,  ,            30, 70, 20",
            "2,  HALF_UP,     70, 30, 20",
            "2,  HALF_UP,     -1, 70, 20",
            "2,  HALF_UP,       , 70, 20",
            "2,  HALF_UP,     30, 70, 101",
            "2,  HALF_UP,     30, 70, -1",
    })
    void dosingRulesRejectNonsense(int bsaScale, RoundingMode rounding, BigDecimal lowerMlMin, BigDecimal upperMlMin,
            int reductionPercent) {
        assertThrows(IllegalArgumentException.class, () -> new DosingRules(BsaFormula.MOSTELLER, bsaScale, 0,
                rounding, lowerMlMin, upperMlMin, reductionPercent));
    }
}
