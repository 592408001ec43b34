package org.celltrial.safety.sae;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Serious events and their expedited reporting, most urgent first. */
public record SaeDueView(LocalDate today, List<Row> items) {

    public record Row(UUID adverseEventId, String subjectId, String siteCode, String ctcaeTerm, int grade,
            LocalDate onset, LocalDate awareness, SaeDeadline reporting) {
    }
}
