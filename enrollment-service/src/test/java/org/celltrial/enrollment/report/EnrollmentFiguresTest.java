package org.celltrial.enrollment.report;

import static org.celltrial.enrollment.patient.TherapyCategory.GLUCOCORTICOID;
import static org.celltrial.enrollment.patient.TherapyCategory.IVIG;
import static org.celltrial.enrollment.patient.TherapyCategory.RITUXIMAB;
import static org.celltrial.enrollment.patient.TherapyCategory.TPO_RA;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.celltrial.enrollment.patient.Sex;
import org.celltrial.enrollment.patient.TherapyCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demographics table at a cut-off, checked against the reference study's figures; durations per
 * docs/clinical-rules.md, Reporting durations.
 */
class EnrollmentFiguresTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-06-15");

    private final EnrollmentFigures demographics = new EnrollmentFigures();

    /**
     * The reference study at 2025-06-15: ages 8, 12, 13, 25; platelets 2, 8, 10, 24; disease 1862, 2771, 2981,
     * 7653 days = 5.1, 7.6, 8.2, 21.0 years (in completed years 5, 7, 8, 20); 3, 4, 4, 5 prior therapies; three girls
     * or women; three lymphodepleted; follow-up 75 to 491 days = 2.5 to 16.1 months (completed: 2 to 16).
     */
    static List<DemographicFacts> referenceStudy() {
        return List.of(
                // 8 on Day 0, her birthday.
                facts("CT-S-001", Sex.F, "2016-02-10", "2019-01-05", "2", "2024-01-12", "DL1", "2024-02-10", "DL1",
                        "2024-02-05", GLUCOCORTICOID, IVIG, TPO_RA),
                facts("CT-S-002", Sex.F, "2012-05-01", "2017-03-01", "8", "2024-09-03", "DL2", "2024-10-01", "DL2",
                        "2024-09-26", GLUCOCORTICOID, IVIG, TPO_RA, TPO_RA),
                // 14 the day after Day 0; lymphodepletion omitted.
                facts("CT-S-003", Sex.M, "2011-04-02", "2017-02-01", "10", "2025-03-03", "DL1", "2025-04-01", "DL1",
                        null, GLUCOCORTICOID, IVIG, TPO_RA, RITUXIMAB),
                // Infused after the cut-off, at another level: age, duration and dose level are those at consent.
                facts("CT-S-004", Sex.F, "1999-06-18", "2004-06-18", "24", "2025-06-01", "DL1", "2025-06-20", "DL2",
                        "2025-06-10", GLUCOCORTICOID, GLUCOCORTICOID, IVIG, TPO_RA, TPO_RA),
                // Consented after the cut-off, and never consented: not enrolled.
                facts("CT-S-005", Sex.M, "2010-01-01", "2015-01-01", "5", "2025-06-16", "DL1", null, null, null,
                        GLUCOCORTICOID, IVIG),
                facts("CT-S-006", Sex.M, "2010-01-01", "2015-01-01", "5", null, null, null, null, null,
                        GLUCOCORTICOID, IVIG));
    }

    @Test
    void referenceStudyFigures() {
        EnrollmentSummary summary = demographics.summarise(AS_OF, List.of("S"), referenceStudy());

        assertAll(
                () -> assertEquals(4, summary.enrolled()),
                () -> assertDistribution("12.5", "8", "25", summary.ageYears()),
                () -> assertEquals("75.0", summary.femalePercent().toPlainString()),
                () -> assertDistribution("9", "2", "24", summary.baselinePlateletsPer1e9L()),
                () -> assertEquals(new DurationDistribution(new BigDecimal("7.9"), new BigDecimal("5.1"),
                        new BigDecimal("21.0"), "years", "ITP diagnosis to Day 0, or to the consent date when not "
                                + "infused by the cut-off: days / 365.25, to one decimal, half up; the median of the "
                                + "exact values, rounded once"),
                        summary.diseaseDurationYears()),
                () -> assertEquals("4", summary.priorTherapies().median().toPlainString()),
                () -> assertEquals("3", summary.priorTherapies().min().toPlainString()),
                () -> assertEquals("5", summary.priorTherapies().max().toPlainString()),
                () -> assertEquals(Map.of(GLUCOCORTICOID, 4, IVIG, 4, TPO_RA, 4, RITUXIMAB, 1),
                        summary.priorTherapies().patientsByCategory()),
                () -> assertEquals(new EnrollmentSummary.FollowUp(new BigDecimal("2.5"), new BigDecimal("16.1"),
                        "months", "Day 0 to the cut-off, patients infused by it: days / 30.4375, to one decimal, "
                                + "half up"), summary.followUpMonths()),
                () -> assertEquals(3, summary.lymphodepleted()),
                () -> assertEquals(List.of("CT-S-001", "CT-S-002", "CT-S-003", "CT-S-004"),
                        summary.patients().stream().map(EnrollmentSummary.PatientRow::subjectId).toList()));
    }

    @Test
    void patientRowsApplyTheCutOff() {
        List<EnrollmentSummary.PatientRow> rows = demographics.summarise(AS_OF, List.of(), referenceStudy())
                .patients();
        EnrollmentSummary.PatientRow infused = rows.get(1);
        EnrollmentSummary.PatientRow notYetInfused = rows.get(3);
        assertAll(
                () -> assertEquals(12, infused.ageYears()),
                () -> assertEquals(new BigDecimal("7.6"), infused.diseaseDurationYears()),
                () -> assertEquals(4, infused.priorTherapyCount()),
                () -> assertEquals(List.of(GLUCOCORTICOID, IVIG, TPO_RA), infused.priorTherapyCategories()),
                () -> assertEquals("DL2", infused.doseLevel()),
                () -> assertEquals(LocalDate.parse("2024-10-01"), infused.day0()),
                () -> assertEquals(new BigDecimal("8.4"), infused.followUpMonths()),
                () -> assertTrue(infused.lymphodepleted()),
                () -> assertFalse(rows.get(2).lymphodepleted()),
                () -> assertEquals(25, notYetInfused.ageYears()),
                () -> assertEquals(new BigDecimal("21.0"), notYetInfused.diseaseDurationYears()),
                () -> assertEquals("DL1", notYetInfused.doseLevel()),
                () -> assertNull(notYetInfused.day0()),
                () -> assertNull(notYetInfused.followUpMonths()),
                () -> assertTrue(notYetInfused.lymphodepleted()));
    }

    @Test
    void dosesAfterTheCutOffDoNotCountAsLymphodepletion() {
        EnrollmentSummary summary = demographics.summarise(LocalDate.parse("2025-06-09"), List.of(),
                referenceStudy());
        assertAll(
                () -> assertEquals(4, summary.enrolled()),
                () -> assertEquals(2, summary.lymphodepleted()));
    }

    @Test
    void anEmptyStudyAnswersWithNullFigures() {
        EnrollmentSummary summary = demographics.summarise(AS_OF, List.of(), List.of());
        Distribution none = new Distribution(null, null, null);
        assertAll(
                () -> assertEquals(0, summary.enrolled()),
                () -> assertEquals(none, summary.ageYears()),
                () -> assertNull(summary.femalePercent()),
                () -> assertEquals(none, summary.baselinePlateletsPer1e9L()),
                () -> assertDurationsEmpty(summary),
                () -> assertEquals(new EnrollmentSummary.PriorTherapies(null, null, null, Map.of()),
                        summary.priorTherapies()),
                () -> assertEquals(0, summary.lymphodepleted()),
                () -> assertEquals(List.of(), summary.patients()));
    }

    @Test
    void aStudyWithNobodyConsentedByTheCutOffIsEmpty() {
        EnrollmentSummary summary = demographics.summarise(LocalDate.parse("2023-12-31"), List.of(),
                referenceStudy());
        assertAll(
                () -> assertEquals(0, summary.enrolled()),
                () -> assertNull(summary.ageYears().median()),
                () -> assertNull(summary.femalePercent()));
    }

    @Test
    void onePatientIsItsOwnMedianMinimumAndMaximum() {
        EnrollmentSummary summary = demographics.summarise(AS_OF, List.of(), referenceStudy().subList(0, 1));
        assertAll(
                () -> assertEquals(1, summary.enrolled()),
                () -> assertDistribution("8", "8", "8", summary.ageYears()),
                () -> assertDistribution("2", "2", "2", summary.baselinePlateletsPer1e9L()),
                () -> assertEquals("100.0", summary.femalePercent().toPlainString()),
                () -> assertEquals(new BigDecimal("16.1"), summary.followUpMonths().min()),
                () -> assertEquals(new BigDecimal("16.1"), summary.followUpMonths().max()));
    }

    @Test
    void nobodyInfusedYetLeavesFollowUpEmpty() {
        EnrollmentSummary summary = demographics.summarise(LocalDate.parse("2024-02-09"), List.of(),
                referenceStudy());
        assertAll(
                () -> assertEquals(1, summary.enrolled()),
                () -> assertNull(summary.followUpMonths().min()),
                () -> assertNull(summary.followUpMonths().max()),
                () -> assertEquals("months", summary.followUpMonths().unit()),
                // At consent (2024-01-12) she was still 7.
                () -> assertEquals(7, summary.patients().get(0).ageYears()));
    }

    @ParameterizedTest(name = "born {0}, Day 0 {1}: {2} years")
    @CsvSource({
            "2016-02-10, 2024-02-10, 8",
            "2016-02-10, 2024-02-09, 7",
            "2016-02-10, 2024-02-11, 8",
            "2012-02-29, 2024-02-29, 12",
            "2012-02-29, 2025-02-28, 12",
            "2012-02-29, 2025-03-01, 13",
    })
    void ageIsWholeYearsAtDay0(LocalDate birthDate, LocalDate day0, int years) {
        DemographicFacts patient = facts("CT-S-001", Sex.F, birthDate.toString(), birthDate.plusYears(1).toString(),
                "10", "2020-01-01", "DL1", day0.toString(), "DL1", null, IVIG);
        assertEquals(years, demographics.summarise(day0, List.of(), List.of(patient)).patients().get(0).ageYears());
    }

    /** 0.05 year is 18.2625 days: 18 days round down to 0.0, 19 up to 0.1. No count of days is exactly halfway. */
    @ParameterizedTest(name = "diagnosed {0}, Day 0 {1}: {2} days, {3} years")
    @CsvSource({
            "2024-01-05, 2024-01-05,    0,  0.0",
            "2024-01-05, 2024-01-23,   18,  0.0",
            "2024-01-05, 2024-01-24,   19,  0.1",
            "2023-01-05, 2024-01-04,  364,  1.0",
            "2023-01-05, 2024-01-05,  365,  1.0",
            "2023-01-05, 2024-01-06,  366,  1.0",
            "2022-01-05, 2024-01-05,  730,  2.0",
            "2022-01-05, 2024-01-06,  731,  2.0",
            "2019-01-05, 2024-01-04, 1825,  5.0",
            "2019-01-05, 2024-01-05, 1826,  5.0",
            // 19 in completed years: the diagnosis's anniversary is eleven days away.
            "2005-06-19, 2025-06-08, 7294, 20.0",
    })
    void diseaseDurationIsDaysOver365point25ToOneDecimal(LocalDate diagnosis, LocalDate day0, long days,
            BigDecimal years) {
        assertEquals(days, ChronoUnit.DAYS.between(diagnosis, day0));
        DemographicFacts patient = facts("CT-S-001", Sex.F, "2000-01-01", diagnosis.toString(), "10", "2020-01-01",
                "DL1", day0.toString(), "DL1", null, IVIG);
        EnrollmentSummary summary = demographics.summarise(day0, List.of(), List.of(patient));
        assertAll(
                () -> assertEquals(years, summary.patients().get(0).diseaseDurationYears()),
                () -> assertEquals(years, summary.diseaseDurationYears().median()),
                () -> assertEquals("years", summary.diseaseDurationYears().unit()));
    }

    /** 0.05 month is 1.521875 days: 1 day rounds down to 0.0, 2 up to 0.1; 1.55 months is 47.18 days. */
    @ParameterizedTest(name = "Day 0 {0}, cut-off {1}: {2} days, {3} months")
    @CsvSource({
            "2025-01-15, 2025-01-15,   0,  0.0",
            "2025-01-15, 2025-01-16,   1,  0.0",
            "2025-01-15, 2025-01-17,   2,  0.1",
            "2025-01-15, 2025-02-14,  30,  1.0",
            "2025-01-15, 2025-02-15,  31,  1.0",
            "2025-01-31, 2025-02-28,  28,  0.9",
            "2025-01-15, 2025-03-03,  47,  1.5",
            "2025-01-15, 2025-03-04,  48,  1.6",
            "2025-01-15, 2025-06-14, 150,  4.9",
            "2025-01-15, 2025-06-15, 151,  5.0",
            // 15 in completed months: the 10th of June is five days away.
            "2024-02-10, 2025-06-05, 481, 15.8",
            "2024-02-10, 2025-06-15, 491, 16.1",
    })
    void followUpIsDaysOver30point4375ToOneDecimal(LocalDate day0, LocalDate asOf, long days, BigDecimal months) {
        assertEquals(days, ChronoUnit.DAYS.between(day0, asOf));
        DemographicFacts patient = facts("CT-S-001", Sex.F, "2010-01-01", "2015-01-01", "10", "2020-01-01", "DL1",
                day0.toString(), "DL1", null, IVIG);
        EnrollmentSummary summary = demographics.summarise(asOf, List.of(), List.of(patient));
        assertAll(
                () -> assertEquals(months, summary.patients().get(0).followUpMonths()),
                () -> assertEquals(months, summary.followUpMonths().min()),
                () -> assertEquals(months, summary.followUpMonths().max()),
                () -> assertEquals("months", summary.followUpMonths().unit()));
    }

    /**
     * The median comes from the exact durations, not from completed years nor from the rows' rounded values, and is
     * rounded once: 2666 and 2776 days are 7.2991 and 7.6003 years, shown as 7.3 and 7.6, with a median of 7.4497,
     * so 7.4 (not 7.45 rounded to 7.5). The mean of two middle day counts is never halfway between two tenths.
     */
    @ParameterizedTest(name = "disease {0} days: median {1}, {2}–{3} years")
    @CsvSource(delimiter = ';', value = {
            "1862, 2771, 2981, 7653; 7.9; 5.1; 21.0",
            "2666, 2776; 7.4; 7.3; 7.6",
            "2666, 2666; 7.3; 7.3; 7.3",
            "365, 366, 730; 1.0; 1.0; 2.0",
            "7294; 20.0; 20.0; 20.0",
    })
    void diseaseDurationMedianIsOfTheExactValues(String days, BigDecimal median, BigDecimal min, BigDecimal max) {
        LocalDate day0 = LocalDate.parse("2025-01-15");
        List<DemographicFacts> study = IntStream.range(0, days.split(",").length)
                .mapToObj(i -> facts("CT-S-%03d".formatted(i), Sex.F, "1990-01-01",
                        day0.minusDays(Long.parseLong(days.split(",")[i].strip())).toString(), "10", "2020-01-01",
                        "DL1", day0.toString(), "DL1", null, IVIG))
                .toList();
        DurationDistribution duration = demographics.summarise(day0, List.of(), study).diseaseDurationYears();
        assertAll(
                () -> assertEquals(median, duration.median(), "median"),
                () -> assertEquals(min, duration.min(), "min"),
                () -> assertEquals(max, duration.max(), "max"));
    }

    @ParameterizedTest(name = "{0} of {1} female: {2} %")
    @CsvSource({"1, 3, 33.3", "2, 3, 66.7", "1, 8, 12.5", "0, 2, 0.0"})
    void femalePercentIsRoundedHalfUpToOneDecimal(int female, int patients, String percent) {
        List<DemographicFacts> study = IntStream.range(0, patients)
                .mapToObj(i -> facts("CT-S-%03d".formatted(i), i < female ? Sex.F : Sex.M, "2010-01-01",
                        "2015-01-01", "10", "2020-01-01", "DL1", null, null, null, IVIG))
                .toList();
        assertEquals(percent, demographics.summarise(AS_OF, List.of(), study).femalePercent().toPlainString());
    }

    @ParameterizedTest(name = "{0}: median {1}, {2}–{3}")
    @CsvSource(delimiter = ';', value = {
            "8, 12, 13, 25; 12.5; 8; 25",
            "25, 8, 13, 12; 12.5; 8; 25",
            "3, 1, 2; 2; 1; 3",
            "7; 7; 7; 7",
            "9.0, 11.0; 10; 9; 11",
            "1.5, 2.0, 4.0, 8.5; 3; 1.5; 8.5",
            "1, 2; 1.5; 1; 2",
            "0.0, 0.0; 0; 0; 0",
            // counted a value at a time: repeated values, in any order
            "3, 1, 3, 2, 3, 1; 2.5; 1; 3",
            "5, 5, 5, 1; 5; 1; 5",
            "2, 9.0, 9, 2.0; 5.5; 2; 9",
    })
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues(String values, String median, String min, String max) {
        List<BigDecimal> numbers = Arrays.stream(values.split(",")).map(String::strip).map(BigDecimal::new).toList();
        assertDistribution(median, min, max, Distribution.of(numbers));
    }

    /** The figures alone (the gateway's study summary), added up a patient at a time without keeping the rows. */
    @Test
    void theFiguresAloneAreTheSameFiguresWithoutTheRows() {
        EnrollmentSummary whole = demographics.summarise(AS_OF, List.of("S"), referenceStudy());
        EnrollmentFigures.Tally tally = new EnrollmentFigures.Tally(AS_OF, false);
        referenceStudy().forEach(tally::add);

        EnrollmentSummary alone = tally.summary(List.of("S"));

        assertNull(alone.patients());
        assertEquals(new EnrollmentSummary(whole.asOf(), whole.siteCodes(), whole.enrolled(), whole.ageYears(),
                whole.femalePercent(), whole.baselinePlateletsPer1e9L(), whole.diseaseDurationYears(),
                whole.priorTherapies(), whole.followUpMonths(), whole.lymphodepleted(), null), alone);
        assertEquals(4, alone.enrolled());
    }

    @Test
    void noValuesHaveNoDistribution() {
        assertEquals(new Distribution(null, null, null), Distribution.of(List.of()));
    }

    private static void assertDurationsEmpty(EnrollmentSummary summary) {
        assertAll(
                () -> assertNull(summary.diseaseDurationYears().median()),
                () -> assertNull(summary.diseaseDurationYears().min()),
                () -> assertNull(summary.diseaseDurationYears().max()),
                () -> assertEquals("years", summary.diseaseDurationYears().unit()),
                () -> assertNull(summary.followUpMonths().min()),
                () -> assertNull(summary.followUpMonths().max()),
                () -> assertEquals("months", summary.followUpMonths().unit()));
    }

    private static void assertDistribution(String median, String min, String max, Distribution distribution) {
        assertAll(
                () -> assertEquals(median, distribution.median().toPlainString(), "median"),
                () -> assertEquals(min, distribution.min().toPlainString(), "min"),
                () -> assertEquals(max, distribution.max().toPlainString(), "max"));
    }

    private static DemographicFacts facts(String subjectId, Sex sex, String birthDate, String diagnosis,
            String platelets, String consent, String enrolledLevel, String day0, String infusedLevel,
            String firstLymphodepletionDose, TherapyCategory... priorTherapies) {
        return new DemographicFacts(subjectId, "S", sex, LocalDate.parse(birthDate), LocalDate.parse(diagnosis),
                new BigDecimal(platelets).setScale(1), List.of(priorTherapies), date(consent), enrolledLevel,
                date(day0), infusedLevel, date(firstLymphodepletionDose));
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
