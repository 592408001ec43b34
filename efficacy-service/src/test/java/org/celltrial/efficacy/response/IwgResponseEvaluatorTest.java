package org.celltrial.efficacy.response;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * docs/clinical-rules.md, ITP response). Counts are placed by study day from {@link #DAY0}; settings are the
 * reference protocol's ({@link ReferenceProtocol}) unless a test changes one.
 */
class IwgResponseEvaluatorTest {

    private static final LocalDate DAY0 = LocalDate.parse("2025-02-01");
    private static final BigDecimal BASELINE = BigDecimal.valueOf(8);
    private static final IwgSettings REFERENCE = ReferenceProtocol.settings();

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
            // bleeding is WHO grade ≥ 2; not assessed cannot support a response, but a low count still fails
            "150,   8,  1, CR",
            "150,   8,  2, NR",
            "150,   8,  3, NR",
            "50,    8,  1, R",
            "50,    8,  2, NR",
            "150,   8,  ,  ",
            "30,    8,  ,  ",
            "29.9,  8,  ,  NR",
    })
    void classifiesEachCount(BigDecimal value, BigDecimal baseline, Integer bleedingWhoGrade, ResponseStatus status) {
        IwgAssessment assessment = evaluator.evaluate(baseline, DAY0,
                List.of(new PlateletCount(day(10), value, bleedingWhoGrade)), List.of(), REFERENCE, null);

        assertEquals(status, assessment.carT().counts().get(0).status());
    }

    @ParameterizedTest(name = "{0} with baseline {1}, bleeding {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "120 | 8  | 0 | 120 ≥ 100; no bleeding, WHO grade 0 < 2: CR",
            "90  | 8  |   | 90 < 100, ≥ 30, ≥ 2 × baseline 8 = 16; bleeding not assessed: R by the count; "
                    + "bleeding not assessed: cannot support a response",
            "20  | 8  |   | 20 < 100, < 30, ≥ 2 × baseline 8 = 16; bleeding not assessed: NR",
            "28  | 8  | 1 | 28 < 100, < 30, ≥ 2 × baseline 8 = 16; no bleeding, WHO grade 1 < 2: NR",
            "35  | 20 | 0 | 35 < 100, ≥ 30, < 2 × baseline 20 = 40; no bleeding, WHO grade 0 < 2: NR",
            "150 | 8  | 2 | 150 ≥ 100; bleeding, WHO grade 2 ≥ 2: NR",
    })
    void explainsEachCount(BigDecimal value, BigDecimal baseline, Integer bleedingWhoGrade, String explanation) {
        IwgAssessment assessment = evaluator.evaluate(baseline, DAY0,
                List.of(new PlateletCount(day(10), value, bleedingWhoGrade)), List.of(), REFERENCE, null);

        assertEquals(explanation, assessment.carT().counts().get(0).explanation());
    }

    @Test
    void bleedingThresholdIsTheProtocols() {
        IwgSettings gradeThree = ReferenceProtocol.variant().bleedingWhoGradeThreshold(3).build();
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
        IwgSettings settings = ReferenceProtocol.variant().confirmation(7, strictlyMore).build();

        ResponseCourse course = evaluator.evaluate(BASELINE, DAY0, List.of(count(20, "50"), count(20 + daysApart, "50")),
                List.of(), settings, null).carT();

        assertEquals(best, course.bestResponse());
    }

    @Test
    void atLeastSevenDaysConfirmsAtExactlySeven() {
        ResponseCourse course = evaluator.evaluate(BASELINE, DAY0, List.of(count(20, "50"), count(27, "50")),
                List.of(), ReferenceProtocol.variant().confirmation(7, false).build(), null).carT();

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
                List.of(count(20, "100"), count(25, "130"), count(35, "100")), List.of(), REFERENCE, null)
                .carT();

        assertEquals(ResponseStatus.CR, course.bestResponse());
        assertEquals(day(20), course.firstResponseDate());
    }

    // --- Exposure windows exclude support, not failure -------------------------------------------------------------

    @Test
    void aFailingCountWithinAnExposureWindowBreaksTheConfirmation() {
        // a platelet transfusion's window is 2 days here: the count of 10 the day after is supported, and fails
        IwgSettings settings = ReferenceProtocol.variant().window("PLATELET_TRANSFUSION", 2, ExposureTrigger.ANY_DOSE)
                .build();
        List<TherapyExposure> transfusion = List.of(rescue("PLATELET_TRANSFUSION", "platelets", 24, null));

        ResponseCourse course = evaluator.evaluate(BASELINE, DAY0,
                List.of(count(20, "50"), count(25, "10"), count(35, "50")), transfusion, settings, null).carT();

        CountAssessment low = course.counts().get(1);
        assertAll(
                () -> assertEquals(ResponseStatus.NR, course.bestResponse()),
                () -> assertEquals(ResponseStatus.NR, low.status()),
                () -> assertNull(low.exclusion()),
                () -> assertNull(low.cannotSupport()),
                () -> assertEquals(List.of("platelets (PLATELET_TRANSFUSION) exposure window (to 2025-02-27)"),
                        low.exposureWindows()),
                () -> assertEquals("10 < 100, < 30, < 2 × baseline 8 = 16; no bleeding, WHO grade 0 < 2: NR; within "
                        + "the platelets (PLATELET_TRANSFUSION) exposure window (to 2025-02-27): a failing count all "
                        + "the same", low.explanation()));
        assertDecisions(course, "Count 10 on 2025-02-26 (day 25) fails the response within the platelets "
                        + "(PLATELET_TRANSFUSION) exposure window (to 2025-02-27): a failing count all the same",
                "Response (R or CR) not confirmed: no two evaluable counts meeting it are more than 7 days apart "
                        + "without a count failing it between (the first meeting it: 50 on 2025-02-21)");
    }

    @Test
    void aCountMeetingTheLevelWithinAnExposureWindowNeitherSupportsNorBreaks() {
        IwgSettings settings = ReferenceProtocol.variant().window("PLATELET_TRANSFUSION", 2, ExposureTrigger.ANY_DOSE)
                .build();
        List<TherapyExposure> transfusion = List.of(rescue("PLATELET_TRANSFUSION", "platelets", 24, null));

        ResponseCourse course = evaluator.evaluate(BASELINE, DAY0,
                List.of(count(20, "50"), count(25, "60"), count(35, "50")), transfusion, settings, null).carT();

        CountAssessment supported = course.counts().get(1);
        assertAll(
                () -> assertEquals(ResponseStatus.R, course.bestResponse()),
                () -> assertEquals(day(20), course.firstResponseDate()),
                () -> assertEquals(day(35), course.responseConfirmedOn()),
                () -> assertNull(supported.status()),
                () -> assertFalse(supported.supportsResponse()),
                () -> assertEquals("within the platelets (PLATELET_TRANSFUSION) exposure window (to 2025-02-27): "
                        + "cannot support a response", supported.cannotSupport()),
                () -> assertEquals("60 < 100, ≥ 30, ≥ 2 × baseline 8 = 16; no bleeding, WHO grade 0 < 2: R by the "
                        + "count; within the platelets (PLATELET_TRANSFUSION) exposure window (to 2025-02-27): cannot "
                        + "support a response", supported.explanation()));
        assertDecisions(course, "Response (R or CR) confirmed by 50 on 2025-02-21 and 50 on 2025-03-08 (15 days "
                        + "apart > 7, the 1 count between that cannot support a response left aside)",
                "Count 60 on 2025-02-26 (day 25) left aside: within the platelets (PLATELET_TRANSFUSION) exposure "
                        + "window (to 2025-02-27): cannot support a response");
    }

    @Test
    void countsWithinAnExposureWindowCannotConfirmAResponse() {
        List<TherapyExposure> ivig = List.of(rescue("IVIG", "IVIG", 59, null));

        ResponseCourse course = evaluator.evaluate(BASELINE, DAY0,
                List.of(count(68, "110"), count(78, "115"), count(98, "20")), ivig, REFERENCE, null).carT();

        CountAssessment afterIvig = course.counts().get(0);
        assertAll(
                () -> assertNull(afterIvig.status()),
                () -> assertNull(afterIvig.exclusion()),
                () -> assertEquals("within the IVIG exposure window (to 2025-04-29): cannot support a response",
                        afterIvig.cannotSupport()),
                () -> assertEquals("110 ≥ 100; no bleeding, WHO grade 0 < 2: CR by the count; within the IVIG exposure "
                        + "window (to 2025-04-29): cannot support a response", afterIvig.explanation()),
                // without the IVIG, 110 and 115 would be a CR
                () -> assertEquals(ResponseStatus.NR, course.bestResponse()),
                () -> assertEquals(ResponseStatus.NR, course.currentStatus()));
        assertDecisions(course, "Exposure window for IVIG started 2025-04-01 (any dose; IVIG window 28 days after the "
                + "last day): counts from 2025-04-01 to 2025-04-29 cannot support a response, failing counts still "
                + "fail");
    }

    @Test
    void withOnlyCountsWithinAnExposureWindowThatMeetTheLevelTheResponseIsNotEvaluable() {
        ResponseCourse course = evaluate(List.of(count(20, "50"), count(30, "50"), count(40, "50")),
                List.of(rescue("IVIG", "IVIG", 18, null))).carT();

        assertEquals(ResponseStatus.NE, course.bestResponse());
        assertEquals(ResponseStatus.NE, course.currentStatus());
    }

    @Test
    void failingCountsWithinAnExposureWindowLoseTheResponse() {
        ResponseCourse course = evaluate(List.of(count(28, "40"), count(42, "45"), count(60, "20"), count(62, "18")),
                List.of(rescue("IVIG", "IVIG", 59, null))).carT();

        assertAll(
                () -> assertEquals(ResponseStatus.R, course.bestResponse()),
                () -> assertEquals(day(60), course.lostResponseOn()),
                () -> assertEquals(ResponseStatus.NR, course.currentStatus()));
        assertDecisions(course, "Response (R or CR) lost on 2025-04-02: 20 on 2025-04-02 and 18 on 2025-04-04 "
                + "(2 days apart > 1) both fail it");
    }

    @Test
    void aFailingCountWithinAnExposureWindowSetsTheCurrentStatusAndOneMeetingTheLevelDoesNot() {
        ResponseCourse course = evaluate(List.of(count(20, "150"), count(28, "160"), count(40, "20"), count(45, "150")),
                List.of(rescue("IVIG", "IVIG", 35, null))).carT();

        assertAll(
                () -> assertEquals(ResponseStatus.CR, course.bestResponse()),
                () -> assertNull(course.lostResponseOn()),
                () -> assertEquals(ResponseStatus.NR, course.currentStatus()),
                // censored at the failing count on day 40: the count on day 45 cannot support the response
                () -> assertEquals(20, course.durationOfResponseDays()));
        assertDecisions(course, "Current status NR: the last evaluable count, 20 on 2025-03-13");
    }

    @Test
    void aCountBelow100WithinAnExposureWindowBreaksTheCompleteResponseButNotTheResponse() {
        // the IVIG window runs to day 52: 90 on day 25 cannot support R, but is below CR all the same
        ResponseCourse course = evaluate(List.of(count(20, "150"), count(25, "90"), count(60, "150")),
                List.of(rescue("IVIG", "IVIG", 24, null))).carT();

        assertAll(
                () -> assertEquals(ResponseStatus.R, course.bestResponse()),
                () -> assertEquals(day(20), course.firstResponseDate()),
                () -> assertEquals(day(60), course.responseConfirmedOn()),
                () -> assertNull(course.completeResponseDate()),
                () -> assertEquals(ResponseStatus.CR, course.currentStatus()));
    }

    @Test
    void countsBelow100WithinAnExposureWindowLoseTheCompleteResponseAndMakeTheCurrentStatusR() {
        ResponseCourse course = evaluate(
                List.of(count(20, "150"), count(28, "160"), count(55, "90"), count(58, "80")),
                List.of(rescue("IVIG", "IVIG", 50, null))).carT();

        assertAll(
                () -> assertEquals(ResponseStatus.CR, course.bestResponse()),
                () -> assertNull(course.lostResponseOn()),
                () -> assertEquals(ResponseStatus.R, course.currentStatus()),
                () -> assertEquals(8, course.durationOfResponseDays()));
        assertDecisions(course, "CR lost on 2025-03-28: 90 on 2025-03-28 and 80 on 2025-03-31 (3 days apart > 1) both "
                        + "fail it",
                "Current status R: the last evaluable count, 160 on 2025-03-01, is CR, but 80 on 2025-03-31 after it "
                        + "is below CR and cannot support a response");
    }

    @ParameterizedTest(name = "{0} from day {1} to day {2}: count on day {3} within its window: {4}")
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
    void exposureWindowRunsFromTheStartToTheLastDayPlusTheCategorysWindow(String category, int startDay,
            Integer endDay, int countDay, boolean within) {
        // glucocorticoid pulses (dose not recorded: taken as above the baseline) get 14 days here, IVIG 28
        IwgSettings settings = ReferenceProtocol.variant()
                .window("GLUCOCORTICOID", 14, ExposureTrigger.ABOVE_BASELINE_DOSE).build();

        CountAssessment assessed = evaluator.evaluate(BASELINE, DAY0, List.of(count(countDay, "50")),
                List.of(rescue(category, category.toLowerCase(), startDay, endDay)), settings, null)
                .carT().counts().get(0);

        assertEquals(within, !assessed.evaluable());
        assertEquals(within, !assessed.exposureWindows().isEmpty());
        assertNull(assessed.exclusion());
    }

    @Test
    void overlappingExposureWindowsAreAllNamed() {
        List<TherapyExposure> rescues = List.of(rescue("IVIG", "IVIG", 30, 31),
                rescue("GLUCOCORTICOID", "dexamethasone", 32, null));

        CountAssessment assessed = evaluator.evaluate(BASELINE, DAY0, List.of(count(40, "50")), rescues,
                REFERENCE, null).carT().counts().get(0);

        assertEquals("within the IVIG exposure window (to 2025-04-01) and the dexamethasone (GLUCOCORTICOID) exposure "
                + "window (to 2025-04-02; dose not comparable with the stable baseline dose, taken as above it): "
                + "cannot support a response", assessed.cannotSupport());
    }

    // --- Needing rescue after a response: a loss-of-response signal ----------------------------------------------

    @ParameterizedTest(name = "rescue on day {0}, first response on day 28: signal {1}")
    @CsvSource({
            "27, false",
            "28, true",
            "29, true",
            "90, true",
    })
    void aRescueOnOrAfterTheFirstResponseDateIsALossOfResponseSignal(int rescueDay, boolean signal) {
        // tranexamic acid opens no exposure window: the counts still confirm the response
        List<TherapyExposure> rescue = List.of(rescue("ANTIFIBRINOLYTIC", "tranexamic acid", rescueDay, null));

        ResponseCourse course = evaluate(List.of(count(28, "40"), count(42, "45"), count(100, "50")), rescue).carT();

        assertEquals(ResponseStatus.R, course.bestResponse());
        assertEquals(day(28), course.firstResponseDate());
        assertNull(course.lostResponseOn(), "a rescue does not date a loss");
        assertTrue(course.durationCensored());
        if (signal) {
            RescueAfterResponse after = course.rescueAfterResponse();
            assertAll(
                    () -> assertEquals(day(rescueDay), after.start()),
                    () -> assertEquals(rescueDay, after.studyDay()),
                    () -> assertEquals("tranexamic acid", after.agent()),
                    () -> assertEquals("ANTIFIBRINOLYTIC", after.category()));
        } else {
            assertNull(course.rescueAfterResponse());
        }
        assertDecisions(course, "No exposure window for rescue tranexamic acid (ANTIFIBRINOLYTIC) started "
                + day(rescueDay) + ": ANTIFIBRINOLYTIC is not in the protocol's table of exposure windows");
    }

    @Test
    void theFirstRescueAfterTheResponseIsReportedAndEachIsADecision() {
        List<TherapyExposure> rescues = List.of(rescue("IVIG", "IVIG", 59, 60),
                rescue("PLATELET_TRANSFUSION", "platelets", 120, null));

        ResponseCourse course = evaluate(List.of(count(28, "40"), count(42, "45"), count(150, "50")), rescues).carT();

        assertEquals(day(59), course.rescueAfterResponse().start());
        assertEquals("Rescue with IVIG started 2025-04-01 (day 59) after the response from 2025-03-01: a "
                + "loss-of-response signal", course.rescueAfterResponse().explanation());
        assertDecisions(course, "Rescue after the response: IVIG given 2025-04-01 to 2025-04-02 (day 59), on or after "
                        + "the first response date 2025-03-01: a loss-of-response signal; a loss is dated by two "
                        + "failing counts only",
                "Rescue after the response: platelets (PLATELET_TRANSFUSION) started 2025-06-01 (day 120), on or "
                        + "after the first response date 2025-03-01: a loss-of-response signal; a loss is dated by "
                        + "two failing counts only");
    }

    @Test
    void aConcomitantTherapyOrARescueWithoutAResponseIsNoSignal() {
        ResponseCourse concomitant = evaluate(List.of(count(28, "40"), count(42, "45"), count(150, "50")),
                List.of(therapy(TherapyKind.CONCOMITANT, "IVIG", "IVIG", 60, null, null, null))).carT();
        ResponseCourse noResponse = evaluate(List.of(count(28, "20"), count(42, "25")),
                List.of(rescue("IVIG", "IVIG", 30, null))).carT();

        assertEquals(ResponseStatus.R, concomitant.bestResponse());
        assertNull(concomitant.rescueAfterResponse());
        assertEquals(ResponseStatus.NR, noResponse.bestResponse());
        assertNull(noResponse.rescueAfterResponse());
    }

    @Test
    void aRescueAfterTheSubsequentTherapyBelongsToTheCourseAfterIt() {
        IwgAssessment assessment = evaluate(
                List.of(count(28, "40"), count(42, "45"), count(276, "50"), count(290, "60"), count(330, "70")),
                List.of(subsequent("daratumumab", 270), rescue("ANTIFIBRINOLYTIC", "tranexamic acid", 300, null)));

        assertNull(assessment.carT().rescueAfterResponse());
        assertEquals(day(300), assessment.afterSubsequentTherapy().rescueAfterResponse().start());
    }

    // --- Exposure windows by category, whatever the kind ---------------------------------------------------------

    @ParameterizedTest(name = "{1} {0} on day 5: the count on day 10 within a window: {2}")
    @CsvSource({
            "IVIG,                 RESCUE,      true",
            "IVIG,                 CONCOMITANT, true",
            "ANTI_D,               RESCUE,      true",
            "ANTI_D,               CONCOMITANT, true",
            "PLATELET_TRANSFUSION, RESCUE,      true",
            "PLATELET_TRANSFUSION, CONCOMITANT, true",
            "ANTIFIBRINOLYTIC,     RESCUE,      false",
            "OTHER,                CONCOMITANT, false",
            "RITUXIMAB,            RESCUE,      false",
    })
    void exposureWindowsFollowTheCategoryWhateverTheKind(String category, TherapyKind kind, boolean within) {
        ResponseCourse course = evaluate(List.of(count(10, "50")),
                List.of(therapy(kind, category, category.toLowerCase(), 5, null, null, null))).carT();

        assertEquals(within, course.counts().get(0).cannotSupport() != null);
        assertEquals(within ? ResponseStatus.NE : ResponseStatus.NR, course.bestResponse());
    }

    @Test
    void aSubsequentTherapyCensorsAndOpensNoWindow() {
        IwgAssessment assessment = evaluate(List.of(count(10, "50"), count(20, "50")),
                List.of(therapy(TherapyKind.SUBSEQUENT, "IVIG", "IVIG", 5, null, null, null)));

        assertEquals(day(5), assessment.censoredAt());
        assertEquals(ResponseStatus.R, assessment.afterSubsequentTherapy().bestResponse());
    }

    @Test
    void aPlateletTransfusionWindowCanBeShorter() {
        IwgSettings sevenDays = ReferenceProtocol.variant().window("PLATELET_TRANSFUSION", 7, ExposureTrigger.ANY_DOSE)
                .build();
        List<TherapyExposure> transfusion = List.of(rescue("PLATELET_TRANSFUSION", "platelets", 10, null));

        List<CountAssessment> counts = evaluator.evaluate(BASELINE, DAY0,
                List.of(count(16, "50"), count(17, "50"), count(18, "50")), transfusion, sevenDays, null)
                .carT().counts();

        assertEquals(List.of(false, false, true), counts.stream().map(CountAssessment::evaluable).toList());
    }

    @ParameterizedTest(name = "prednisone 10 mg before Day 0, then {0} {1} on day 5: window {2}")
    @CsvSource({
            "9.9,  mg,    false",
            "10,   mg,    false",
            "10.0, mg,    false",
            "10.1, mg,    true",
            "40,   mg,    true",
            "40,   ,      true",
            ",     ,      true",
            "1,    mg/kg, true",
    })
    void aGlucocorticoidOpensAWindowOnlyAboveTheStableBaselineDose(BigDecimal dose, String unit, boolean within) {
        // the baseline prednisone itself, ongoing since day -10, opens none: the count on day 10 would be in it
        List<TherapyExposure> therapies = List.of(
                therapy(TherapyKind.CONCOMITANT, "GLUCOCORTICOID", "prednisone", -10, null, new BigDecimal("10"), "mg"),
                therapy(TherapyKind.RESCUE, "GLUCOCORTICOID", "prednisolone", 5, null, dose, unit));

        ResponseCourse course = evaluate(List.of(count(10, "50")), therapies).carT();

        assertEquals(within, course.counts().get(0).cannotSupport() != null, () -> course.decisions().toString());
        assertDecisions(course, "No exposure window for prednisone (GLUCOCORTICOID) started 2025-01-22, 10 mg: the "
                + "stable baseline dose of GLUCOCORTICOID before Day 0 (2025-02-01)");
    }

    @Test
    void aGlucocorticoidDoseThatCannotBeComparedOpensAWindowAndSaysSo() {
        List<TherapyExposure> therapies = List.of(
                therapy(TherapyKind.CONCOMITANT, "GLUCOCORTICOID", "prednisone", -10, null, new BigDecimal("10"), "mg"),
                therapy(TherapyKind.RESCUE, "GLUCOCORTICOID", "prednisolone", 5, null, new BigDecimal("40"), null));

        ResponseCourse course = evaluate(List.of(count(10, "50")), therapies).carT();

        assertEquals(List.of("prednisolone (GLUCOCORTICOID) exposure window (to 2025-03-06; dose not comparable with "
                + "the stable baseline dose, taken as above it)"), course.counts().get(0).exposureWindows());
        assertDecisions(course, "Exposure window for prednisolone (GLUCOCORTICOID) started 2025-02-06 (dose 40 "
                + "without a unit cannot be compared with the stable baseline dose 10 mg (prednisone started "
                + "2025-01-22): taken as above it; GLUCOCORTICOID window 28 days after the last day): counts from "
                + "2025-02-06 to 2025-03-06 cannot support a response, failing counts still fail");
    }

    @ParameterizedTest(name = "{0}: dexamethasone {1} mg on day 25 opens a window: {2}")
    @CsvSource({
            "no glucocorticoid before Day 0,       5, true",
            "no glucocorticoid before Day 0,       0, false",
            "prednisone stopped before Day 0,      5, true",
            "a rescue pulse before Day 0,          5, true",
            "prednisone 10 mg ongoing on Day 0,    5, false",
            "prednisone 10 mg ending on Day 0,     5, false",
    })
    void theStableBaselineDoseIsTheConcomitantDoseStillGivenOnDay0(String before, BigDecimal dose, boolean within) {
        List<TherapyExposure> therapies = new java.util.ArrayList<>();
        switch (before) {
            case "prednisone stopped before Day 0" -> therapies.add(therapy(TherapyKind.CONCOMITANT,
                    "GLUCOCORTICOID", "prednisone", -60, -1, new BigDecimal("10"), "mg"));
            case "a rescue pulse before Day 0" -> therapies.add(therapy(TherapyKind.RESCUE, "GLUCOCORTICOID",
                    "dexamethasone", -5, null, new BigDecimal("40"), "mg"));
            case "prednisone 10 mg ongoing on Day 0" -> therapies.add(therapy(TherapyKind.CONCOMITANT,
                    "GLUCOCORTICOID", "prednisone", -60, null, new BigDecimal("10"), "mg"));
            case "prednisone 10 mg ending on Day 0" -> therapies.add(therapy(TherapyKind.CONCOMITANT,
                    "GLUCOCORTICOID", "prednisone", -60, 0, new BigDecimal("10"), "mg"));
            default -> {
            }
        }
        therapies.add(therapy(TherapyKind.CONCOMITANT, "GLUCOCORTICOID", "dexamethasone", 25, null, dose, "mg"));

        ResponseCourse course = evaluate(List.of(count(30, "50")), therapies).carT();

        assertEquals(within, course.counts().get(0).cannotSupport() != null, () -> course.decisions().toString());
    }

    @ParameterizedTest(name = "eltrombopag {0} before Day 0, {1} mg from day {2}: window {3}")
    @CsvSource({
            "50,  50,  5, false",
            "50,  25,  5, false",
            "50,  75,  5, true",
            "50,  ,    5, true",
            ",    50,  5, true",
            ",    50,  0, true",
    })
    void aTpoReceptorAgonistOpensAWindowWhenStartedOrIncreasedAfterDay0(BigDecimal before, BigDecimal dose,
            int startDay, boolean within) {
        List<TherapyExposure> therapies = new java.util.ArrayList<>();
        if (before != null) {
            therapies.add(therapy(TherapyKind.CONCOMITANT, "TPO_RA", "eltrombopag", -30, null, before, "mg"));
        }
        therapies.add(therapy(TherapyKind.CONCOMITANT, "TPO_RA", "eltrombopag", startDay, null, dose,
                dose == null ? null : "mg"));

        ResponseCourse course = evaluate(List.of(count(10, "50")), therapies).carT();

        assertEquals(within, course.counts().get(0).cannotSupport() != null, () -> course.decisions().toString());
    }

    @Test
    void aTpoReceptorAgonistGivenSinceBeforeDay0OpensNoWindow() {
        // given from day -30 to day 20: a window on any dose would cover day 10
        ResponseCourse course = evaluate(List.of(count(10, "50")), List.of(
                therapy(TherapyKind.CONCOMITANT, "TPO_RA", "romiplostim", -30, 20, new BigDecimal("3"), "ug/kg")))
                .carT();

        assertEquals(ResponseStatus.R, course.counts().get(0).status());
        assertDecisions(course, "No exposure window for romiplostim (TPO_RA) given 2025-01-02 to 2025-02-21, 3 ug/kg: "
                + "the stable baseline dose of TPO_RA before Day 0 (2025-02-01)");
    }

    // --- Bleeding must be assessed -------------------------------------------------------------------------------

    @Test
    void aCountWithoutABleedingAssessmentCannotConfirmAResponse() {
        ResponseCourse twoCounts = evaluate(List.of(count(20, "50", null), count(30, "50"))).carT();
        ResponseCourse threeCounts = evaluate(List.of(count(20, "50", null), count(30, "50"), count(40, "50")))
                .carT();

        assertEquals(ResponseStatus.NR, twoCounts.bestResponse());
        assertEquals("bleeding not assessed: cannot support a response", twoCounts.counts().get(0).cannotSupport());
        assertFalse(twoCounts.unassessedBleedingAccepted());
        assertEquals(ResponseStatus.R, threeCounts.bestResponse());
        assertEquals(day(30), threeCounts.firstResponseDate());
    }

    @Test
    void aCountWithoutABleedingAssessmentNeitherBreaksAConfirmationUnlessItsValueFails() {
        ResponseCourse meeting = evaluate(List.of(count(20, "50"), count(25, "50", null), count(30, "50"))).carT();
        ResponseCourse failing = evaluate(List.of(count(20, "50"), count(25, "20", null), count(30, "50"))).carT();

        assertEquals(ResponseStatus.R, meeting.bestResponse());
        assertEquals(day(20), meeting.firstResponseDate());
        assertEquals(ResponseStatus.NR, failing.bestResponse());
        assertEquals(ResponseStatus.NR, failing.counts().get(1).status());
    }

    @Test
    void theProtocolCanAcceptCountsWithoutABleedingAssessmentAndTheResultSaysSo() {
        IwgSettings accepting = ReferenceProtocol.variant().acceptUnassessedBleeding().build();

        ResponseCourse course = evaluator.evaluate(BASELINE, DAY0, List.of(count(20, "50", null), count(30, "50")),
                List.of(), accepting, null).carT();

        assertAll(
                () -> assertEquals(ResponseStatus.R, course.bestResponse()),
                () -> assertTrue(course.unassessedBleedingAccepted()),
                () -> assertEquals(ResponseStatus.R, course.counts().get(0).status()),
                () -> assertEquals("50 < 100, ≥ 30, ≥ 2 × baseline 8 = 16; bleeding not assessed, accepted as no "
                        + "bleeding by the protocol: R", course.counts().get(0).explanation()));
        assertDecisions(course, "Count 50 on 2025-02-21 (day 20): bleeding not assessed, accepted as no bleeding by "
                        + "the protocol",
                "Counts without a bleeding assessment were taken as without bleeding, as the protocol accepts "
                        + "(acceptUnassessedBleeding)");
    }

    @Test
    void acceptingUnassessedBleedingIsOnlyReportedWhenACountUsedIt() {
        IwgSettings accepting = ReferenceProtocol.variant().acceptUnassessedBleeding().build();

        ResponseCourse assessed = evaluator.evaluate(BASELINE, DAY0, List.of(count(20, "50"), count(30, "50")),
                List.of(), accepting, null).carT();
        ResponseCourse lowCount = evaluator.evaluate(BASELINE, DAY0, List.of(count(20, "20", null)),
                List.of(), accepting, null).carT();

        assertFalse(assessed.unassessedBleedingAccepted());
        assertFalse(lowCount.unassessedBleedingAccepted());
        assertEquals(ResponseStatus.NR, lowCount.bestResponse());
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
                List.of(), REFERENCE, null).carT();

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
                REFERENCE, day(280));
        IwgAssessment twoWeeksLater = evaluator.evaluate(BigDecimal.TEN, DAY0, counts, daratumumab,
                REFERENCE, null);

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
                        + "from the CAR-T response: baseline 10 unchanged, exposure windows still apply, time to "
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
    void afterTheSubsequentTherapyExposureWindowsStillApplyAndLaterTherapiesDoNotCensorAgain() {
        List<TherapyExposure> therapies = List.of(subsequent("daratumumab", 270), subsequent("rituximab", 280),
                rescue("IVIG", "IVIG", 285, null));

        IwgAssessment assessment = evaluate(
                List.of(count(276, "50"), count(284, "60"), count(290, "300"), count(320, "55")), therapies);

        ResponseCourse after = assessment.afterSubsequentTherapy();
        assertAll(
                () -> assertEquals(day(270), assessment.censoredAt()),
                () -> assertFalse(after.counts().get(2).evaluable()),
                () -> assertEquals("within the IVIG exposure window (to 2025-12-11): cannot support a response",
                        after.counts().get(2).cannotSupport()),
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
                REFERENCE, day(265));

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

    // --- Settings, version, bad input ------------------------------------------------------------------------------

    @Test
    void theReferenceProtocolIsTheConsensus() {
        assertAll(
                () -> assertEquals(BigDecimal.valueOf(100), REFERENCE.completeResponsePer1e9L()),
                () -> assertEquals(BigDecimal.valueOf(30), REFERENCE.responsePer1e9L()),
                () -> assertEquals(BigDecimal.valueOf(2), REFERENCE.responseBaselineMultiple()),
                () -> assertEquals(7, REFERENCE.confirmationDays()),
                () -> assertTrue(REFERENCE.confirmationStrictlyMore()),
                () -> assertEquals(1, REFERENCE.lossDays()),
                () -> assertEquals(new ExposureRule(28, ExposureTrigger.ANY_DOSE), REFERENCE.exposureRule("IVIG")
                        .orElseThrow()),
                () -> assertTrue(REFERENCE.exposureRule("ANTIFIBRINOLYTIC").isEmpty()),
                () -> assertEquals(2, REFERENCE.bleedingWhoGradeThreshold()),
                () -> assertFalse(REFERENCE.acceptUnassessedBleeding()));
    }

    @Test
    void theEngineSaysItsVersion() {
        assertEquals("IwgResponseEvaluator 2.0 (IWG 2009; 2019 consensus)", IwgResponseEvaluator.VERSION);
    }

    @ParameterizedTest(name = "trigger \"{0}\" → {1}")
    @CsvSource({
            "ANY_DOSE,                        ANY_DOSE",
            "ABOVE_BASELINE_DOSE,             ABOVE_BASELINE_DOSE",
            "' STARTED_OR_INCREASED_AFTER_DAY0 ', STARTED_OR_INCREASED_AFTER_DAY0",
    })
    void triggersAreReadByName(String name, ExposureTrigger trigger) {
        assertEquals(trigger, ExposureTrigger.parse(name));
    }

    @Test
    void rejectsProgrammingErrors() {
        IwgSettings settings = REFERENCE;
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
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new TherapyExposure(TherapyKind.RESCUE, "IVIG", "IVIG", day(5), day(4))),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new TherapyExposure(TherapyKind.RESCUE, " ", "IVIG", day(5), null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new TherapyExposure(null, "IVIG", "IVIG", day(5), null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new TherapyExposure(TherapyKind.CONCOMITANT, "GLUCOCORTICOID", "prednisone", day(5),
                                null, new BigDecimal("-1"), "mg")));
    }

    @ParameterizedTest(name = "WHO bleeding grade {0} refused")
    @CsvSource({"-1", "5", "9"})
    void refusesABleedingGradeOutside0To4(int grade) {
        assertThrows(IllegalArgumentException.class, () -> new PlateletCount(DAY0, BigDecimal.ONE, grade));
        assertThrows(IllegalArgumentException.class, () -> REFERENCE.isBleeding(grade));
    }

    @ParameterizedTest(name = "WHO bleeding grade {0} accepted")
    @CsvSource({"0", "4"})
    void acceptsABleedingGradeFrom0To4(int grade) {
        assertEquals(grade >= 2, REFERENCE.isBleeding(grade));
        assertEquals(grade, new PlateletCount(DAY0, BigDecimal.ONE, grade).bleedingWhoGrade());
    }

    @ParameterizedTest(name = "window of {0} days refused: {1}")
    @CsvSource({
            "-28, true",
            "-1,  true",
            "0,   false",
            "1,   false",
    })
    void refusesANegativeWindow(int days, boolean refused) {
        if (refused) {
            assertThrows(IllegalArgumentException.class, () -> new ExposureRule(days, ExposureTrigger.ANY_DOSE));
            assertThrows(IllegalArgumentException.class, () -> ExposureRule.of(days, "ANY_DOSE"));
        } else {
            assertEquals(days, new ExposureRule(days, ExposureTrigger.ANY_DOSE).windowDays());
        }
    }

    @ParameterizedTest(name = "trigger \"{0}\" refused")
    @CsvSource(nullValues = "NULL", value = {"NULL", "''", "SOMETIMES", "any_dose", "ABOVE_BASELINE"})
    void refusesAnUnknownTrigger(String trigger) {
        assertThrows(IllegalArgumentException.class, () -> ExposureTrigger.parse(trigger));
        assertThrows(IllegalArgumentException.class, () -> ExposureRule.of(28, trigger));
    }

    @Test
    void refusesAnExposureRuleWithoutATriggerAndATableWithABlankCategory() {
        Map<String, ExposureRule> blank = Map.of(" ", new ExposureRule(28, ExposureTrigger.ANY_DOSE));
        assertThrows(IllegalArgumentException.class, () -> new ExposureRule(28, null));
        assertThrows(IllegalArgumentException.class, () -> new IwgSettings(BigDecimal.valueOf(100),
                BigDecimal.valueOf(30), BigDecimal.valueOf(2), 7, true, 1, blank, 2, false));
        assertThrows(IllegalArgumentException.class, () -> new IwgSettings(BigDecimal.valueOf(100),
                BigDecimal.valueOf(30), BigDecimal.valueOf(2), 7, true, 1, null, 2, false));
    }

    @ParameterizedTest(name = "settings: CR {0}, R {1}, × {2}, confirmation {3}, loss {4}, bleeding {5}")
    @CsvSource({
            "100, 0,   2, 7,  1,  2",
            "20,  30,  2, 7,  1,  2",
            "100, 30,  0, 7,  1,  2",
            "100, 30,  2, -1, 1,  2",
            "100, 30,  2, 7,  -1, 2",
            "100, 30,  2, 7,  1,  0",
            "100, 30,  2, 7,  1,  5",
    })
    void settingsRejectNonsense(BigDecimal complete, BigDecimal response, BigDecimal multiple, int confirmationDays,
            int lossDays, int bleedingThreshold) {
        assertThrows(IllegalArgumentException.class, () -> new IwgSettings(complete, response, multiple,
                confirmationDays, true, lossDays, ReferenceProtocol.EXPOSURE_WINDOWS, bleedingThreshold, false));
    }

    private IwgAssessment evaluate(List<PlateletCount> counts) {
        return evaluate(counts, List.of());
    }

    private IwgAssessment evaluate(List<PlateletCount> counts, List<TherapyExposure> therapies) {
        return evaluator.evaluate(BASELINE, DAY0, counts, therapies, REFERENCE, null);
    }

    private static void assertDecisions(ResponseCourse course, String... expected) {
        for (String decision : expected) {
            assertTrue(course.decisions().contains(decision),
                    () -> "missing \"" + decision + "\" in " + course.decisions());
        }
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

    /** A rescue without a recorded dose. */
    private static TherapyExposure rescue(String category, String agent, int startDay, Integer endDay) {
        return therapy(TherapyKind.RESCUE, category, agent, startDay, endDay, null, null);
    }

    private static TherapyExposure therapy(TherapyKind kind, String category, String agent, int startDay,
            Integer endDay, BigDecimal dose, String unit) {
        return new TherapyExposure(kind, category, agent, day(startDay), endDay == null ? null : day(endDay), dose,
                unit);
    }

    private static TherapyExposure subsequent(String agent, int startDay) {
        String category = agent.equals("daratumumab") ? "ANTI_CD38" : "ANTI_CD20";
        return new TherapyExposure(TherapyKind.SUBSEQUENT, category, agent, day(startDay), null);
    }
}
