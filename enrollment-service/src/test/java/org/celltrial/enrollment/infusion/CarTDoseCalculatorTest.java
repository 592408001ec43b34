package org.celltrial.enrollment.infusion;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/clinical-rules.md, Dosing: CAR-T target cells and the ±20 % tolerance. */
class CarTDoseCalculatorTest {

    private static final BigDecimal DL1_CELLS_PER_KG = new BigDecimal("1.5e5");
    private static final BigDecimal WEIGHT_KG = BigDecimal.valueOf(32);
    private static final BigDecimal TOLERANCE_PERCENT = BigDecimal.valueOf(20);

    private final CarTDoseCalculator calculator = new CarTDoseCalculator();

    @Test
    void workedCaseFromTheRules() {
        CarTDose dose = calculator.evaluate(DL1_CELLS_PER_KG, WEIGHT_KG, new BigDecimal("5.0e6"), TOLERANCE_PERCENT);

        assertAll(
                () -> assertEquals(0, dose.targetCells().compareTo(new BigDecimal("4.8e6"))),
                () -> assertEquals(new BigDecimal("4.2"), dose.deviationPercent()),
                () -> assertEquals(true, dose.withinTolerance()),
                () -> assertEquals("infused 5.0e6 vs target 4.8e6 (+4.2 %), within ±20 %", dose.explanation()));
    }

    // Target 4.8e6 cells: 1 % of it is 48000 cells.
    @ParameterizedTest(name = "infused {0} → {1} %, within: {2}")
    @CsvSource({
            "5755200, 19.9,  true",
            "5760000, 20.0,  true",
            "5764800, 20.1,  false",
            "3844800, -19.9, true",
            "3840000, -20.0, true",
            "3835200, -20.1, false",
            "5761920, 20.0,  false",
            "3838080, -20.0, false",
            "4800000, 0.0,   true",
            "0,       -100.0, false",
    })
    void toleranceIsDecidedOnTheUnroundedDeviation(BigDecimal infusedCells, BigDecimal deviationPercent,
            boolean withinTolerance) {
        // 5761920 and 3838080 are ±20.04 %: shown as ±20.0 % yet beyond ±20 %.
        CarTDose dose = calculator.evaluate(DL1_CELLS_PER_KG, WEIGHT_KG, infusedCells, TOLERANCE_PERCENT);

        assertEquals(deviationPercent, dose.deviationPercent());
        assertEquals(withinTolerance, dose.withinTolerance());
    }

    @ParameterizedTest(name = "{0} cells/kg × {1} kg, infused {2}: \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            "1.5e5 | 32 | 5764800 | infused 5.76e6 vs target 4.8e6 (+20.1 %), beyond ±20 %: protocol deviation",
            "1.5e5 | 32 | 3840000 | infused 3.84e6 vs target 4.8e6 (-20.0 %), within ±20 %",
            "3e5   | 32 | 9.6e6   | infused 9.6e6 vs target 9.6e6 (0.0 %), within ±20 %",
            "3e5   | 41.5 | 1.2e7 | infused 1.2e7 vs target 1.25e7 (-3.6 %), within ±20 %",
    })
    void explainsTheDeviation(BigDecimal cellsPerKg, BigDecimal weightKg, BigDecimal infusedCells, String explanation) {
        assertEquals(explanation, calculator.evaluate(cellsPerKg, weightKg, infusedCells, TOLERANCE_PERCENT)
                .explanation());
    }

    @ParameterizedTest(name = "{0} cells/kg, {1} kg, {2} infused, ±{3} % is rejected")
    @CsvSource({
            "0,     32, 4.8e6, 20",
            "1.5e5, 0,  4.8e6, 20",
            "1.5e5, 32, -1,    20",
            "1.5e5, 32, 4.8e6, -1",
            "     , 32, 4.8e6, 20",
            "1.5e5, 32, 4.8e6,",
    })
    void rejectsNonsense(BigDecimal cellsPerKg, BigDecimal weightKg, BigDecimal infusedCells,
            BigDecimal tolerancePercent) {
        assertThrows(IllegalArgumentException.class,
                () -> calculator.evaluate(cellsPerKg, weightKg, infusedCells, tolerancePercent));
    }
}
