package org.celltrial.safety.icaht;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EHA/EBMT ICAHT grading (Rejeski K et al., Blood 2023;142:865-877) and CellTrial's platelet version. */
class IcahtGraderTest {

    private static final LocalDate DAY_0 = LocalDate.parse("2025-03-02");

    private final IcahtGrader grader = new IcahtGrader();

    @Test
    void workedCaseFifteenDaysAtOrBelowHalfIsGradeThree() {
        IcahtGrade graded = grader.early(samples("0=0.3 15=1.2 31=1.5"), DAY_0);

        assertAll(
                () -> assertEquals(3, graded.grade()),
                () -> assertEquals(IcahtGrade.EARLY, graded.kind()),
                () -> assertEquals(15, graded.daysAtOrBelowSevereThreshold()),
                () -> assertEquals(0, graded.daysAtOrBelowProfoundThreshold()),
                () -> assertEquals("EHA/EBMT early ICAHT grade 3: ANC ≤ 0.5 ×10⁹/L for 14–29 days", graded.rule()),
                () -> assertEquals("15 days with ANC ≤ 0.5 ×10⁹/L and 0 days with ANC ≤ 0.1 ×10⁹/L in days 0–30 "
                        + "(each sample held until the next; recoveries shorter than 3 days counted); samples cover "
                        + "days 0–30, from 3 samples", graded.explanation()));
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
            // Nothing is known before the first sample in the window, nor after the last sample.
            "3=0.3 10=1.0 40=1.0,       7,  0, 2",
            "-2=0.2 3=1.0 40=1.0,       0,  0, 0",
            "-2=0.2 0=0.3 3=1.0 40=1.0, 3,  0, 1",
            "0=0.3 10=0.3,              11, 0, 2",
            // A sample after the window bounds the last one in it.
            "25=0.3 35=1.0,             6,  0, 1",
            // Of two samples on one date the lower counts.
            "0=1.0 0=0.4 5=1.0 40=1.0,  5,  0, 1",
            "'',                        0,  0, 0",
    })
    void countsDaysAtOrBelowTheThresholds(String samples, int severeDays, int profoundDays, int grade) {
        IcahtGrade graded = grader.early(samples(samples), DAY_0);

        assertAll(
                () -> assertEquals(severeDays, graded.daysAtOrBelowSevereThreshold()),
                () -> assertEquals(profoundDays, graded.daysAtOrBelowProfoundThreshold()),
                () -> assertEquals(grade, graded.grade()));
    }

    @Test
    void namesEveryCountThatDecides() {
        assertEquals("EHA/EBMT early ICAHT grade 3: ANC ≤ 0.5 ×10⁹/L for 14–29 days and ANC ≤ 0.1 ×10⁹/L for "
                + "7–13 days", grader.early(samples("0=0.05 7=0.3 14=1.0 40=1.0"), DAY_0).rule());
        assertEquals("EHA/EBMT early ICAHT grade 4: ANC ≤ 0.1 ×10⁹/L for 14 days or more",
                grader.early(samples("0=0.05 14=1.0 40=1.0"), DAY_0).rule());
        assertEquals("EHA/EBMT early ICAHT grade 0: no day with ANC ≤ 0.5 ×10⁹/L in days 0–30",
                grader.early(samples("0=1.0 40=1.0"), DAY_0).rule());
    }

    @Test
    void saysWhichDaysAreCovered() {
        assertEquals("3 days with ANC ≤ 0.5 ×10⁹/L and 0 days with ANC ≤ 0.1 ×10⁹/L in days 0–30 (each sample held "
                        + "until the next; recoveries shorter than 3 days counted); samples cover days 2–4, from 2 "
                        + "samples",
                grader.early(samples("2=0.3 4=0.4"), DAY_0).explanation());
        assertEquals("0 days with ANC ≤ 0.5 ×10⁹/L and 0 days with ANC ≤ 0.1 ×10⁹/L in days 0–30 (each sample held "
                        + "until the next; recoveries shorter than 3 days counted); no sample covers days 0–30, from 0 "
                        + "samples",
                grader.early(List.of(), DAY_0).explanation());
    }

    @Test
    void takesSamplesInAnyOrder() {
        List<CountSample> reversed = new ArrayList<>(samples("0=0.3 15=1.2 31=1.5"));
        Collections.reverse(reversed);

        assertEquals(15, grader.early(reversed, DAY_0).daysAtOrBelowSevereThreshold());
    }

    /** Platelets "studyDay=count" with the default thresholds, ≤ 50 and ≤ 20 ×10⁹/L. */
    @ParameterizedTest(name = "platelets [{0}] → {1} days ≤ 50, {2} days ≤ 20 → grade {3}")
    @CsvSource({
            "0=50.1 10=80 40=80, 0,  0,  0",
            "0=50 10=80 40=80,   10, 0,  2",
            "0=20.1 10=80 40=80, 10, 0,  2",
            "0=20 10=80 40=80,   10, 10, 3",
            "0=10 14=80 40=80,   14, 14, 4",
            "0=40 15=80 40=80,   15, 0,  3",
    })
    void gradesEarlyThrombocytopeniaTheSameWay(String samples, int severeDays, int profoundDays, int grade) {
        IcahtGrade graded = grader.earlyThrombocytopenia(samples(samples), DAY_0);

        assertAll(
                () -> assertEquals(severeDays, graded.daysAtOrBelowSevereThreshold()),
                () -> assertEquals(profoundDays, graded.daysAtOrBelowProfoundThreshold()),
                () -> assertEquals(grade, graded.grade()),
                () -> assertEquals(IcahtGrade.EARLY, graded.kind()));
    }

    @Test
    void thrombocytopeniaIsACellTrialConvention() {
        assertEquals("CellTrial early thrombocytopenia-ICAHT (protocol convention) grade 2: platelets ≤ 50 ×10⁹/L for "
                + "7–13 days", grader.earlyThrombocytopenia(samples("0=40 10=80 40=80"), DAY_0).rule());
    }

    @ParameterizedTest(name = "platelets ≤ 100 / ≤ 30: [{0}] → grade {1}")
    @CsvSource({
            "0=100.1 10=150 40=150, 0",
            "0=100 10=150 40=150,   2",
            "0=30.1 10=150 40=150,  2",
            "0=30 10=150 40=150,    3",
    })
    void theProtocolSetsThePlateletThresholds(String samples, int grade) {
        IcahtGrader protocol = new IcahtGrader(BigDecimal.valueOf(100), BigDecimal.valueOf(30));

        assertEquals(grade, protocol.earlyThrombocytopenia(samples(samples), DAY_0).grade());
    }

    @ParameterizedTest(name = "platelet thresholds ≤ {0} / ≤ {1} are rejected")
    @CsvSource({
            "50, 50",
            "20, 50",
            "50, -1",
            "50,   ",
            "  , 20",
    })
    void plateletThresholdsMustBeOrdered(BigDecimal severe, BigDecimal profound) {
        assertThrows(IllegalArgumentException.class, () -> new IcahtGrader(severe, profound));
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
        IcahtGrade graded = grader.late(samples("31=" + anc + " 33=" + anc + " 40=2.0"), DAY_0);

        assertAll(
                () -> assertEquals(grade, graded.grade()),
                () -> assertEquals(IcahtGrade.LATE, graded.kind()),
                () -> assertEquals(0, graded.daysAtOrBelowSevereThreshold()),
                () -> assertEquals(0, graded.daysAtOrBelowProfoundThreshold()));
    }

    @ParameterizedTest(name = "late [{0}] → grade {1}")
    @CsvSource({
            // The higher of two consecutive samples is what both reach: a single dip is not confirmed.
            "31=0.4 33=0.45 35=2.0,        3",
            "31=1.2 33=0.05 35=1.3,        1",
            "31=2.0 33=0.05 35=0.3 37=2.0, 3",
            // Only samples after day 30 count.
            "29=0.05 30=0.05 31=2.0 32=2.0, 0",
            "30=0.05 31=0.05 32=2.0,       0",
            "31=0.05,                      0",
            "'',                           0",
    })
    void lateNeedsTwoConsecutiveSamplesAfterDayThirty(String samples, int grade) {
        assertEquals(grade, grader.late(samples(samples), DAY_0).grade());
    }

    @Test
    void lateExplainsTheConfirmingSamples() {
        IcahtGrade graded = grader.late(samples("31=0.4 33=0.45 35=2.0"), DAY_0);

        assertEquals("EHA/EBMT late ICAHT grade 3: lowest confirmed ANC ≤ 0.5 ×10⁹/L", graded.rule());
        assertEquals("lowest ANC reached or undercut on two consecutive samples after day 30: 0.45 ×10⁹/L "
                + "(2025-04-02: 0.4, 2025-04-04: 0.45), of 3 samples after day 30", graded.explanation());
        assertEquals("EHA/EBMT late ICAHT grade 0: lowest confirmed ANC > 1.5 ×10⁹/L",
                grader.late(samples("31=2.0 33=2.0"), DAY_0).rule());
        assertEquals("EHA/EBMT late ICAHT grade 0: no ANC confirmed by two consecutive samples after day 30",
                grader.late(samples("31=0.05"), DAY_0).rule());
    }

    @Test
    void rejectsProgrammingErrors() {
        List<CountSample> withNull = Arrays.asList(new CountSample(DAY_0, BigDecimal.ONE), null);
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> grader.early(null, DAY_0)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.early(withNull, DAY_0)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.early(List.of(), null)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.late(null, DAY_0)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.late(withNull, DAY_0)),
                () -> assertThrows(IllegalArgumentException.class, () -> grader.earlyThrombocytopenia(List.of(), null)),
                () -> assertThrows(IllegalArgumentException.class, () -> new CountSample(null, BigDecimal.ONE)),
                () -> assertThrows(IllegalArgumentException.class, () -> new CountSample(DAY_0, null)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new CountSample(DAY_0, BigDecimal.valueOf(-1))));
    }

    @Test
    void gradeRejectsNonsense() {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new IcahtGrade(5, IcahtGrade.EARLY, 0, 0, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class, () -> new IcahtGrade(1, "middle", 0, 0, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new IcahtGrade(1, IcahtGrade.EARLY, -1, 0, "r", "e")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new IcahtGrade(1, IcahtGrade.EARLY, 0, 0, " ", "e")),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> new IcahtGrade(1, IcahtGrade.LATE, 0, 0, "r", null)));
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
