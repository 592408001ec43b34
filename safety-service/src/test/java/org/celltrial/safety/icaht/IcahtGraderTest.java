package org.celltrial.safety.icaht;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EHA/EBMT neutrophil ICAHT (Rejeski K et al., Blood 2023;142:865-877) and T-ICAHT from platelets (Rejeski K et al.,
 * Blood 2025); docs/clinical-rules.md, "Hematotoxicity".
 */
class IcahtGraderTest {

    private static final LocalDate DAY_0 = LocalDate.parse("2025-03-02");
    private static final CountingStop NO_STOP = null;

    private final IcahtGrader grader = new IcahtGrader();

    @Test
    void workedCaseFifteenDaysAtOrBelowHalfIsGradeThree() {
        IcahtGrade graded = grader.early(samples("0=0.3 15=1.2 31=1.5"), DAY_0, NO_STOP);

        assertAll(
                () -> assertEquals(3, graded.grade()),
                () -> assertEquals(IcahtGrade.EARLY, graded.kind()),
                () -> assertEquals(15, graded.daysAtOrBelowSevereThreshold()),
                () -> assertEquals(0, graded.daysAtOrBelowProfoundThreshold()),
                () -> assertEquals("EHA/EBMT early ICAHT grade 3: ANC ≤ 0.5 ×10⁹/L for 14–29 days", graded.rule()),
                () -> assertEquals("15 days with ANC ≤ 0.5 ×10⁹/L and 0 days with ANC ≤ 0.1 ×10⁹/L in days 0–30 "
                        + "(each sample held until the next; recoveries shorter than 3 days counted); samples cover "
                        + "days 0–30, from 2 samples in days 0–30", graded.explanation()),
                () -> assertNull(graded.carriedForward()),
                () -> assertNull(graded.stop()));
    }

    /** Samples "studyDay=ANC"; the day counts at or below 0.5 and 0.1 ×10⁹/L, and the grade. */
    @ParameterizedTest(name = "[{0}] → {1} days ≤ 0.5, {2} days ≤ 0.1 → grade {3}")
    @CsvSource({
            // Days at or below 0.5 at each band's edges: 0 | 1 6 | 7 13 | 14 29 | 30 31.
            "0=1.0 40=1.0,              0,  0, 0",
            "0=0.4 1=1.0 40=1.0,        1,  0, 1",
            "0=0.4 6=1.0 40=1.0,        6,  0, 1",
            "0=0.4 7=1.0 40=1.0,        7,  0, 2",
            "0=0.4 13=1.0 40=1.0,       13, 0, 2",
            "0=0.4 14=1.0 40=1.0,       14, 0, 3",
            "0=0.4 29=1.0 40=1.0,       29, 0, 3",
            "0=0.4 30=1.0 40=1.0,       30, 0, 4",
            "0=0.4 40=1.0,              31, 0, 4",
            // Days at or below 0.1: 6 | 7 13 | 14.
            "0=0.05 6=1.0 40=1.0,       6,  6, 1",
            "0=0.05 7=1.0 40=1.0,       7,  7, 3",
            "0=0.05 13=1.0 40=1.0,      13, 13, 3",
            "0=0.05 14=1.0 40=1.0,      14, 14, 4",
            // The thresholds are inclusive.
            "0=0.51 10=1.0 40=1.0,      0,  0, 0",
            "0=0.5 10=1.0 40=1.0,       10, 0, 2",
            "0=0.11 10=1.0 40=1.0,      10, 0, 2",
            "0=0.1 10=1.0 40=1.0,       10, 10, 3",
            // A recovery of 1 or 2 days does not interrupt the count; one of 3 days does.
            "0=0.3 5=0.8 6=0.3 11=1.0 40=1.0, 11, 0, 2",
            "0=0.3 5=0.8 7=0.3 12=1.0 40=1.0, 12, 0, 2",
            "0=0.3 5=0.8 8=0.3 13=1.0 40=1.0, 10, 0, 2",
            "0=0.3 5=0.8 7=0.3 14=1.0 40=1.0, 14, 0, 3",
            "0=0.3 5=0.8 8=0.3 14=1.0 40=1.0, 11, 0, 2",
            "0=0.05 5=0.3 7=0.05 12=1.0 40=1.0, 12, 12, 3",
            // The last sample before Day 0 holds into day 0 until the next sample; nothing else is known before it.
            "3=0.3 10=1.0 40=1.0,       7,  0, 2",
            "-2=0.2 3=1.0 40=1.0,       3,  0, 1",
            "-2=0.2 0=0.3 3=1.0 40=1.0, 3,  0, 1",
            "-2=0.2 0=0.6 3=1.0 40=1.0, 0,  0, 0",
            "-5=0.05 -2=0.6 10=0.3 20=1.0 40=1.0, 10, 0, 2",
            // Nothing is known after the last sample, even one from before Day 0.
            "-2=0.2,                    0,  0, 0",
            "0=0.3 10=0.3,              11, 0, 2",
            // A sample after the window bounds the last one in it.
            "25=0.3 35=1.0,             6,  0, 1",
            // Of two samples on one date the lower counts.
            "0=1.0 0=0.4 5=1.0 40=1.0,  5,  0, 1",
            "'',                        0,  0, 0",
    })
    void countsDaysAtOrBelowTheThresholds(String samples, int severeDays, int profoundDays, int grade) {
        IcahtGrade graded = grader.early(samples(samples), DAY_0, NO_STOP);

        assertAll(
                () -> assertEquals(severeDays, graded.daysAtOrBelowSevereThreshold()),
                () -> assertEquals(profoundDays, graded.daysAtOrBelowProfoundThreshold()),
                () -> assertEquals(grade, graded.grade()));
    }

