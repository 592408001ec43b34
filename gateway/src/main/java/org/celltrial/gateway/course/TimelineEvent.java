package org.celltrial.gateway.course;

import java.time.LocalDate;

/** One dated thing in a patient's course, with its study day (Day 0 = CAR-T infusion) when Day 0 is known. */
public record TimelineEvent(LocalDate date, Integer studyDay, String source, String kind, String what) {
}
