package org.celltrial.common.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Stored quantities keep the scale of their column, so a value reads back the same whether it comes from the
 * request just made or from the database. Callers validate the precision first (@Digits), so nothing rounds.
 */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal tenths(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.UNNECESSARY);
    }
}