    /** Counting stops on the stop's date: that day and the days after it are not counted. */
    @ParameterizedTest(name = "[{0}] stopped on day {1} → {2} days ≤ 0.5, {3} days ≤ 0.1 → grade {4}")
    @CsvSource({
            // At each band's edges, ANC ≤ 0.5 from day 0 on.
            "0=0.3 40=1.0,  -1, 0,  0,  0, true",
            "0=0.3 40=1.0,  0,  0,  0,  0, true",
            "0=0.3 40=1.0,  1,  1,  0,  1, true",
            "0=0.3 40=1.0,  6,  6,  0,  1, true",
            "0=0.3 40=1.0,  7,  7,  0,  2, true",
            "0=0.3 40=1.0,  13, 13, 0,  2, true",
            "0=0.3 40=1.0,  14, 14, 0,  3, true",
            "0=0.3 40=1.0,  29, 29, 0,  3, true",
            "0=0.3 40=1.0,  30, 30, 0,  4, true",
            "0=0.3 40=1.0,  31, 31, 0,  4, false",
            "0=0.05 40=1.0, 13, 13, 13, 3, true",
            "0=0.05 40=1.0, 14, 14, 14, 4, true",
            // A value still holds up to the stop when the next sample is after it.
            "0=0.3 20=1.0 40=1.0, 10, 10, 0, 2, true",
            // Samples from the stop on are not used.
            "0=1.0 10=0.3 20=1.0 40=1.0, 10, 0, 0, 0, true",
            "0=1.0 10=0.3 20=1.0 40=1.0, 11, 1, 0, 1, true",
    })
    void earlyStopsCountingAtTheStop(String samples, int stopDay, int severeDays, int profoundDays, int grade,
            boolean stoppedInDays0To30) {
        IcahtGrade graded = grader.early(samples(samples), DAY_0, stopOn(stopDay));

        assertAll(
                () -> assertEquals(severeDays, graded.daysAtOrBelowSevereThreshold()),
                () -> assertEquals(profoundDays, graded.daysAtOrBelowProfoundThreshold()),
                () -> assertEquals(grade, graded.grade()),
                () -> assertEquals(stoppedInDays0To30 ? stopOn(stopDay) : null, graded.stop()));
    }

