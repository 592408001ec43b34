package org.celltrial.safety.ctcae;

import java.time.LocalDate;

/** A lab result as graded, with the day it was collected. */
public record GradedLab(LocalDate date, LabGrade grade) {

    public GradedLab {
        if (date == null || grade == null) {
            throw new IllegalArgumentException("date and grade are required");
        }
    }
}
