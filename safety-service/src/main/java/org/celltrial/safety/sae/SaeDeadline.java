package org.celltrial.safety.sae;

import java.time.LocalDate;

/** A serious event's expedited reporting: whether it is a SUSAR, its deadline and where it stands, and why. */
public record SaeDeadline(boolean susar, Integer deadlineDays, LocalDate deadline, ReportingStatus status,
        String rule) {
}