    @Test
    void saysWhereCountingStoppedAndWhy() {
        CountingStop death = new CountingStop(DAY_0.plusDays(12), CountingStop.DEATH);
        IcahtGrade graded = grader.early(samples("0=0.3 40=1.0"), DAY_0, stopOn(12));

        assertEquals("12 days with ANC ≤ 0.5 ×10⁹/L and 0 days with ANC ≤ 0.1 ×10⁹/L in days 0–30 (each sample held "
                + "until the next; recoveries shorter than 3 days counted); samples cover days 0–11, from 1 sample in "
                + "days 0–30; counting stopped on day 12 (2025-03-14): subsequent line of therapy",
                graded.explanation());
        assertEquals(death, grader.early(samples("0=0.3 40=1.0"), DAY_0, death).stop());
    }

    @Test
    void saysWhichSampleWasCarriedIntoDayZero() {
        IcahtGrade graded = grader.early(samples("-20=2.0 -9=0.2 15=1.2 31=1.5"), DAY_0, NO_STOP);

        assertAll(
                () -> assertEquals(3, graded.grade()),
                () -> assertEquals(new CountSample(LocalDate.parse("2025-02-21"), new BigDecimal("0.2")),
                        graded.carriedForward()),
                () -> assertEquals("15 days with ANC ≤ 0.5 ×10⁹/L and 0 days with ANC ≤ 0.1 ×10⁹/L in days 0–30 "
                        + "(each sample held until the next; recoveries shorter than 3 days counted); samples cover "
                        + "days 0–30, from 1 sample in days 0–30; the sample of 2025-02-21 (0.2 ×10⁹/L) carried into "
                        + "day 0", graded.explanation()),
                () -> assertNull(grader.early(samples("-9=0.2 0=0.6 31=1.5"), DAY_0, NO_STOP).carriedForward()),
                () -> assertNull(grader.early(samples("-9=0.2"), DAY_0, NO_STOP).carriedForward()));
    }

    @Test
    void namesEveryCountThatDecides() {
        assertEquals("EHA/EBMT early ICAHT grade 3: ANC ≤ 0.5 ×10⁹/L for 14–29 days and ANC ≤ 0.1 ×10⁹/L for "
                + "7–13 days", grader.early(samples("0=0.05 7=0.3 14=1.0 40=1.0"), DAY_0, NO_STOP).rule());
        assertEquals("EHA/EBMT early ICAHT grade 4: ANC ≤ 0.1 ×10⁹/L for 14 days or more",
                grader.early(samples("0=0.05 14=1.0 40=1.0"), DAY_0, NO_STOP).rule());
        assertEquals("EHA/EBMT early ICAHT grade 0: no day with ANC ≤ 0.5 ×10⁹/L in days 0–30",
                grader.early(samples("0=1.0 40=1.0"), DAY_0, NO_STOP).rule());
    }

    @Test
    void saysWhichDaysAreCovered() {
        assertEquals("3 days with ANC ≤ 0.5 ×10⁹/L and 0 days with ANC ≤ 0.1 ×10⁹/L in days 0–30 (each sample held "
                        + "until the next; recoveries shorter than 3 days counted); samples cover days 2–4, from 2 "
                        + "samples in days 0–30",
                grader.early(samples("2=0.3 4=0.4"), DAY_0, NO_STOP).explanation());
        assertEquals("0 days with ANC ≤ 0.5 ×10⁹/L and 0 days with ANC ≤ 0.1 ×10⁹/L in days 0–30 (each sample held "
                        + "until the next; recoveries shorter than 3 days counted); no sample covers days 0–30, from 0 "
                        + "samples in days 0–30",
                grader.early(List.of(), DAY_0, NO_STOP).explanation());
    }

    @Test
    void takesSamplesInAnyOrder() {
        List<CountSample> reversed = new ArrayList<>(samples("-9=0.2 -20=2.0 0=0.3 15=1.2 31=1.5"));
        Collections.reverse(reversed);

        assertEquals(15, grader.early(reversed, DAY_0, NO_STOP).daysAtOrBelowSevereThreshold());
    }

