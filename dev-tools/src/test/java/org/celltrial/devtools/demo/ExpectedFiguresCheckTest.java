package org.celltrial.devtools.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ExpectedFiguresCheckTest {

    /** As the study file is read: decimals as BigDecimal (75.0 reads as 75). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final String EXPECTED = """
            {"_": "a comment", "enrolled": 4, "femalePercent": 75.0,
             "diseaseDurationYears": {"median": 7.8, "unit": "years"},
             "crs": {"patientsByMaxGrade": {"0": 1, "1": 3}},
             "unavailable": []}""";

    @Test
    void aSummaryShowingEveryExpectedFigureHasNoDifference() {
        String summary = """
                {"enrolled": 4, "femalePercent": 75, "ageYears": {"median": 12.5},
                 "diseaseDurationYears": {"median": 7.80, "unit": "years"},
                 "crs": {"patientsByMaxGrade": {"0": 1, "1": 3, "2": 0, "3": 0}},
                 "unavailable": []}""";

        assertEquals(List.of(), differences(EXPECTED, summary));
    }

    @Test
    void eachDifferingFigureIsNamedByItsPathWithBothValues() {
        String summary = """
                {"enrolled": 3, "femalePercent": 66.7,
                 "diseaseDurationYears": {"median": 7.8, "unit": "months"},
                 "crs": {"patientsByMaxGrade": {"0": 1, "1": 3}},
                 "unavailable": ["safety-service"]}""";

        assertEquals(List.of("enrolled: expected 4, was 3", "femalePercent: expected 75, was 66.7",
                "diseaseDurationYears.unit: expected \"years\", was \"months\"",
                "unavailable: expected [], was [\"safety-service\"]"), differences(EXPECTED, summary));
    }

    @Test
    void aMissingFigureOrATextInPlaceOfANumberIsADifference() {
        String summary = """
                {"enrolled": "4", "diseaseDurationYears": {"unit": "years"},
                 "crs": {"patientsByMaxGrade": {"0": 1, "1": 3}}, "unavailable": []}""";

        assertEquals(List.of("enrolled: expected 4, was \"4\"", "femalePercent: expected 75, was missing",
                "diseaseDurationYears.median: expected 7.8, was missing"), differences(EXPECTED, summary));
    }

    @Test
    void aGradeTheFileDoesNotListMustCountNobody() {
        String summary = """
                {"enrolled": 4, "femalePercent": 75.0, "diseaseDurationYears": {"median": 7.8, "unit": "years"},
                 "crs": {"patientsByMaxGrade": {"0": 1, "1": 2, "2": 1}}, "unavailable": []}""";

        assertEquals(List.of("crs.patientsByMaxGrade.1: expected 3, was 2",
                "crs.patientsByMaxGrade.2: expected 0 (or absent), was 1"), differences(EXPECTED, summary));
    }

    @Test
    void countsByCategoryAreCheckedTheSameWayAndOtherObjectsMayHoldMore() {
        String expected = """
                {"priorTherapies": {"median": 4, "patientsByCategory": {"IVIG": 4}}}""";
        String summary = """
                {"priorTherapies": {"median": 4, "min": 3, "patientsByCategory": {"IVIG": 4, "RITUXIMAB": 2}}}""";

        assertEquals(List.of("priorTherapies.patientsByCategory.RITUXIMAB: expected 0 (or absent), was 2"),
                differences(expected, summary));
    }

    private static List<String> differences(String expected, String summary) {
        return ExpectedFiguresCheck.differences(read(expected), read(summary));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
