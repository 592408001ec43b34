package org.celltrial.safety.ctcae;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.celltrial.safety.grading.GradedObservation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CTCAE v5.0 (NCI, 2017) Fever. */
class FeverGraderTest {

    private static final Instant AT = Instant.parse("2025-03-03T08:00:00Z");

    private final FeverGrader grader = new FeverGrader();

    @ParameterizedTest(name = "{0} °C, above 40 °C for {1} → {2}")
    @CsvSource({
            "37.9, PT0S,     0, CTCAE v5.0 Fever grade 0: below 38.0 degrees C",
            "38.0, PT0S,     1, CTCAE v5.0 Fever grade 1: 38.0 - 39.0 degrees C",
            "38.1, PT0S,     1, CTCAE v5.0 Fever grade 1: 38.0 - 39.0 degrees C",
            "38.9, PT0S,     1, CTCAE v5.0 Fever grade 1: 38.0 - 39.0 degrees C",
            "39.0, PT0S,     1, CTCAE v5.0 Fever grade 1: 38.0 - 39.0 degrees C",
            "39.1, PT0S,     2, CTCAE v5.0 Fever grade 2: >39.0 - 40.0 degrees C",
            "39.9, PT0S,     2, CTCAE v5.0 Fever grade 2: >39.0 - 40.0 degrees C",
            "40.0, PT0S,     2, CTCAE v5.0 Fever grade 2: >39.0 - 40.0 degrees C",
            "40.0, PT48H,    2, CTCAE v5.0 Fever grade 2: >39.0 - 40.0 degrees C",
            "40.1, PT0S,     3, CTCAE v5.0 Fever grade 3: >40.0 degrees C for <=24 hrs",
            "40.1, PT23H59M, 3, CTCAE v5.0 Fever grade 3: >40.0 degrees C for <=24 hrs",
            "40.1, PT24H,    3, CTCAE v5.0 Fever grade 3: >40.0 degrees C for <=24 hrs",
            "40.1, PT24H1S,  4, CTCAE v5.0 Fever grade 4: >40.0 degrees C for >24 hrs",
            "41.5, PT30H,    4, CTCAE v5.0 Fever grade 4: >40.0 degrees C for >24 hrs",
    })
    void gradesByTemperatureAndDuration(BigDecimal temperatureC, Duration above40CFor, int grade, String rule) {
        GradedObservation graded = grader.grade(AT, temperatureC, above40CFor);

        assertAll(
                () -> assertEquals(grade, graded.grade()),
                () -> assertEquals(rule, graded.rule()),
                () -> assertEquals(AT, graded.at()));
    }

    @Test
    void explainsTheValues() {
        assertEquals("temperature 40.3 °C, above 40.0 °C for 1500 min",
                grader.grade(AT, new BigDecimal("40.3"), Duration.ofHours(25)).explanation());
    }

    @Test
    void rejectsProgrammingErrors() {
        BigDecimal temperature = new BigDecimal("38.5");
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(AT, null, Duration.ZERO)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.grade(AT, temperature, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(AT, temperature, Duration.ofMinutes(-1))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.grade(null, temperature, Duration.ZERO)));
    }
}