    /** Platelets "studyDay=count": the days below 50 and 20 ×10⁹/L (strict), and the early T-ICAHT grade. */
    @ParameterizedTest(name = "platelets [{0}] stop {1} → {2} days < 50, {3} days < 20 → grade {4}")
    @CsvSource({
            // The thresholds are strict.
            "0=50 10=80 40=80,     , 0,  0,  0",
            "0=49.9 10=80 40=80,   , 10, 0,  2",
            "0=20 10=80 40=80,     , 10, 0,  2",
            "0=19.9 10=80 40=80,   , 10, 10, 3",
            // Days below 50 at each band's edges: 0 | 1 6 | 7 31; below 50 alone never goes past grade 2.
            "0=80 40=80,           , 0,  0,  0",
            "0=40 1=80 40=80,      , 1,  0,  1",
            "0=40 6=80 40=80,      , 6,  0,  1",
            "0=40 7=80 40=80,      , 7,  0,  2",
            "0=40 40=80,           , 31, 0,  2",
            // Days below 20: 1 13 | 14.
            "0=10 1=80 40=80,      , 1,  1,  3",
            "0=10 13=80 40=80,     , 13, 13, 3",
            "0=10 14=80 40=80,     , 14, 14, 4",
            // A recovery of 1 or 2 days does not interrupt the count; one of 3 days does.
            "0=10 5=30 7=10 12=80 40=80, , 12, 12, 3",
            "0=10 5=30 7=10 14=80 40=80, , 14, 14, 4",
            "0=10 5=30 8=10 14=80 40=80, , 14, 11, 3",
            // The last sample before Day 0 holds into day 0.
            "-3=10 7=80 40=80,     , 7,  7,  3",
            "-3=10 0=80 40=80,     , 0,  0,  0",
            // Counting stops at the stop.
            "0=10 40=80,         0,  0,  0,  0",
            "0=10 40=80,         13, 13, 13, 3",
            "0=10 40=80,         14, 14, 14, 4",
    })
    void gradesEarlyThrombocytopeniaByDaysBelowFiftyAndTwenty(String samples, Integer stopDay, int daysBelow50, int daysBelow20,
            int grade) {
        IcahtGrade graded = grader.thrombocytopeniaEarly(samples(samples), DAY_0, stopOn(stopDay));

        assertAll(
                () -> assertEquals(daysBelow50, graded.daysAtOrBelowSevereThreshold()),
                () -> assertEquals(daysBelow20, graded.daysAtOrBelowProfoundThreshold()),
                () -> assertEquals(grade, graded.grade()),
                () -> assertEquals(IcahtGrade.EARLY, graded.kind()));
    }

    @Test
    void earlyThrombocytopeniaNamesThePublishedRule() {
        assertAll(
                () -> assertEquals("Early T-ICAHT grade 2: platelets < 50 ×10⁹/L for 7 days or more",
                        grader.thrombocytopeniaEarly(samples("0=40 10=80 40=80"), DAY_0, NO_STOP).rule()),
                () -> assertEquals("Early T-ICAHT grade 3: platelets < 20 ×10⁹/L for 1–13 days",
                        grader.thrombocytopeniaEarly(samples("0=10 10=80 40=80"), DAY_0, NO_STOP).rule()),
                () -> assertEquals("Early T-ICAHT grade 4: platelets < 20 ×10⁹/L for 14 days or more",
                        grader.thrombocytopeniaEarly(samples("0=10 14=80 40=80"), DAY_0, NO_STOP).rule()),
                () -> assertEquals("Early T-ICAHT grade 0: no day with platelets < 50 ×10⁹/L in days 0–30",
                        grader.thrombocytopeniaEarly(samples("0=50 40=80"), DAY_0, NO_STOP).rule()),
                () -> assertEquals("10 days with platelets < 50 ×10⁹/L and 10 days with platelets < 20 ×10⁹/L in "
                        + "days 0–30 (each sample held until the next; recoveries shorter than 3 days counted); "
                        + "samples cover days 0–30, from 1 sample in days 0–30; the sample of 2025-02-27 (9 ×10⁹/L) "
                        + "carried into day 0", grader.thrombocytopeniaEarly(samples("-3=9 10=80 40=80"), DAY_0,
                        NO_STOP).explanation()));
    }

