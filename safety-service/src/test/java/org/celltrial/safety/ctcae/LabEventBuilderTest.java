package org.celltrial.safety.ctcae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabEventBuilderTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private final LabEventBuilder builder = new LabEventBuilder();

    /** Events from grades on consecutive days, the first being the baseline and the others after the anchor. */
    private List<LabEvent> events(Analyte analyte, int... grades) {
        List<GradedLab> series = series(analyte, grades);
        return builder.events(series.subList(1, series.size()), series.get(0).grade());
    }

    /** Grades on consecutive days. */
    private static List<GradedLab> series(Analyte analyte, int... grades) {
        List<GradedLab> series = new ArrayList<>();
        for (int day = 0; day < grades.length; day++) {
            series.add(new GradedLab(START.plusDays(day), new LabGrade(CtcaeVersion.V5_0, analyte,
                    CtcaeTerm.PLATELET_COUNT_DECREASED, grades[day], "grade " + grades[day], "as graded")));
        }
        return series;
    }

    @ParameterizedTest(name = "platelets, baseline grade {0}, then grade {1}: {2} event(s)")
    @CsvSource({
        // In ITP the baseline is already low: only a worse grade than baseline is an event.
        "3, 3, 0",
        "3, 4, 1",
        "4, 4, 0",
        "0, 1, 1",
        "2, 1, 0",
    })
    void plateletEventsOnlyOnWorseningFromBaseline(int baseline, int later, int events) {
        assertEquals(events, events(Analyte.PLT, baseline, later).size());
    }

    @ParameterizedTest(name = "{0}, baseline grade {1}, then grade {2}: {3} event(s)")
    @CsvSource({
        "ANC, 0, 0, 0",
        "ANC, 0, 1, 1",
        "ANC, 2, 2, 1",
        "ALT, 1, 1, 1",
    })
    void otherTermsOpenAnEventAtGradeOne(Analyte analyte, int baseline, int later, int events) {
        assertEquals(events, events(analyte, baseline, later).size());
    }

    @Test
    void anEventLastsWhileResultsQualifyAndTakesTheWorstGrade() {
        List<LabEvent> events = events(Analyte.ANC, 0, 2, 4, 3, 0, 1);
        assertEquals(2, events.size());
        LabEvent first = events.get(0);
        assertEquals(START.plusDays(1), first.onset());
        assertEquals(4, first.maxGrade());
        assertEquals(START.plusDays(4), first.resolvedOn());
        assertEquals("grade 4 (worst on " + START.plusDays(2) + ")", first.rule());
        LabEvent second = events.get(1);
        assertEquals(START.plusDays(5), second.onset());
        assertNull(second.resolvedOn());
    }

    @Test
    void aBaselineAloneShowsNoEvent() {
        assertEquals(0, events(Analyte.ANC, 4).size());
    }

    @ParameterizedTest(name = "{0} without a baseline result, grade {1}: {2} event(s)")
    @CsvSource({
        // A late first result is no baseline: graded against the normal range, it opens an event from grade 1.
        "ANC, 0, 0",
        "ANC, 1, 1",
        "ANC, 3, 1",
        "ALT, 2, 1",
        // Without a baseline, platelets are compared with grade 0.
        "PLT, 0, 0",
        "PLT, 1, 1",
    })
    void withoutABaselineEveryResultAfterTheAnchorCanOpenAnEvent(Analyte analyte, int grade, int events) {
        assertEquals(events, builder.events(series(analyte, grade), null).size());
    }
}
