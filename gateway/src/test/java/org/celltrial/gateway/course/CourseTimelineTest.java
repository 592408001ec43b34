package org.celltrial.gateway.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CourseTimelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY0 = LocalDate.parse("2024-03-01");

    private static final String ENROLLMENT = """
            {"patient": {"subjectId": "CT-SITE-01-001", "screeningDate": "2024-02-01", "consentDate": "2024-02-10",
                         "doseLevel": "DL1", "day0": "2024-03-01"},
             "lymphodepletion": {"administrations": [
                 {"agent": "fludarabine", "date": "2024-02-25", "doseMg": 34},
                 {"omitted": true, "reason": "cytopenia", "date": "2024-02-26"}]},
             "therapies": [{"kind": "RESCUE", "agent": "IVIG", "start": "2024-03-05", "end": "2024-03-06"}],
             "deviations": [{"occurredOn": "2024-02-26", "description": "Lymphodepletion omitted: cytopenia"}]}
            """;
    private static final String SAFETY = """
            {"crs": {"episodes": [{"onset": "2024-03-02T06:00:00Z", "resolvedAt": "2024-03-04T23:30:00-02:00",
                                   "maxGrade": 1}]},
             "icans": {"episodes": []},
             "adverseEvents": [{"origin": "CRS", "ctcaeTerm": "Cytokine release syndrome", "onset": "2024-03-02",
                                "grade": 1},
                               {"origin": "LAB", "ctcaeTerm": "Neutrophil count decreased", "onset": "2024-03-03",
                                "grade": 4, "serious": false}]}
            """;
    private static final String EFFICACY = """
            {"plateletCounts": [{"date": "2024-02-28", "valuePer1e9L": 8}],
             "autoantibodies": {"items": [{"date": "2024-04-01", "target": "GPIIB_IIIA", "opticalDensity": 0.1,
                                           "cutoff": 0.2}]},
             "carTKinetics": {"items": [{"date": "2024-03-11", "copiesPerUgDna": 52000}]},
             "bCells": {"items": [{"date": "2024-03-08", "cd19PerUl": 0}]},
             "response": {"firstResponseDate": "2024-03-20", "completeResponseDate": null}}
            """;

    @Test
    void putsEveryServicesDatedFactsOnOneTimelineByStudyDay() throws Exception {
        List<TimelineEvent> events = CourseTimeline.of(DAY0, JSON.readTree(ENROLLMENT), JSON.readTree(SAFETY),
                JSON.readTree(EFFICACY));

        assertEquals(List.of(
                "2024-02-01 -29 screening", "2024-02-10 -20 enrollment", "2024-02-25 -5 lymphodepletion",
                "2024-02-26 -4 lymphodepletion", "2024-02-26 -4 deviation", "2024-02-28 -2 platelets",
                "2024-03-01 0 infusion", "2024-03-02 1 crs", "2024-03-03 2 adverse-event", "2024-03-05 4 therapy",
                "2024-03-05 4 crs", "2024-03-06 5 therapy", "2024-03-08 7 b-cells", "2024-03-11 10 car-t-kinetics",
                "2024-03-20 19 response", "2024-04-01 31 autoantibody"),
                events.stream().map(e -> e.date() + " " + e.studyDay() + " " + e.kind()).toList());
    }

    @Test
    void showsCrsOnceAsItsEpisodeNotAgainAsTheDerivedAdverseEvent() throws Exception {
        List<TimelineEvent> events = CourseTimeline.of(DAY0, null, JSON.readTree(SAFETY), null);

        assertEquals(List.of("CRS onset, max grade 1", "Neutrophil count decreased, grade 4", "CRS resolved"),
                events.stream().map(TimelineEvent::what).toList());
    }

    @Test
    void placesInstantsOnTheirUtcDate() throws Exception {
        JsonNode safety = JSON.readTree(SAFETY);
        TimelineEvent resolved = CourseTimeline.of(DAY0, null, safety, null).get(2);

        assertEquals(LocalDate.parse("2024-03-05"), resolved.date(), "23:30 at -02:00 is 01:30 UTC the next day");
    }

    @Test
    void leavesStudyDaysEmptyWithoutDayZeroAndSkipsMissingParts() throws Exception {
        List<TimelineEvent> events = CourseTimeline.of(null, null, null, JSON.readTree(EFFICACY));

        assertEquals(5, events.size());
        events.forEach(event -> assertNull(event.studyDay()));
        assertEquals(List.of(), CourseTimeline.of(DAY0, null, null, null));
    }
}