    /** Two consecutive samples after day 30 at the value: the late bands' edges. */
    @ParameterizedTest(name = "late, confirmed ANC {0} → grade {1}")
    @CsvSource({
            "1.51, 0",
            "1.5,  1",
            "1.49, 1",
            "1.01, 1",
            "1.0,  2",
            "0.99, 2",
            "0.51, 2",
            "0.5,  3",
            "0.49, 3",
            "0.11, 3",
            "0.1,  4",
            "0.09, 4",
    })
    void lateGradesTheLowestConfirmedAnc(String anc, int grade) {
        IcahtGrade graded = grader.late(samples("31=" + anc + " 33=" + anc + " 40=2.0"), DAY_0, NO_STOP);

        assertAll(
                () -> assertEquals(grade, graded.grade()),
                () -> assertEquals(IcahtGrade.LATE, graded.kind()),
                () -> assertEquals(0, graded.daysAtOrBelowSevereThreshold()),
                () -> assertEquals(0, graded.daysAtOrBelowProfoundThreshold()),
                () -> assertNull(graded.carriedForward()));
    }

    @ParameterizedTest(name = "late [{0}] stop {1} → grade {2}")
    @CsvSource({
            // The higher of two consecutive samples is what both reach: a single dip is not confirmed.
            "31=0.4 33=0.45 35=2.0,         , 3",
            "31=1.2 33=0.05 35=1.3,         , 1",
            "31=2.0 33=0.05 35=0.3 37=2.0,  , 3",
            // Only samples after day 30 count.
            "29=0.05 30=0.05 31=2.0 32=2.0, , 0",
            "30=0.05 31=0.05 32=2.0,        , 0",
            "31=0.05,                       , 0",
            "'',                            , 0",
            // Samples from the stop on are not used.
            "31=0.05 33=0.05 40=2.0,      20, 0",
            "31=0.05 33=0.05 40=2.0,      31, 0",
            "31=0.05 33=0.05 40=2.0,      33, 0",
            "31=0.05 33=0.05 40=2.0,      34, 4",
    })
    void lateNeedsTwoConsecutiveSamplesAfterDayThirty(String samples, Integer stopDay, int grade) {
        assertEquals(grade, grader.late(samples(samples), DAY_0, stopOn(stopDay)).grade());
    }

    @Test
    void lateExplainsTheConfirmingSamples() {
        IcahtGrade graded = grader.late(samples("31=0.4 33=0.45 35=2.0"), DAY_0, NO_STOP);

        assertEquals("EHA/EBMT late ICAHT grade 3: lowest confirmed ANC ≤ 0.5 ×10⁹/L", graded.rule());
        assertEquals("lowest ANC reached or undercut on two consecutive samples after day 30: 0.45 ×10⁹/L "
                + "(2025-04-02: 0.4, 2025-04-04: 0.45), of 3 samples after day 30", graded.explanation());
        assertEquals("EHA/EBMT late ICAHT grade 0: lowest confirmed ANC > 1.5 ×10⁹/L",
                grader.late(samples("31=2.0 33=2.0"), DAY_0, NO_STOP).rule());
        assertEquals("EHA/EBMT late ICAHT grade 0: no ANC confirmed by two consecutive samples after day 30",
                grader.late(samples("31=0.05"), DAY_0, NO_STOP).rule());
        IcahtGrade stopped = grader.late(samples("31=0.05 33=0.05 40=2.0"), DAY_0,
                new CountingStop(DAY_0.plusDays(34), CountingStop.DEATH));
        assertEquals("lowest ANC reached or undercut on two consecutive samples after day 30: 0.05 ×10⁹/L "
                + "(2025-04-02: 0.05, 2025-04-04: 0.05), of 2 samples after day 30; counting stopped on day 34 "
                + "(2025-04-05): death", stopped.explanation());
        assertEquals(new CountingStop(DAY_0.plusDays(34), CountingStop.DEATH), stopped.stop());
    }

