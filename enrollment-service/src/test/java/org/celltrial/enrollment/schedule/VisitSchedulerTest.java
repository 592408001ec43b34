package org.celltrial.enrollment.schedule;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/clinical-rules.md, Dosing: Day 0 = infusion date, days before are negative, there is a Day 0. */
class VisitSchedulerTest {

    private final VisitScheduler scheduler = new VisitScheduler();

    @ParameterizedTest(name = "Day 0 {0}, {1} is day {2}")
    @CsvSource({
            "2025-01-15, 2025-01-15, 0",
            "2025-01-15, 2025-01-14, -1",
            "2025-01-15, 2025-01-16, 1",
            "2025-01-31, 2025-02-01, 1",
            "2025-02-01, 2025-01-31, -1",
            "2025-01-01, 2024-12-31, -1",
            "2024-12-30, 2025-01-02, 3",
            "2024-02-28, 2024-03-01, 2",
            "2023-02-28, 2023-03-01, 1",
            "2024-03-01, 2024-02-29, -1",
            "2024-03-03, 2024-02-26, -6",
            "2024-01-01, 2025-01-01, 366",
            "2025-01-01, 2026-01-01, 365",
    })
    void studyDayIsThePlainDifferenceInDays(LocalDate day0, LocalDate date, int studyDay) {
        assertEquals(studyDay, VisitScheduler.studyDay(day0, date));
    }

    @Test
    void referenceScheduleFromDayMinus7ToMonth24() {
        List<VisitDefinition> reference = VisitScheduler.referenceSchedule();

        assertAll(
                () -> assertEquals(46, reference.size()),
                () -> assertEquals(new VisitDefinition("D-7", -7, null), reference.get(0)),
                () -> assertEquals(new VisitDefinition("D-5", -5, null), reference.get(1)),
                () -> assertEquals(new VisitDefinition("D0", 0, null), reference.get(6)),
                () -> assertEquals(new VisitDefinition("D14", 14, null), reference.get(20)),
                () -> assertEquals(new VisitDefinition("D28", 28, null), reference.get(22)),
                () -> assertEquals(new VisitDefinition("M2", null, 2), reference.get(23)),
                () -> assertEquals(new VisitDefinition("M24", null, 24), reference.get(45)));
    }

    @ParameterizedTest(name = "Day 0 {0}: {1} is day {2} on {3}")
    @CsvSource({
            "2024-12-30, D-7, -7,  2024-12-23",
            "2024-12-30, D-1, -1,  2024-12-29",
            "2024-12-30, D0,  0,   2024-12-30",
            "2024-12-30, D14, 14,  2025-01-13",
            "2024-12-30, D28, 28,  2025-01-27",
            "2024-12-30, M2,  60,  2025-02-28",
            "2024-12-30, M3,  90,  2025-03-30",
            "2024-12-30, M24, 730, 2026-12-30",
    })
    void placesTheReferenceVisits(LocalDate day0, String label, int studyDay, LocalDate date) {
        List<ScheduledVisit> visits = scheduler.schedule(VisitScheduler.referenceSchedule(), day0);

        assertEquals(46, visits.size());
        assertEquals(new ScheduledVisit(label, studyDay, date),
                visits.stream().filter(visit -> visit.label().equals(label)).findFirst().orElseThrow());
    }

    @ParameterizedTest(name = "Day 0 {0}: month {1} is {2} (day {3})")
    @CsvSource({
            "2024-01-31, 1,  2024-02-29, 29",
            "2023-01-31, 1,  2023-02-28, 28",
            "2024-02-29, 12, 2025-02-28, 365",
            "2024-03-31, 1,  2024-04-30, 30",
            "2024-01-15, 1,  2024-02-15, 31",
    })
    void monthlyVisitsFallOnTheMonthsLastDayWhenDay0sDayIsMissing(LocalDate day0, int month, LocalDate date,
            int studyDay) {
        assertEquals(List.of(new ScheduledVisit("M" + month, studyDay, date)),
                scheduler.schedule(List.of(VisitDefinition.inMonth(month)), day0));
    }

    @Test
    void sortsByDateWhateverTheDefinitionsOrder() {
        // Day 0 on 1 January 2025: Month 2 is 1 March, day 59, before Day 60.
        List<VisitDefinition> definitions = List.of(VisitDefinition.onStudyDay(60), VisitDefinition.inMonth(2),
                VisitDefinition.onStudyDay(1), VisitDefinition.onStudyDay(-1));

        assertEquals(List.of("D-1", "D1", "M2", "D60"),
                scheduler.schedule(definitions, LocalDate.parse("2025-01-01")).stream()
                        .map(ScheduledVisit::label).toList());
    }

    @ParameterizedTest(name = "\"{0}\", day {1}, month {2} is rejected")
    @CsvSource({
            "D1, 1, 1",
            "X,   ,  ",
            "M0,  , 0",
            "'', 1,  ",
    })
    void visitDefinitionNeedsExactlyOnePlace(String label, Integer studyDay, Integer month) {
        assertThrows(IllegalArgumentException.class, () -> new VisitDefinition(label, studyDay, month));
    }
}
