package org.celltrial.efficacy.response;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IWG response (Rodeghiero F et al., Blood 2009;113:2386-2393; Provan D et al., Blood Adv 2019;3:3780-3817;
 * docs/clinical-rules.md, ITP response). Counts are placed by study day from {@link #DAY0}.
 */
class IwgResponseEvaluatorTest {

    private static final LocalDate DAY0 = LocalDate.parse("2025-02-01");
    private static final BigDecimal BASELINE = BigDecimal.valueOf(8);

    private final IwgResponseEvaluator evaluator = new IwgResponseEvaluator();

    @ParameterizedTest(name = "{0} with baseline {1}, WHO bleeding grade {2} → {3}")
    @CsvSource({
            // CR: ≥ 100 and no bleeding, whatever the baseline
            "99.9,  8,  0, R",
            "100,   8,  0, CR",
            "100.1, 8,  0, CR",
            "100,   60, 0, CR",
            "99.9,  60, 0, NR",
            // R: ≥ 30 ...
            "29.9,  8,  0, NR",
            "30,    8,  0, R",
            "30.1,  8,  0, R",
            "28,    8,  0, NR",
            // ... and ≥ 2 × baseline (20 → 40)
            "39.9,  20, 0, NR",
            "40,    20, 0, R",
            "40.1,  20, 0, R",
            // bleeding is WHO grade ≥ 2; not assessed is no bleeding known
            "150,   8,  1, CR",
            "150,   8,  2, NR",
            "150,   8,  3, NR",
            "50,    8,  1, R",
            "50,    8,  2, NR",
            "150,   8,  ,  CR",
    })
    void classifiesEachCount(BigDecimal value, BigDecimal baseline, Integer bleedingWhoGrade, ResponseStatus status) {
        IwgAssessment assessment = evaluator.evaluate(baseline, DAY0,
                List.of(new PlateletCount(day(10), value, bleedingWhoGrade)), List.of(), IwgSettings.defaults(), null);

        assertEquals(status, assessment.carT().counts().get(0).status());
    }

    @ParameterizedTest(name = "{0} with baseline {1}, bleeding {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "120 | 8  | 0 | 120 ≥ 100; no bleeding, WHO grade 0 < 2: CR",
            "90  | 8  |   | 90 < 100, ≥ 30, ≥ 2 × baseline 8 = 16; bleeding not assessed, none known: R",
            "28  | 8  | 1 | 28 < 100, < 30, ≥ 2 × baseline 8 = 16; no bleeding, WHO grade 1 < 2: NR",
            "35  | 20 | 0 | 35 < 100, ≥ 30, < 2 × baseline 20 = 40; no bleeding, WHO grade 0 < 2: NR",
            "150 | 8  | 2 | 150 ≥ 100; bleeding, WHO grade 2 ≥ 2: NR",
    })
    void explainsEachCount(BigDecimal value, BigDecimal baseline, Integer bleedingWhoGrade, String explanation) {
        IwgAssessment assessment = evaluator.evaluate(baseline, DAY0,
                List.of(new PlateletCount(day(10), value, bleedingWhoGrade)), List.of(), IwgSettings.defaults(), null);

        assertEquals(explanation, assessment.carT().counts().get(0).explanation());
    }

    @Test
    void bleedingThresholdIsTheProtocols() {
        IwgSettings gradeThree = settings(7, true, Map.of(), 3);
        List<PlateletCount> counts = List.of(count(10, "150", 2), count(20, "150", 3));

        List<CountAssessment> assessed = evaluator.evaluate(BASELINE, DAY0, counts, List.of(), gradeThree, null)
                .carT().counts();

        assertEquals(ResponseStatus.CR, assessed.get(0).status());
        assertEquals(ResponseStatus.NR, assessed.get(1).status());
    }

    @Test
    void bleedingGradeTwoMakesACountOf150NoResponse() {
        ResponseCourse course = evaluate(List.of(count(20, "150", 2), count(30, "160", 0))).carT();

        assertAll(
                () -> assertEquals(ResponseStatus.NR, course.counts().get(0).status()),
                () -> assertEquals("150 ≥ 100; bleeding, WHO grade 2 ≥ 2: NR", course.counts().get(0).explanation()),
                // the bleeding count cannot confirm the CR of the next one
                () -> assertEquals(ResponseStatus.NR, course.bestResponse()),
                () -> assertEquals(ResponseStatus.CR, course.currentStatus()));
    }

    @Test
    void twoCountsOfAbout30TwoWeeksApartAreAResponseAgainstABaselineOf8() {
        ResponseCourse course = evaluate(List.of(count(28, "30"), count(42, "32"))).carT();

        assertAll(
                () -> assertEquals(ResponseStatus.R, course.bestResponse()),
                () -> assertEquals(day(28), course.firstResponseDate()),
                () -> assertEquals(28, course.timeToResponseDays()),
                () -> assertEquals(day(42), course.responseConfirmedOn()),
                () -> assertNull(course.completeResponseDate()),
                () -> assertNull(course.lostResponseOn()),
                () -> assertEquals(14, course.durationOfResponseDays()),
                () -> assertTrue(course.durationCensored()),
                () -> assertEquals(ResponseStatus.R, course.currentStatus()));
        assertDecisions(course,
                "Response (R or CR) confirmed by 30 on 2025-03-01 and 32 on 2025-03-15 (14 days apart > 7)",
                "CR met by no evaluable count",
                "Response (R or CR) not lost: no two evaluable counts failing it more than 1 day apart after its "
                        + "confirmation on 2025-03-15",
                "Best response R: CR not confirmed",
                "Time to response 28 days: from Day 0 (2025-02-01) to the first confirming count on 2025-03-01",
                "Duration of response 14 days, censored: from 2025-03-01 to the last evaluable count on 2025-03-15, "
                        + "response not lost",
                "Current status R: the last evaluable count, 32 on 2025-03-15");
    }

    @Test
    void countsOf28AreNoResponseEvenThoughTwiceTheBaseline() {
        ResponseCourse course = evaluate(List.of(count(28, "28"), count(42, "28"))).carT();

        assertEquals(ResponseStatus.NR, course.bestResponse());
        assertNull(course.firstResponseDate());
        assertNull(course.timeToResponseDays());
        assertEquals(ResponseStatus.NR, course.currentStatus());
        assertDecisions(course, "Response (R or CR) met by no evaluable count",
                "Best response NR: no response confirmed among 2 evaluable counts");
    }

    @Test
    void oneCountOfAtLeast100IsNotACompleteResponse() {
        ResponseCourse course = evaluate(List.of(count(20, "120"), count(29, "90"))).carT();

        assertEquals(ResponseStatus.R, course.bestResponse());
        assertEquals(day(20), course.firstResponseDate());
        assertNull(course.completeResponseDate());
        assertDecisions(course, "CR not confirmed: no two evaluable counts meeting it are more than 7 days apart "
                + "without a count failing it between (the first meeting it: 120 on 2025-02-21)");
    }

    @Test
    void twoCountsOfAtLeast100EightDaysApartAreACompleteResponseFromTheFirst() {
        ResponseCourse course = evaluate(List.of(count(20, "150"), count(28, "160"))).carT();

        assertAll(
                () -> assertEquals(ResponseStatus.CR, course.bestResponse()),
                () -> assertEquals(day(20), course.completeResponseDate()),
                () -> assertEquals(day(20), course.firstResponseDate()),
                () -> assertEquals(20, course.timeToResponseDays()),
                () -> assertEquals(day(28), course.responseConfirmedOn()));
        assertDecisions(course, "CR confirmed by 150 on 2025-02-21 and 160 on 2025-03-01 (8 days apart > 7)",
                "Best response CR: CR confirmed");
    }

    @ParameterizedTest(name = "{0} days apart, strictly more than 7: {1} → {2}")
    @CsvSource({
            "6, true,  NR",
            "7, true,  NR",
            "8, true,  R",
            "6, false, NR",
            "7, false, R",
            "8, false, R",
    })
    void confirmationNeedsTheCountsFarEnoughApart(int daysApart, boolean strictlyMore, ResponseStatus best) {
        IwgSettings settings = settings(7, strictlyMore, Map.of(), 2);

        ResponseCourse course = evaluator.evaluate(BASELINE, DAY0, List.of(count(20, "50"), count(20 + daysApart, "50")),
                List.of(), settings, null).carT();

        assertEquals(best, course.bestResponse());
    }

    @Test
    void atLeastSevenDaysConfirmsAtExactlySeven() {
        ResponseCourse course = evaluator.evaluate(BASELINE, DAY0, List.of(count(20, "50"), count(27, "50")),
                List.of(), settings(7, false, Map.of(), 2), null).carT();

        assertDecisions(course,
                "Response (R or CR) confirmed by 50 on 2025-02-21 and 50 on 2025-02-28 (7 days apart ≥ 7)");
    }

    @Test
    void aFailingCountBetweenBreaksTheConfirmation() {
        ResponseCourse course = evaluate(List.of(count(20, "50"), count(25, "20"), count(35, "50"))).carT();

        assertEquals(ResponseStatus.NR, course.bestResponse());
        assertDecisions(course, "Response (R or CR) not confirmed: no two evaluable counts meeting it are more "
                + "than 7 days apart without a count failing it between (the first meeting it: 50 on 2025-02-21)");
    }

    @Test
    void countsBetweenThatMeetTheLevelKeepTheConfirmationFromTheFirst() {
        ResponseCourse course = evaluate(List.of(count(20, "50"), count(25, "60"), count(35, "50"))).carT();

        assertEquals(day(20), course.firstResponseDate());
        assertEquals(day(35), course.responseConfirmedOn());
        assertDecisions(course, "Response (R or CR) confirmed by 50 on 2025-02-21 and 50 on 2025-03-08 "
                + "(15 days apart > 7, the 1 evaluable count between also meeting it)");
    }

    @Test
    void aResponseCountBetweenBreaksTheCompleteResponseButNotTheResponse() {
        ResponseCourse course = evaluate(List.of(count(20, "150"), count(25, "90"), count(35, "150"))).carT();

        assertEquals(ResponseStatus.R, course.bestResponse());
        assertEquals(day(20), course.firstResponseDate());
        assertNull(course.completeResponseDate());
    }

    @Test
    void aCompleteResponseCountMeetsTheResponseLevelBelowTwiceAHighBaseline() {
        // baseline 60: 100 is below 2 × 60 = 120, but a CR outranks an R
        ResponseCourse course = evaluator.evaluate(BigDecimal.valueOf(60), DAY0,
                List.of(count(20, "100"), count(25, "130"), count(35, "100")), List.of(), IwgSettings.defaults(), null)
                .carT();

        assertEquals(ResponseStatus.CR, course.bestResponse());
        assertEquals(day(20), course.firstResponseDate());
    }

    @Test
    void aCountExcludedByARescueWindowDoesNotBreakTheConfirmation() {
        // a platelet transfusion's window is 2 days here: the count of 10 the day after does not count
        IwgSettings settings = settings(7, true, Map.of("PLATELET_TRANSFUSION", 2), 2);
        List<TherapyExposure> transfusion = List.of(rescue("PLATELET_TRANSFUSION", "platelets", 24, null));

        ResponseCourse course = evaluator.evaluate(BASELINE, DAY0,
                List.of(count(20, "50"), count(25, "10"), count(35, "50")), transfusion, settings, null).carT();

        assertEquals(ResponseStatus.R, course.bestResponse());
        assertNull(course.counts().get(1).status());
        assertEquals("within 2 days after platelets (PLATELET_TRANSFUSION) started 2025-02-25 "
                + "(rescue window to 2025-02-27)", course.counts().get(1).exclusion());
    }

    @Test
    void aCountNineDaysAfterIvigDoesNotCount() {
        List<TherapyExposure> ivig = List.of(rescue("IVIG", "IVIG", 59, null));

        ResponseCourse course = evaluator.evaluate(BASELINE, DAY0,
                List.of(count(68, "110"), count(78, "115"), count(98, "20")), ivig, IwgSettings.defaults(), null)
                .carT();

        CountAssessment afterIvig = course.counts().get(0);
        assertAll(
                () -> assertNull(afterIvig.status()),
                () -> assertEquals("within 28 days after IVIG started 2025-04-01 (rescue window to 2025-04-29)",
                        afterIvig.exclusion()),
                () -> assertEquals("Not evaluated: within 28 days after IVIG started 2025-04-01 "
                        + "(rescue window to 2025-04-29)", afterIvig.explanation()),
                // without the IVIG, 110 and 115 would be a CR
                () -> assertEquals(ResponseStatus.NR, course.bestResponse()),
                () -> assertEquals(ResponseStatus.NR, course.currentStatus()));
        assertDecisions(course, "Count 110 on 2025-04-10 (day 68) excluded: within 28 days after IVIG started "
                + "2025-04-01 (rescue window to 2025-04-29)");
    }

    @ParameterizedTest(name = "{0} from day {1} to day {2}: count on day {3} excluded: {4}")
    @CsvSource({
            "IVIG,           30, ,   29, false",
            "IVIG,           30, ,   30, true",
            "IVIG,           30, ,   57, true",
            "IVIG,           30, ,   58, true",
            "IVIG,           30, ,   59, false",
            "IVIG,           30, 34, 62, true",
            "IVIG,           30, 34, 63, false",
            "GLUCOCORTICOID, 30, ,   43, true",
            "GLUCOCORTICOID, 30, ,   44, true",
            "GLUCOCORTICOID, 30, ,   45, false",
            "IVIG,           -3, ,   25, true",
            "IVIG,           -3, ,   26, false",
    })
    void rescueWindowRunsFromTheStartToTheLastDayPlusTheCategorysWindow(String category, int startDay, Integer endDay,
            int countDay, boolean excluded) {
        // glucocorticoid pulses get 14 days here, everything else the default 28
        IwgSettings settings = settings(7, true, Map.of("GLUCOCORTICOID", 14), 2);

        CountAssessment assessed = evaluator.evaluate(BASELINE, DAY0, List.of(count(countDay, "50")),
                List.of(rescue(category, category.toLowerCase(), startDay, endDay)), settings, null)
                .carT().counts().get(0);

        assertEquals(excluded, !assessed.evaluable());
    }

    @Test
    void overlappingRescueWindowsAreAllNamed() {
        List<TherapyExposure> rescues = List.of(rescue("IVIG", "IVIG", 30, 31),
                rescue("GLUCOCORTICOID", "dexamethasone", 32, null));

        CountAssessment assessed = evaluator.evaluate(BASELINE, DAY0, List.of(count(40, "50")), rescues,
                IwgSettings.defaults(), null).carT().counts().get(0);

        assertEquals("within 28 days after IVIG given 2025-03-03 to 2025-03-04 (rescue window to 2025-04-01); "
                + "within 28 days after dexamethasone (GLUCOCORTICOID) started 2025-03-05 (rescue window to "
                + "2025-04-02)", assessed.exclusion());
    }

    @ParameterizedTest(name = "a count on study day {0} is evaluable: {1}")
    @CsvSource({
            "-1, false",
            "0,  false",
            "1,  true",
    })
    void onlyCountsAfterDay0AreEvaluable(int studyDay, boolean evaluable) {
        CountAssessment assessed = evaluate(List.of(count(studyDay, "50"))).carT().counts().get(0);

        assertEquals(evaluable, assessed.evaluable());
        assertEquals(studyDay, assessed.studyDay());
        if (!evaluable) {
            assertEquals("on or before Day 0 (2025-02-01): only counts after the infusion are evaluated",
                    assessed.exclusion());
        }
    }

    @Test
    void withoutAnEvaluableCountTheResponseIsNotEvaluable() {
        ResponseCourse onlyBaseline = evaluate(List.of(count(-7, "8"), count(0, "9"))).carT();
        ResponseCourse none = evaluate(List.of()).carT();

        for (ResponseCourse course : List.of(onlyBaseline, none)) {
            assertEquals(ResponseStatus.NE, course.bestResponse());
            assertEquals(ResponseStatus.NE, course.currentStatus());
            assertFalse(course.durationCensored());
            assertDecisions(course, "Best response NE: no evaluable count");
        }
        assertDecisions(onlyBaseline, "Count 8 on 2025-01-25 (day -7) excluded: on or before Day 0 (2025-02-01): "
                + "only counts after the infusion are evaluated");
    }

    @Test
    void twoFailingCountsMoreThanOneDayApartLoseTheResponse() {
        ResponseCourse course = evaluate(
                List.of(count(28, "40"), count(42, "45"), count(60, "20"), count(62, "18"), count(70, "25"))).carT();

        assertAll(
                () -> assertEquals(ResponseStatus.R, course.bestResponse()),
                () -> assertEquals(day(60), course.lostResponseOn()),
                () -> assertEquals(32, course.durationOfResponseDays()),
                () -> assertFalse(course.durationCensored()),
                () -> assertEquals(ResponseStatus.NR, course.currentStatus()));
        assertDecisions(course, "Response (R or CR) lost on 2025-04-02: 20 on 2025-04-02 and 18 on 2025-04-04 "
                        + "(2 days apart > 1) both fail it",
                "Duration of response 32 days: from 2025-03-01 to its loss on 2025-04-02");
    }

    @ParameterizedTest(name = "two counts below 30 {0} day(s) apart lose the response: {1}")
    @CsvSource({
            "0, false",
            "1, false",
            "2, true",
    })
    void lossNeedsTheTwoCountsMoreThanOneDayApart(int daysApart, boolean lost) {
        ResponseCourse course = evaluate(
                List.of(count(28, "40"), count(42, "45"), count(60, "20"), count(60 + daysApart, "18"))).carT();

        assertEquals(lost ? day(60) : null, course.lostResponseOn());
        assertEquals(!lost, course.durationCensored());
        assertEquals(lost ? 32 : 32 + daysApart, course.durationOfResponseDays());
    }

    @ParameterizedTest(name = "baseline 20: two counts of {0} with WHO bleeding grade {1} lose the response: {2}")
    @CsvSource({
            "29, 0, true",
            "39, 0, true",
            "40, 0, false",
            "80, 2, true",
            "80, 1, false",
    })
    void lossIsBelow30OrBelowTwiceTheBaselineOrBleeding(String value, int bleedingWhoGrade, boolean lost) {
        ResponseCourse course = evaluator.evaluate(BigDecimal.valueOf(20), DAY0,
                List.of(count(28, "50"), count(42, "50"), count(60, value, bleedingWhoGrade),
                        count(63, value, bleedingWhoGrade)),
                List.of(), IwgSettings.defaults(), null).carT();

        assertEquals(ResponseStatus.R, course.bestResponse());
        assertEquals(lost ? day(60) : null, course.lostResponseOn());
    }

    @Test
    void aSingleLowCountOrLowCountsWithAResponseBetweenAreNoLoss() {
        ResponseCourse single = evaluate(List.of(count(28, "40"), count(42, "45"), count(60, "20"))).carT();
        ResponseCourse interrupted = evaluate(
                List.of(count(28, "40"), count(42, "45"), count(60, "20"), count(61, "40"), count(65, "20"))).carT();

        assertNull(single.lostResponseOn());
        assertTrue(single.durationCensored());
        assertEquals(32, single.durationOfResponseDays());
        assertEquals(ResponseStatus.NR, single.currentStatus());
        assertNull(interrupted.lostResponseOn());
        assertEquals(37, interrupted.durationOfResponseDays());
    }

    @Test
    void lossOfACompleteResponseIsADecisionWhileTheResponseLasts() {
        ResponseCourse course = evaluate(
                List.of(count(20, "150"), count(28, "160"), count(60, "80"), count(62, "70"))).carT();

        assertEquals(ResponseStatus.CR, course.bestResponse());
        assertNull(course.lostResponseOn());
        assertDecisions(course, "CR lost on 2025-04-02: 80 on 2025-04-02 and 70 on 2025-04-04 (2 days apart > 1) "
                + "both fail it");
    }

    /**
     * The reference study's first patient: about 30 after the CAR-T against a baseline of 10, daratumumab in month 9
     * (day 270) and above 200 within a week. One count above 200 cannot confirm anything; a second one 14 days later
     * confirms a CR, which belongs to the daratumumab course, not to the CAR-T.
     */
    @Test
    void referenceStudyFirstPatient() {
        List<PlateletCount> counts = List.of(count(-3, "10"), count(30, "31"), count(60, "34"), count(90, "30"),
                count(150, "32"), count(240, "30"), count(276, "215"), count(290, "230"));
        List<TherapyExposure> daratumumab = List.of(subsequent("daratumumab", 270));

        IwgAssessment withinAWeek = evaluator.evaluate(BigDecimal.TEN, DAY0, counts, daratumumab,
                IwgSettings.defaults(), day(280));
        IwgAssessment twoWeeksLater = evaluator.evaluate(BigDecimal.TEN, DAY0, counts, daratumumab,
                IwgSettings.defaults(), null);

        for (IwgAssessment assessment : List.of(withinAWeek, twoWeeksLater)) {
            ResponseCourse carT = assessment.carT();
            assertAll(
                    () -> assertEquals(day(270), assessment.censoredAt()),
                    () -> assertEquals(ResponseStatus.R, carT.bestResponse()),
                    () -> assertEquals(day(30), carT.firstResponseDate()),
                    () -> assertEquals(30, carT.timeToResponseDays()),
                    () -> assertEquals(day(60), carT.responseConfirmedOn()),
                    () -> assertEquals(210, carT.durationOfResponseDays()),
                    () -> assertTrue(carT.durationCensored()),
                    () -> assertEquals(ResponseStatus.R, carT.currentStatus()),
                    () -> assertEquals("on or after daratumumab (ANTI_CD38) started 2025-10-29: the CAR-T response "
                            + "is censored there", carT.counts().get(6).exclusion()));
            assertDecisions(carT, "CAR-T response censored at daratumumab (ANTI_CD38) started 2025-10-29: counts "
                    + "from then on are reported as the course after subsequent therapy");
        }

        ResponseCourse single = withinAWeek.afterSubsequentTherapy();
        assertAll(
                () -> assertEquals(1, single.counts().size()),
                () -> assertEquals(ResponseStatus.NR, single.bestResponse()),
                () -> assertEquals(ResponseStatus.CR, single.currentStatus()),
                () -> assertNull(single.firstResponseDate()));
        assertDecisions(single, "Response (R or CR) not confirmed: no two evaluable counts meeting it are more than "
                + "7 days apart without a count failing it between (the first meeting it: 215 on 2025-11-04)");

        ResponseCourse confirmed = twoWeeksLater.afterSubsequentTherapy();
        assertAll(
                () -> assertEquals(ResponseStatus.CR, confirmed.bestResponse()),
                () -> assertEquals(day(276), confirmed.firstResponseDate()),
                () -> assertEquals(6, confirmed.timeToResponseDays()),
                () -> assertEquals(day(290), confirmed.responseConfirmedOn()),
                () -> assertEquals(day(276), confirmed.completeResponseDate()));
        assertDecisions(confirmed, "Course after daratumumab (ANTI_CD38) started 2025-10-29, reported separately "
                        + "from the CAR-T response: baseline 10 unchanged, rescue windows still apply, time to "
                        + "response counted from 2025-10-29 instead of Day 0",
                "CR confirmed by 215 on 2025-11-04 and 230 on 2025-11-18 (14 days apart > 7)",
                "Time to response 6 days: from daratumumab (ANTI_CD38) started 2025-10-29 to the first confirming "
                        + "count on 2025-11-04");
    }

    @Test
    void aCountOnTheSubsequentTherapysStartBelongsToTheCourseAfterIt() {
        IwgAssessment assessment = evaluate(List.of(count(269, "30"), count(270, "35")),
                List.of(subsequent("daratumumab", 270)));

        assertTrue(assessment.carT().counts().get(0).evaluable());
        assertFalse(assessment.carT().counts().get(1).evaluable());
        assertEquals(List.of(day(270)),
                assessment.afterSubsequentTherapy().counts().stream().map(CountAssessment::date).toList());
        assertTrue(assessment.afterSubsequentTherapy().counts().get(0).evaluable());
    }

    @Test
    void afterTheSubsequentTherapyRescueWindowsStillApplyAndLaterTherapiesDoNotCensorAgain() {
        List<TherapyExposure> therapies = List.of(subsequent("daratumumab", 270), subsequent("rituximab", 280),
                rescue("IVIG", "IVIG", 285, null));

        IwgAssessment assessment = evaluate(
                List.of(count(276, "50"), count(284, "60"), count(290, "300"), count(320, "55")), therapies);

        ResponseCourse after = assessment.afterSubsequentTherapy();
        assertAll(
                () -> assertEquals(day(270), assessment.censoredAt()),
                () -> assertFalse(after.counts().get(2).evaluable()),
                () -> assertEquals(ResponseStatus.R, after.bestResponse()),
                () -> assertEquals(day(276), after.firstResponseDate()),
                () -> assertEquals(day(284), after.responseConfirmedOn()),
                () -> assertEquals(ResponseStatus.R, after.currentStatus()));
        assertDecisions(after, "rituximab (ANTI_CD20) started 2025-11-08 belongs to the same course: only the first "
                + "subsequent therapy censors");
    }

    @Test
    void onlyCountsAndTherapiesUpToTheCutOffCount() {
        List<PlateletCount> counts = List.of(count(28, "40"), count(42, "45"), count(265, "50"), count(276, "215"));

        IwgAssessment assessment = evaluator.evaluate(BASELINE, DAY0, counts, List.of(subsequent("daratumumab", 270)),
                IwgSettings.defaults(), day(265));

        assertNull(assessment.censoredAt());
        assertNull(assessment.afterSubsequentTherapy());
        assertEquals(3, assessment.carT().counts().size());
        assertEquals(237, assessment.carT().durationOfResponseDays());
    }

    @Test
    void currentStatusIsTheLastEvaluableCounts() {
        ResponseCourse course = evaluate(List.of(count(20, "150"), count(30, "40"), count(40, "120")),
                List.of(rescue("IVIG", "IVIG", 35, null))).carT();

        assertEquals(ResponseStatus.R, course.currentStatus());
        assertDecisions(course, "Current status R: the last evaluable count, 40 on 2025-03-03");
    }

    @Test
    void defaultsAreTheConsensus() {
        IwgSettings defaults = IwgSettings.defaults();

        assertAll(
                () -> assertEquals(BigDecimal.valueOf(100), defaults.completeResponsePer1e9L()),
                () -> assertEquals(BigDecimal.valueOf(30), defaults.responsePer1e9L()),
                () -> assertEquals(BigDecimal.valueOf(2), defaults.responseBaselineMultiple()),
                () -> assertEquals(7, defaults.confirmationDays()),
                () -> assertTrue(defaults.confirmationStrictlyMore()),
                () -> assertEquals(1, defaults.lossDays()),
                () -> assertEquals(28, defaults.rescueWindowDays("IVIG")),
                () -> assertEquals(2, defaults.bleedingWhoGradeThreshold()));
    }

    @Test
    void rejectsProgrammingErrors() {
        IwgSettings settings = IwgSettings.defaults();
        List<PlateletCount> counts = List.of(count(10, "50"));
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(null, DAY0, counts, List.of(), settings, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(BigDecimal.valueOf(-1), DAY0, counts, List.of(), settings, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(BASELINE, null, counts, List.of(), settings, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(BASELINE, DAY0, null, List.of(), settings, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(BASELINE, DAY0, Arrays.asList(count(10, "50"), null), List.of(),
                                settings, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(BASELINE, DAY0, counts, null, settings, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> evaluator.evaluate(BASELINE, DAY0, counts, List.of(), null, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new PlateletCount(DAY0, BigDecimal.valueOf(-1), 0)),
                () -> assertThrows(IllegalArgumentException.class, () -> new PlateletCount(DAY0, BigDecimal.ONE, 5)),
                () -> assertThrows(IllegalArgumentException.class, () -> new PlateletCount(DAY0, BigDecimal.ONE, -1)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new TherapyExposure(TherapyKind.RESCUE, "IVIG", "IVIG", day(5), day(4))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new TherapyExposure(TherapyKind.RESCUE, " ", "IVIG", day(5), null)));
    }

    @ParameterizedTest(name = "settings: CR {0}, R {1}, × {2}, confirmation {3}, loss {4}, window {5}, bleeding {6}")
    @CsvSource({
            "100, 0,   2, 7,  1,  28, 2",
            "20,  30,  2, 7,  1,  28, 2",
            "100, 30,  0, 7,  1,  28, 2",
            "100, 30,  2, -1, 1,  28, 2",
            "100, 30,  2, 7,  -1, 28, 2",
            "100, 30,  2, 7,  1,  -1, 2",
            "100, 30,  2, 7,  1,  28, 0",
            "100, 30,  2, 7,  1,  28, 5",
    })
    void settingsRejectNonsense(BigDecimal complete, BigDecimal response, BigDecimal multiple, int confirmationDays,
            int lossDays, int windowDays, int bleedingThreshold) {
        assertThrows(IllegalArgumentException.class, () -> new IwgSettings(complete, response, multiple,
                confirmationDays, true, lossDays, windowDays, Map.of(), bleedingThreshold));
    }

    @Test
    void settingsRejectANegativeCategoryWindow() {
        assertThrows(IllegalArgumentException.class, () -> settings(7, true, Map.of("IVIG", -1), 2));
    }

    private IwgAssessment evaluate(List<PlateletCount> counts) {
        return evaluate(counts, List.of());
    }

    private IwgAssessment evaluate(List<PlateletCount> counts, List<TherapyExposure> therapies) {
        return evaluator.evaluate(BASELINE, DAY0, counts, therapies, IwgSettings.defaults(), null);
    }

    private static void assertDecisions(ResponseCourse course, String... expected) {
        for (String decision : expected) {
            assertTrue(course.decisions().contains(decision),
                    () -> "missing \"" + decision + "\" in " + course.decisions());
        }
    }

    /** The default settings with another confirmation, other rescue windows or another bleeding threshold. */
    private static IwgSettings settings(int confirmationDays, boolean strictlyMore, Map<String, Integer> windows,
            int bleedingWhoGradeThreshold) {
        IwgSettings defaults = IwgSettings.defaults();
        return new IwgSettings(defaults.completeResponsePer1e9L(), defaults.responsePer1e9L(),
                defaults.responseBaselineMultiple(), confirmationDays, strictlyMore, defaults.lossDays(),
                defaults.defaultRescueWindowDays(), windows, bleedingWhoGradeThreshold);
    }

    private static LocalDate day(int studyDay) {
        return DAY0.plusDays(studyDay);
    }

    /** A count without bleeding. */
    private static PlateletCount count(int studyDay, String valuePer1e9L) {
        return count(studyDay, valuePer1e9L, 0);
    }

    private static PlateletCount count(int studyDay, String valuePer1e9L, Integer bleedingWhoGrade) {
        return new PlateletCount(day(studyDay), new BigDecimal(valuePer1e9L), bleedingWhoGrade);
    }

    private static TherapyExposure rescue(String category, String agent, int startDay, Integer endDay) {
        return new TherapyExposure(TherapyKind.RESCUE, category, agent, day(startDay),
                endDay == null ? null : day(endDay));
    }

    private static TherapyExposure subsequent(String agent, int startDay) {
        String category = agent.equals("daratumumab") ? "ANTI_CD38" : "ANTI_CD20";
        return new TherapyExposure(TherapyKind.SUBSEQUENT, category, agent, day(startDay), null);
    }
}
