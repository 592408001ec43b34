package org.celltrial.efficacy.response;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.celltrial.efficacy.response.RescueIndependence.CategoryIndependence;
import org.celltrial.efficacy.response.RescueIndependence.RescueIndependenceAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rescue independence after the CAR-T (Provan D et al., Blood Adv 2019;3:3780-3817; docs/clinical-rules.md, ITP
 * response, rescue independence). Therapies are placed by study day from {@link #DAY0}.
 */
class RescueIndependenceTest {

    private static final LocalDate DAY0 = LocalDate.parse("2025-02-01");

    private final RescueIndependence independence = new RescueIndependence();

    @Test
    void withoutRescueThePatientIsRescueFree() {
        RescueIndependenceAssessment assessment = independence.assess(DAY0, List.of(), day(120), 28);

        assertTrue(assessment.rescueFreeAtCutOff());
        assertEquals(List.of(), assessment.categories());
        assertEquals(List.of("Rescue-free at the cut-off 2025-06-01: no rescue from 2025-05-05 to 2025-06-01 "
                + "(28 days)"), assessment.decisions());
    }

    @Test
    void ivigIndependentSinceTheDayAfterTheLastRescue() {
        List<TherapyExposure> therapies = List.of(rescue("IVIG", -20, null), rescue("IVIG", 5, 6),
                rescue("IVIG", 83, null));

        RescueIndependenceAssessment assessment = independence.assess(DAY0, therapies, day(200), 28);

        CategoryIndependence ivig = assessment.category("IVIG").orElseThrow();
        assertAll(
                () -> assertEquals(-20, ivig.lastBeforeDay0().startStudyDay()),
                () -> assertEquals(day(83), ivig.lastAfterDay0().start()),
                () -> assertEquals(83, ivig.lastAfterDay0().lastStudyDay()),
                () -> assertTrue(ivig.independent()),
                () -> assertEquals(84, ivig.independentSinceDay()),
                () -> assertEquals(day(84), ivig.independentSince()),
                () -> assertEquals("IVIG-independent since day 84 (2025-04-26): the day after the last rescue, IVIG "
                        + "started 2025-04-25, up to the cut-off 2025-08-20", ivig.explanation()),
                () -> assertTrue(assessment.rescueFreeAtCutOff()));
    }

    @ParameterizedTest(name = "cut-off day 100, last rescue from day {0} to day {1}: independent since day {2}")
    @CsvSource({
            "90,  98,  99",
            "90,  99,  100",
            "90,  100, ",
            "95,  101, ",
            "100, ,    ",
    })
    void aCategoryIsIndependentWhenItsLastRescueEndedBeforeTheCutOff(int startDay, Integer endDay,
            Integer independentSinceDay) {
        CategoryIndependence ivig = independence.assess(DAY0, List.of(rescue("IVIG", startDay, endDay)), day(100), 28)
                .category("IVIG").orElseThrow();

        assertEquals(independentSinceDay != null, ivig.independent());
        assertEquals(independentSinceDay, ivig.independentSinceDay());
        if (independentSinceDay == null) {
            assertNull(ivig.independentSince());
            assertTrue(ivig.explanation().startsWith("IVIG not independent at the cut-off 2025-05-12: "),
                    ivig.explanation());
        }
    }

    @ParameterizedTest(name = "rescue from day {0} to day {1}: independent since day {2}, last before Day 0: {3}")
    @CsvSource({
            "-20, ,   0, true",
            "-5,  -1, 0, true",
            "-2,  1,  2, true",
            "0,   ,   1, false",
            "1,   ,   2, false",
    })
    void beforeDay0IsAStartBeforeIt(int startDay, Integer endDay, int independentSinceDay, boolean before) {
        CategoryIndependence ivig = independence.assess(DAY0, List.of(rescue("IVIG", startDay, endDay)), day(100), 28)
                .category("IVIG").orElseThrow();

        assertEquals(independentSinceDay, ivig.independentSinceDay());
        assertEquals(before, ivig.lastBeforeDay0() != null);
        assertEquals(!before, ivig.lastAfterDay0() != null);
    }

    @Test
    void withoutRescueAfterDay0TheCategoryIsIndependentSinceDay0() {
        CategoryIndependence ivig = independence.assess(DAY0, List.of(rescue("IVIG", -20, null)), day(100), 28)
                .category("IVIG").orElseThrow();

        assertEquals("IVIG-independent since day 0 (2025-02-01): no rescue on or after Day 0 (2025-02-01), up to the "
                + "cut-off 2025-05-12", ivig.explanation());
    }

    @Test
    void eachRescueCategoryOnItsOwnAndOnlyRescuesCount() {
        List<TherapyExposure> therapies = List.of(rescue("PLATELET_TRANSFUSION", 40, null), rescue("IVIG", 5, 6),
                new TherapyExposure(TherapyKind.CONCOMITANT, "IVIG", "IVIG", day(90), null),
                new TherapyExposure(TherapyKind.SUBSEQUENT, "ANTI_CD38", "daratumumab", day(95), null));

        RescueIndependenceAssessment assessment = independence.assess(DAY0, therapies, day(100), 28);

        assertEquals(List.of("IVIG", "PLATELET_TRANSFUSION"),
                assessment.categories().stream().map(CategoryIndependence::category).toList());
        assertEquals(7, assessment.category("IVIG").orElseThrow().independentSinceDay());
        assertEquals(41, assessment.category("PLATELET_TRANSFUSION").orElseThrow().independentSinceDay());
        assertTrue(assessment.category("ANTI_CD38").isEmpty());
        assertTrue(assessment.rescueFreeAtCutOff());
    }

    @Test
    void aRescueStartedAfterTheCutOffIsLeftOut() {
        RescueIndependenceAssessment assessment = independence.assess(DAY0, List.of(rescue("IVIG", 101, null)),
                day(100), 28);

        assertEquals(List.of(), assessment.categories());
        assertTrue(assessment.rescueFreeAtCutOff());
    }

    @ParameterizedTest(name = "cut-off day 100, {2} days: rescue from day {0} to day {1}: rescue-free {3}")
    @CsvSource({
            "60,  72,  28, true",
            "60,  73,  28, false",
            "73,  ,    28, false",
            "100, ,    28, false",
            "90,  95,  28, false",
            "80,  86,  14, true",
            "80,  87,  14, false",
            "99,  ,    1,  true",
            "100, ,    1,  false",
    })
    void rescueFreeAtTheCutOffWhenNoRescueOverlapsTheDaysUpToIt(int startDay, Integer endDay, int days,
            boolean rescueFree) {
        RescueIndependenceAssessment assessment = independence.assess(DAY0,
                List.of(rescue("IVIG", startDay, endDay)), day(100), days);

        assertEquals(rescueFree, assessment.rescueFreeAtCutOff(), () -> assessment.decisions().toString());
    }

    @Test
    void aRescueBeforeDay0CountsAgainstRescueFreedomWhenWithinTheDays() {
        RescueIndependenceAssessment assessment = independence.assess(DAY0, List.of(rescue("IVIG", -5, null)),
                day(10), 28);

        assertFalse(assessment.rescueFreeAtCutOff());
        assertEquals("Not rescue-free at the cut-off 2025-02-11: IVIG started 2025-01-27 within 2025-01-15 to "
                + "2025-02-11 (28 days)", assessment.decisions().get(assessment.decisions().size() - 1));
    }

    @Test
    void rejectsBadInput() {
        List<TherapyExposure> none = List.of();
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> independence.assess(null, none, day(10), 28)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> independence.assess(DAY0, none, null, 28)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> independence.assess(DAY0, none, day(-1), 28)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> independence.assess(DAY0, null, day(10), 28)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> independence.assess(DAY0, Arrays.asList(rescue("IVIG", 5, null), null), day(10), 28)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> independence.assess(DAY0, none, day(10), 0)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> independence.assess(DAY0, none, day(10), -28)));
    }

    private static LocalDate day(int studyDay) {
        return DAY0.plusDays(studyDay);
    }

    private static TherapyExposure rescue(String category, int startDay, Integer endDay) {
        return new TherapyExposure(TherapyKind.RESCUE, category, category, day(startDay),
                endDay == null ? null : day(endDay));
    }
}
