package org.celltrial.enrollment.lymphodepletion;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Body surface area formulas; the protocol chooses one (docs/clinical-rules.md, Dosing). Results are
 * unrounded ({@link MathContext#DECIMAL64}, 16 significant digits): rounding to the protocol's precision is
 * {@link DosingRules#roundBsa}'s job.
 */
public enum BsaFormula {

    /** BSA (m²) = √(height cm × weight kg / 3600). Mosteller RD, N Engl J Med 1987;317:1098. */
    MOSTELLER {
        @Override
        BigDecimal compute(BigDecimal heightCm, BigDecimal weightKg) {
            return heightCm.multiply(weightKg)
                    .divide(BigDecimal.valueOf(3600), MathContext.DECIMAL64)
                    .sqrt(MathContext.DECIMAL64);
        }
    },

    /**
     * BSA (m²) = 0.024265 × height cm^0.3964 × weight kg^0.5378, offered for children. Haycock GB, Schwartz GJ,
     * Wisotsky DH, J Pediatr 1978;93:62–66.
     */
    HAYCOCK {
        @Override
        BigDecimal compute(BigDecimal heightCm, BigDecimal weightKg) {
            // BigDecimal has no fractional powers; a double carries the same ~16 significant digits as DECIMAL64.
            double bsa = 0.024265 * Math.pow(heightCm.doubleValue(), 0.3964) * Math.pow(weightKg.doubleValue(), 0.5378);
            return new BigDecimal(bsa, MathContext.DECIMAL64);
        }
    };

    /** The unrounded body surface area in m². */
    public BigDecimal bodySurfaceArea(BigDecimal heightCm, BigDecimal weightKg) {
        if (heightCm == null || heightCm.signum() <= 0) {
            throw new IllegalArgumentException("heightCm must be positive, was " + heightCm);
        }
        if (weightKg == null || weightKg.signum() <= 0) {
            throw new IllegalArgumentException("weightKg must be positive, was " + weightKg);
        }
        return compute(heightCm, weightKg);
    }

    abstract BigDecimal compute(BigDecimal heightCm, BigDecimal weightKg);
}
