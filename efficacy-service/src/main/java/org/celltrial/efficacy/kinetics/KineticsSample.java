package org.celltrial.efficacy.kinetics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One qPCR measurement of CAR transgene copies in peripheral blood (docs/clinical-rules.md, CAR-T kinetics).
 *
 * @param copiesPerUgDna transgene copies per µg genomic DNA, as reported, also when below the assay's LLOQ
 */
public record KineticsSample(LocalDate date, BigDecimal copiesPerUgDna) {

    public KineticsSample {
        if (date == null) {
            throw new IllegalArgumentException("date is required");
        }
        if (copiesPerUgDna == null || copiesPerUgDna.signum() < 0) {
            throw new IllegalArgumentException(
                    "copiesPerUgDna on " + date + " must not be negative, was " + copiesPerUgDna);
        }
    }
}