    /** Platelets "studyDay=count" in days 31–100: the days below 20 ×10⁹/L and the late T-ICAHT grade. */
    @ParameterizedTest(name = "late platelets [{0}] stop {1} → {2} days < 20 → grade {3}")
    @CsvSource({
            // The lowest confirmed count at each threshold's edge (strict).
            "31=100 33=100 40=150,         , 0,  0",
            "31=99.9 33=99.9 40=150,       , 0,  1",
            "31=50 33=50 40=150,           , 0,  1",
            "31=49.9 33=49.9 40=150,       , 0,  2",
            "31=20 33=20 40=150,           , 0,  2",
            "31=19.9 33=19.9 40=150,       , 9,  3",
            // Below 20 confirmed: the days below 20 decide, 1 13 | 14.
            "31=10 32=10 33=150 60=150,    , 2,  3",
            "31=10 32=10 44=150 60=150,    , 13, 3",
            "31=10 32=10 45=150 60=150,    , 14, 4",
            // A recovery of 1 or 2 days does not interrupt the count; one of 3 days does.
            "31=10 32=10 40=30 42=10 50=150 60=150, , 19, 4",
            "31=10 32=10 40=30 43=10 47=150 60=150, , 13, 3",
            // A level counts only when two consecutive samples confirm it; the days are counted regardless.
            "31=10 45=150 50=150,          , 14, 0",
            "31=10 45=60 50=60,            , 14, 1",
            "31=40 32=10 33=40 50=150,     , 1,  2",
            // Only samples in days 31–100 confirm; the last one before day 31 holds into it.
            "29=10 30=10 101=10 102=10,    , 70, 0",
            "100=10 101=10,                , 1,  0",
            "99=10 100=10 101=150,         , 2,  3",
            "35=10 36=10 45=150,           , 10, 3",
            "20=10 35=10 36=10 45=150,     , 14, 4",
            // Counting stops at the stop.
            "31=10 32=10 60=150,         32, 1,  0",
            "31=10 32=10 60=150,         44, 13, 3",
            "31=10 32=10 60=150,         45, 14, 4",
            "31=10 32=10 60=150,         101, 29, 4",
            "'',                           , 0,  0",
    })
    void gradesLateThrombocytopeniaByConfirmedCountAndDaysBelowTwenty(String samples, Integer stopDay, int daysBelow20, int grade) {
        IcahtGrade graded = grader.thrombocytopeniaLate(samples(samples), DAY_0, stopOn(stopDay));

        assertAll(
                () -> assertEquals(daysBelow20, graded.daysAtOrBelowProfoundThreshold()),
                () -> assertEquals(0, graded.daysAtOrBelowSevereThreshold()),
                () -> assertEquals(grade, graded.grade()),
                () -> assertEquals(IcahtGrade.LATE, graded.kind()),
                () -> assertEquals(stopDay != null && stopDay <= 100 ? stopOn(stopDay) : null, graded.stop()));
    }

    @Test
    void lateThrombocytopeniaNamesThePublishedRuleAndExplainsIt() {
        IcahtGrade graded = grader.thrombocytopeniaLate(samples("20=10 35=10 36=12 45=150"), DAY_0, NO_STOP);

        assertAll(
                () -> assertEquals("Late T-ICAHT grade 4: platelets < 20 ×10⁹/L on two consecutive samples and for "
                        + "14 days or more in days 31–100", graded.rule()),
                () -> assertEquals("lowest platelets reached or undercut on two consecutive samples in days 31–100: "
                        + "12 ×10⁹/L (2025-04-06: 10, 2025-04-07: 12), of 3 samples in days 31–100; 14 days with "
                        + "platelets < 20 ×10⁹/L in days 31–100 (each sample held until the next; recoveries shorter "
                        + "than 3 days counted); samples cover days 31–45; the sample of 2025-03-22 (10 ×10⁹/L) "
                        + "carried into day 31", graded.explanation()),
                () -> assertEquals(new CountSample(LocalDate.parse("2025-03-22"), BigDecimal.TEN),
                        graded.carriedForward()),
                () -> assertEquals("Late T-ICAHT grade 3: platelets < 20 ×10⁹/L on two consecutive samples and for "
                        + "1–13 days in days 31–100",
                        grader.thrombocytopeniaLate(samples("31=10 32=10 44=150"), DAY_0, NO_STOP).rule()),
                () -> assertEquals("Late T-ICAHT grade 2: lowest confirmed platelets < 50 ×10⁹/L",
                        grader.thrombocytopeniaLate(samples("31=40 33=40 40=150"), DAY_0, NO_STOP).rule()),
                () -> assertEquals("Late T-ICAHT grade 0: lowest confirmed platelets ≥ 100 ×10⁹/L",
                        grader.thrombocytopeniaLate(samples("31=100 33=100"), DAY_0, NO_STOP).rule()),
                () -> assertEquals("Late T-ICAHT grade 0: no platelets confirmed by two consecutive samples in days "
                        + "31–100", grader.thrombocytopeniaLate(samples("31=10"), DAY_0, NO_STOP).rule()),
                () -> assertTrue(grader.thrombocytopeniaLate(samples("31=10 32=10 60=150"), DAY_0, stopOn(45))
                        .explanation().endsWith("; counting stopped on day 45 (2025-04-16): subsequent line of "
                                + "therapy")));
    }

