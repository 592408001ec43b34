package org.celltrial.enrollment.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Study days and visit dates, per docs/clinical-rules.md, Dosing: Day 0 = the CAR-T infusion date, days
 * before it are negative and there is a Day 0, so a study day is the plain difference in days. A monthly visit
 * falls on Day 0's day of the month, or on the month's last day when that day does not exist (Day 0 on
 * 31 January puts Month 1 on 28 or 29 February).
 */
public final class VisitScheduler {

    /** The visits on the calendar, by date; visits on the same date keep the definitions' order. */
    public List<ScheduledVisit> schedule(List<VisitDefinition> definitions, LocalDate day0) {
        if (definitions == null || definitions.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("definitions must be a list without nulls");
        }
        if (day0 == null) {
            throw new IllegalArgumentException("day0 is required");
        }
        List<ScheduledVisit> visits = new ArrayList<>();
        for (VisitDefinition definition : definitions) {
            LocalDate date = definition.studyDay() != null
                    ? day0.plusDays(definition.studyDay())
                    : day0.plusMonths(definition.month());
            visits.add(new ScheduledVisit(definition.label(), studyDay(day0, date), date));
        }
        visits.sort(Comparator.comparing(ScheduledVisit::date));
        return List.copyOf(visits);
    }

    public static int studyDay(LocalDate day0, LocalDate date) {
        if (day0 == null || date == null) {
            throw new IllegalArgumentException("day0 and date are required, were " + day0 + " and " + date);
        }
        return Math.toIntExact(ChronoUnit.DAYS.between(day0, date));
    }

    /**
     * The reference study's schedule: days −7 and −5 to −1, Day 0, daily to Day 14,
     * Days 21 and 28, then monthly from Month 2 to Month 24.
     */
    public static List<VisitDefinition> referenceSchedule() {
        List<VisitDefinition> visits = new ArrayList<>();
        IntStream.of(-7, -5, -4, -3, -2, -1).mapToObj(VisitDefinition::onStudyDay).forEach(visits::add);
        IntStream.rangeClosed(0, 14).mapToObj(VisitDefinition::onStudyDay).forEach(visits::add);
        IntStream.of(21, 28).mapToObj(VisitDefinition::onStudyDay).forEach(visits::add);
        IntStream.rangeClosed(2, 24).mapToObj(VisitDefinition::inMonth).forEach(visits::add);
        return List.copyOf(visits);
    }
}
