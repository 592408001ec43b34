package org.celltrial.enrollment.infusion;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Checks the CAR-T dose, per docs/clinical-rules.md, Dosing: target cells = cells/kg of the dose level
 * (DL1 1.5×10⁵/kg, DL2 3×10⁵/kg) × weight (kg) at infusion; an infused total deviating from the target by more
 * than the protocol's tolerance (default ±20 %) is a protocol deviation. Exactly ±20 % is within.
 */
public final class CarTDoseCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Cell counts in explanations: three significant digits, short to read yet telling 5.76e6 from 5.8e6. */
    private static final MathContext CELL_COUNT_DISPLAY = new MathContext(3, RoundingMode.HALF_UP);

    public CarTDose evaluate(BigDecimal cellsPerKg, BigDecimal weightKg, BigDecimal totalCellsInfused,
            BigDecimal tolerancePercent) {
        if (cellsPerKg == null || cellsPerKg.signum() <= 0) {
            throw new IllegalArgumentException("cellsPerKg must be positive, was " + cellsPerKg);
        }
        if (weightKg == null || weightKg.signum() <= 0) {
            throw new IllegalArgumentException("weightKg must be positive, was " + weightKg);
        }
        if (totalCellsInfused == null || totalCellsInfused.signum() < 0) {
            throw new IllegalArgumentException("totalCellsInfused must not be negative, was " + totalCellsInfused);
        }
        if (tolerancePercent == null || tolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("tolerancePercent must not be negative, was " + tolerancePercent);
        }
        BigDecimal targetCells = cellsPerKg.multiply(weightKg);
        BigDecimal differenceTimesHundred = totalCellsInfused.subtract(targetCells).multiply(HUNDRED);
        // |difference| × 100 ≤ tolerance × target is the exact test: +20.04 % shows as +20.0 % yet is outside ±20 %.
        boolean withinTolerance = differenceTimesHundred.abs().compareTo(tolerancePercent.multiply(targetCells)) <= 0;
        BigDecimal deviationPercent = differenceTimesHundred.divide(targetCells, 1, RoundingMode.HALF_UP);

        String explanation = "infused " + scientific(totalCellsInfused) + " vs target " + scientific(targetCells)
                + " (" + (deviationPercent.signum() > 0 ? "+" : "") + deviationPercent.toPlainString() + " %), "
                + (withinTolerance ? "within" : "beyond") + " ±" + tolerancePercent.stripTrailingZeros().toPlainString()
                + " %" + (withinTolerance ? "" : ": protocol deviation");
        return new CarTDose(targetCells, totalCellsInfused, deviationPercent, withinTolerance, explanation);
    }

    /** 5000000 → "5.0e6", 5764800 → "5.76e6": up to three significant digits, at least one decimal. */
    private static String scientific(BigDecimal cells) {
        if (cells.signum() == 0) {
            return "0";
        }
        BigDecimal rounded = cells.round(CELL_COUNT_DISPLAY);
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.setScale(Math.max(1, mantissa.scale())).toPlainString() + "e" + exponent;
    }
}
