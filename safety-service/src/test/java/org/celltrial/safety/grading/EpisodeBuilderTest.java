package org.celltrial.safety.grading;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/clinical-rules.md, CRS: episodes end when no grade ≥ 1 is present for the resolution window. */
class EpisodeBuilderTest {

    /** The reference protocol's episode resolution window (docs/clinical-rules.md, Protocol settings). */
    private static final Duration WINDOW = Duration.ofHours(24);

    private static final LocalDate DAY_0 = LocalDate.parse("2025-03-02");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    private final EpisodeBuilder builder = new EpisodeBuilder();

    /**
     * Observations "h:mm=grade" after T0; episodes "onset-resolution/maxGrade", resolution "ongoing" when there is
     * none. The window is 24 h unless given.
     */
    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', value = {
            "0:00=1                                | 0:00-ongoing/1",
            "0:00=0 5:00=0                         | ''",
            "''                                    | ''",
            // The window after the last positive must have been observed: just below, at and above P + 24 h.
            "0:00=2 1:00=0 23:59=0                 | 0:00-ongoing/2",
            "0:00=2 1:00=0 24:00=0                 | 0:00-1:00/2",
            "0:00=2 1:00=0 24:01=0                 | 0:00-1:00/2",
            // A positive within the window (inclusive) continues the episode; beyond it, starts a new one.
            "0:00=1 1:00=0 23:59=3 24:30=0 48:00=0 | 0:00-24:30/3",
            "0:00=1 1:00=0 24:00=3 25:00=0 49:00=0 | 0:00-25:00/3",
            "0:00=1 1:00=0 24:01=3 30:00=0 54:01=0 | 0:00-1:00/1 24:01-30:00/3",
            // The window runs from the last positive, not from the first grade 0.
            "0:00=1 10:00=2 11:00=0 33:59=0        | 0:00-ongoing/2",
            "0:00=1 10:00=2 11:00=0 34:00=0        | 0:00-11:00/2",
            // A gap in monitoring is no documented resolution: the episode goes on.
            "0:00=2 30:00=1 31:00=0 55:00=0        | 0:00-31:00/2",
            // Grade-0 observations before the onset don't belong to an episode.
            "0:00=0 2:00=0 4:00=1 5:00=0 29:00=0   | 4:00-5:00/1",
            "0:00=1 1:00=0 2:00=0 3:00=1 4:00=0 28:00=0 30:00=2 31:00=0 | 0:00-4:00/1 30:00-ongoing/2",
    })
    void delimitsEpisodes(String observations, String expected) {
        assertEquals(expected, summary(builder.episodes(observations(observations), DAY_0,
                WINDOW, BERLIN)));
    }

    @Test
    void observationsKeptWithoutAGradeTakeNoPart() {
        List<GradedObservation> graded = new ArrayList<>(observations("0:00=1 1:00=0 25:00=0"));
        // Before Day 0 (shown, not graded): neither an onset nor a resolution.
        graded.add(0, GradedObservation.notGraded(graded.get(0).at().minusSeconds(3600), StudyClock.BEFORE_INFUSION,
                "CRS", "temperature 39.0 °C"));
        assertEquals("0:00-1:00/1", summary(builder.episodes(graded, DAY_0, WINDOW, BERLIN)));
    }

    @ParameterizedTest(name = "12 h window: [{0}] → [{1}]")
    @CsvSource(delimiter = '|', value = {
            "0:00=1 1:00=0 11:59=2 13:00=0 24:00=0 | 0:00-13:00/2",
            "0:00=1 1:00=0 12:00=2 13:00=0 24:00=0 | 0:00-13:00/2",
            "0:00=1 1:00=0 12:01=2 13:00=0 24:01=0 | 0:00-1:00/1 12:01-13:00/2",
    })
    void theProtocolChoosesTheWindow(String observations, String expected) {
        assertEquals(expected, summary(builder.episodes(observations(observations), DAY_0, Duration.ofHours(12),
                BERLIN)));
    }

    @Test
    void takesObservationsInTimeOrder() {
        List<GradedObservation> shuffled = new ArrayList<>(observations("0:00=1 1:00=0 2:00=2 3:00=0 27:00=0"));
        Collections.reverse(shuffled);

        assertEquals("0:00-3:00/2", summary(builder.episodes(shuffled, DAY_0,
                WINDOW, BERLIN)));
    }

    @Test
    void reportsTheWorstObservationOfEachStudyDayInTheLocalZone() {
        List<GradedObservation> observations = List.of(
                // More than 24 h before the next one, but no grade 0 came between: the same episode.
                observation("2025-03-01T10:00:00Z", 1, "before infusion"),
                observation("2025-03-02T22:00:00Z", 1, "day 0, 23:00 in Berlin"),
                observation("2025-03-02T23:30:00Z", 2, "day 1, 00:30 in Berlin"),
                observation("2025-03-03T10:00:00Z", 3, "day 1, first grade 3"),
                observation("2025-03-03T12:00:00Z", 3, "day 1, second grade 3"),
                observation("2025-03-03T23:30:00Z", 0, "day 2, 00:30 in Berlin"),
                observation("2025-03-04T12:00:00Z", 0, "day 2, window observed"));

        List<Episode> episodes = builder.episodes(observations, DAY_0, WINDOW,
                BERLIN);

        assertEquals(1, episodes.size());
        Episode episode = episodes.get(0);
        assertAll(
                () -> assertEquals(Instant.parse("2025-03-01T10:00:00Z"), episode.onset()),
                () -> assertEquals(-1, episode.onsetStudyDay()),
                () -> assertEquals(Instant.parse("2025-03-03T23:30:00Z"), episode.resolvedAt()),
                () -> assertEquals(2, episode.resolvedStudyDay()),
                () -> assertEquals(3, episode.maxGrade()),
                () -> assertEquals(List.of("-1/1/before infusion", "0/1/day 0, 23:00 in Berlin",
                                "1/3/day 1, first grade 3"),
                        episode.days().stream()
                                .map(day -> day.studyDay() + "/" + day.grade() + "/" + day.explanation())
                                .toList()),
                () -> assertEquals(Instant.parse("2025-03-03T10:00:00Z"), episode.days().get(2).at()),
                () -> assertEquals("rule 3", episode.days().get(2).rule()));
    }

    @Test
    void studyDayFollowsTheZone() {
        List<GradedObservation> lateEvening = List.of(observation("2025-03-02T23:30:00Z", 1, "late"));

        assertEquals(1, builder.episodes(lateEvening, DAY_0, WINDOW, BERLIN)
                .get(0).onsetStudyDay());
        assertEquals(0, builder.episodes(lateEvening, DAY_0, WINDOW,
                ZoneOffset.UTC).get(0).onsetStudyDay());
    }

    @Test
    void ongoingEpisodeHasNoResolution() {
        Episode episode = builder.episodes(observations("0:00=2 1:00=0"), DAY_0,
                WINDOW, BERLIN).get(0);

        assertNull(episode.resolvedAt());
        assertNull(episode.resolvedStudyDay());
    }

    @Test
    void rejectsProgrammingErrors() {
        List<GradedObservation> none = List.of();
        Duration window = WINDOW;
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> builder.episodes(null, DAY_0, window, BERLIN)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> builder.episodes(Arrays.asList(observation("2025-03-03T08:00:00Z", 1, "x"), null),
                                DAY_0, window, BERLIN)),
                () -> assertThrows(IllegalArgumentException.class, () -> builder.episodes(none, null, window, BERLIN)),
                () -> assertThrows(IllegalArgumentException.class, () -> builder.episodes(none, DAY_0, window, null)),
                () -> assertThrows(IllegalArgumentException.class, () -> builder.episodes(none, DAY_0, null, BERLIN)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> builder.episodes(none, DAY_0, Duration.ZERO, BERLIN)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> builder.episodes(none, DAY_0, Duration.ofHours(-1), BERLIN)));
    }

    @Test
    void recordsRejectNonsense() {
        Instant at = Instant.parse("2025-03-03T08:00:00Z");
        DailyGrade day = new DailyGrade(1, 2, "rule", "explanation", at);
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> new GradedObservation(null, 1, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class, () -> new GradedObservation(at, -1, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class, () -> new GradedObservation(at, 6, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class, () -> new GradedObservation(at, 1, " ", "e")),
                () -> assertThrows(IllegalArgumentException.class, () -> new GradedObservation(at, 1, "r", null)),
                () -> assertThrows(IllegalArgumentException.class, () -> new DailyGrade(1, 6, "r", "e", at)),
                () -> assertThrows(IllegalArgumentException.class, () -> new DailyGrade(1, 1, "r", "e", null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new Episode(at, 1, at, null, 2, List.of(day))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new Episode(at, 1, at.minusSeconds(1), 1, 2, List.of(day))),
                () -> assertThrows(IllegalArgumentException.class, () -> new Episode(at, 1, null, null, 0, List.of(day))),
                () -> assertThrows(IllegalArgumentException.class, () -> new Episode(at, 1, null, null, 2, List.of())));
    }

    private static List<GradedObservation> observations(String observations) {
        if (observations == null || observations.isBlank()) {
            return List.of();
        }
        return Arrays.stream(observations.trim().split("\\s+"))
                .map(entry -> {
                    String[] timeAndGrade = entry.split("=");
                    String[] hoursAndMinutes = timeAndGrade[0].split(":");
                    Instant at = T0.plus(Duration.ofHours(Long.parseLong(hoursAndMinutes[0]))
                            .plusMinutes(Long.parseLong(hoursAndMinutes[1])));
                    int grade = Integer.parseInt(timeAndGrade[1]);
                    return observation(at.toString(), grade, "observed at " + timeAndGrade[0]);
                })
                .toList();
    }

    private static GradedObservation observation(String at, int grade, String explanation) {
        return new GradedObservation(Instant.parse(at), grade, "rule " + grade, explanation);
    }

    private static String summary(List<Episode> episodes) {
        return episodes.stream()
                .map(episode -> offset(episode.onset()) + "-"
                        + (episode.resolvedAt() == null ? "ongoing" : offset(episode.resolvedAt())) + "/"
                        + episode.maxGrade())
                .collect(Collectors.joining(" "));
    }

    private static String offset(Instant at) {
        long minutes = Duration.between(T0, at).toMinutes();
        return minutes / 60 + ":" + String.format("%02d", minutes % 60);
    }
}