    /** Study days of a subsequent therapy's start and of death (empty: unknown) → the stop. */
    @ParameterizedTest(name = "therapy day {0}, death day {1} → stop on day {2}: {3}")
    @CsvSource({
            "10,   , 10, subsequent line of therapy",
            "  ,  5,  5, death",
            "10,  5,  5, death",
            " 5, 10,  5, subsequent line of therapy",
            " 5,  5,  5, subsequent line of therapy and death",
    })
    void countingStopsAtTheEarlierOfSubsequentTherapyAndDeath(Integer therapyDay, Integer deathDay, int stopDay,
            String reason) {
        assertEquals(Optional.of(new CountingStop(DAY_0.plusDays(stopDay), reason)),
                CountingStop.earliest(day(therapyDay), day(deathDay)));
    }

    @Test
    void countingRunsToTheEndWithoutSubsequentTherapyOrDeath() {
        assertEquals(Optional.empty(), CountingStop.earliest(null, null));
    }

    @Test
    void rejectsProgrammingErrors() {
        List<CountSample> withNull = Arrays.asList(new CountSample(DAY_0, BigDecimal.ONE), null);
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> grader.early(null, DAY_0, NO_STOP)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.early(withNull, DAY_0, NO_STOP)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.early(List.of(), null, NO_STOP)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.late(null, DAY_0, NO_STOP)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.late(withNull, DAY_0, NO_STOP)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.thrombocytopeniaEarly(List.of(), null, NO_STOP)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> grader.thrombocytopeniaLate(withNull, DAY_0, NO_STOP)),
                () -> assertThrows(IllegalArgumentException.class, () -> new CountSample(null, BigDecimal.ONE)),
                () -> assertThrows(IllegalArgumentException.class, () -> new CountSample(DAY_0, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new CountSample(DAY_0, BigDecimal.valueOf(-1))),
                () -> assertThrows(IllegalArgumentException.class, () -> new CountingStop(null, CountingStop.DEATH)),
                () -> assertThrows(IllegalArgumentException.class, () -> new CountingStop(DAY_0, " ")));
    }

    @Test
    void gradeRejectsNonsense() {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new IcahtGrade(5, IcahtGrade.EARLY, 0, 0, "r", "e", null, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new IcahtGrade(1, "middle", 0, 0, "r", "e", null, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new IcahtGrade(1, IcahtGrade.EARLY, -1, 0, "r", "e", null, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new IcahtGrade(1, IcahtGrade.EARLY, 0, 0, " ", "e", null, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new IcahtGrade(1, IcahtGrade.LATE, 0, 0, "r", null, null, null)));
    }

    /** A subsequent line of therapy starting on this study day; none when null. */
    private static CountingStop stopOn(Integer studyDay) {
        return studyDay == null ? NO_STOP : new CountingStop(day(studyDay), CountingStop.SUBSEQUENT_THERAPY);
    }

    private static LocalDate day(Integer studyDay) {
        return studyDay == null ? null : DAY_0.plusDays(studyDay);
    }

    /** "studyDay=value ..." relative to {@link #DAY_0}. */
    private static List<CountSample> samples(String samples) {
        if (samples == null || samples.isBlank()) {
            return List.of();
        }
        return Arrays.stream(samples.trim().split("\\s+"))
                .map(sample -> sample.split("="))
                .map(dayAndValue -> new CountSample(DAY_0.plusDays(Long.parseLong(dayAndValue[0])),
                        new BigDecimal(dayAndValue[1])))
                .toList();
    }
}
