package org.celltrial.safety.ctcae;

import java.time.LocalDate;

/** An adverse event a lab term shows: from its first qualifying result to the first that no longer qualifies. */
public record LabEvent(Analyte analyte, CtcaeTerm term, LocalDate onset, int maxGrade, String rule,
        LocalDate resolvedOn) {
}
