package org.celltrial.enrollment.schedule;

/**
 * A visit of the protocol's schedule, placed either on a study day or a number of calendar months after Day 0
 * (docs/clinical-rules.md, Dosing: Day 0 = infusion date, days before are negative).
 *
 * @param studyDay the study day, or null for a monthly visit
 * @param month    m means the calendar date Day 0 + m months, or null for a visit on a study day
 */
public record VisitDefinition(String label, Integer studyDay, Integer month) {

    public VisitDefinition {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label is required");
        }
        if ((studyDay == null) == (month == null)) {
            throw new IllegalArgumentException(
                    "visit " + label + " needs exactly one of studyDay and month, had " + studyDay + " and " + month);
        }
        if (month != null && month < 1) {
            throw new IllegalArgumentException("month of visit " + label + " must be at least 1, was " + month);
        }
    }

    /** A visit on a study day, labelled like "D-7", "D0", "D14". */
    public static VisitDefinition onStudyDay(int studyDay) {
        return new VisitDefinition("D" + studyDay, studyDay, null);
    }

    /** A visit months after Day 0, labelled like "M2". */
    public static VisitDefinition inMonth(int month) {
        return new VisitDefinition("M" + month, null, month);
    }
}
