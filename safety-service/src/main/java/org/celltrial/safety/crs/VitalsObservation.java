package org.celltrial.safety.crs;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The vital signs CRS is graded from (ASTCT consensus: Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638).
 *
 * @param temperatureC              body temperature in °C; 25–45 °C, outside is taken for a unit or typing error
 * @param antipyreticOrAntiCytokine whether antipyretics or anti-cytokine therapy (tocilizumab, corticosteroids) had
 *                                  been given by this observation; within a CRS episode that waives the fever
 *                                  requirement until the episode resolves
 * @param attributedToOtherCause    findings the investigator attributes to another cause; null when none
 * @param otherCause                that cause, named (e.g. "sepsis"); required with an attribution, else null
 */
public record VitalsObservation(Instant at, BigDecimal temperatureC, Hypotension hypotension, OxygenSupport oxygen,
        boolean antipyreticOrAntiCytokine, OtherCause attributedToOtherCause, String otherCause) {

    private static final BigDecimal LOWEST_PLAUSIBLE_C = BigDecimal.valueOf(25);
    private static final BigDecimal HIGHEST_PLAUSIBLE_C = BigDecimal.valueOf(45);

    public VitalsObservation {
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
        if (temperatureC == null || temperatureC.compareTo(LOWEST_PLAUSIBLE_C) < 0
                || temperatureC.compareTo(HIGHEST_PLAUSIBLE_C) > 0) {
            throw new IllegalArgumentException("temperatureC must be 25–45 °C, was " + temperatureC);
        }
        if (hypotension == null || oxygen == null) {
            throw new IllegalArgumentException("hypotension and oxygen are required (NONE when absent)");
        }
        if ((attributedToOtherCause == null) != (otherCause == null || otherCause.isBlank())) {
            throw new IllegalArgumentException("a finding attributed to another cause names the cause, and only then");
        }
    }

    /** Vital signs with nothing attributed to another cause. */
    public VitalsObservation(Instant at, BigDecimal temperatureC, Hypotension hypotension, OxygenSupport oxygen,
            boolean antipyreticOrAntiCytokine) {
        this(at, temperatureC, hypotension, oxygen, antipyreticOrAntiCytokine, null, null);
    }

    /** Hypotension as it counts towards CRS: none when attributed to another cause. */
    Hypotension crsHypotension() {
        return attributedToOtherCause != null && attributedToOtherCause.coversHypotension() ? Hypotension.NONE
                : hypotension;
    }

    /** Oxygen support as it counts towards CRS: none when the hypoxia is attributed to another cause. */
    OxygenSupport crsOxygen() {
        return attributedToOtherCause != null && attributedToOtherCause.coversHypoxia() ? OxygenSupport.NONE : oxygen;
    }
}
