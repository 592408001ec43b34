package org.celltrial.enrollment.schedule;

import java.time.LocalDate;

/** A visit placed on the calendar from a patient's Day 0 (docs/clinical-rules.md, Dosing, study day). */
public record ScheduledVisit(String label, int studyDay, LocalDate date) {

    public ScheduledVisit {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label is required");
        }
        if (date == null) {
            throw new IllegalArgumentException("date of visit " + label + " is required");
        }
    }
}
