package org.celltrial.safety.icaht;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where ICAHT counting stops: EHA/EBMT ICAHT (Rejeski K et al., Blood 2023;142:865-877) and T-ICAHT (Rejeski K et
 * al., Blood 2025) censor at a subsequent line of therapy or death (docs/clinical-rules.md, "Hematotoxicity"). This
 * date and the days after it are not counted, early or late.
 *
 * @param reason {@link #SUBSEQUENT_THERAPY}, {@link #DEATH}, or both when they fall on the same date
 */
public record CountingStop(LocalDate date, String reason) {

    public static final String SUBSEQUENT_THERAPY = "subsequent line of therapy";
    public static final String DEATH = "death";

    public CountingStop {
        if (date == null) {
            throw new IllegalArgumentException("date is required");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
    }

    /**
     * The earlier of a subsequent therapy's start and death, either of which may be unknown (null); empty when both
     * are.
     */
    public static Optional<CountingStop> earliest(LocalDate subsequentTherapyStart, LocalDate death) {
        if (subsequentTherapyStart == null && death == null) {
            return Optional.empty();
        }
        if (death == null || subsequentTherapyStart != null && subsequentTherapyStart.isBefore(death)) {
            return Optional.of(new CountingStop(subsequentTherapyStart, SUBSEQUENT_THERAPY));
        }
        if (subsequentTherapyStart == null || death.isBefore(subsequentTherapyStart)) {
            return Optional.of(new CountingStop(death, DEATH));
        }
        return Optional.of(new CountingStop(death, SUBSEQUENT_THERAPY + " and " + DEATH));
    }
}
