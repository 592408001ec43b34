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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.celltrial.enrollment.patient.Sex;
import org.celltrial.enrollment.patient.TherapyCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demographics table at a cut-off, checked against the reference study's published figures. */
class StudyDemographicsTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-06-15");

    private final StudyDemographics demographics = new StudyDemographics();

    /**
     * The reference study at 2025-06-15: ages 8, 12, 13, 25; platelets 2, 8, 10, 24; disease 5, 7, 8, 20 years;
     * 3, 4, 4, 5 prior therapies; three girls or women; three lymphodepleted; follow-up 2 to 16 months.
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
                () -> assertDistribution("7.5", "5", "20", summary.diseaseDurationYears()),
                () -> assertEquals("4", summary.priorTherapies().median().toPlainString()),
                () -> assertEquals("3", summary.priorTherapies().min().toPlainString()),
                () -> assertEquals("5", summary.priorTherapies().max().toPlainString()),
                () -> assertEquals(Map.of(GLUCOCORTICOID, 4, IVIG, 4, TPO_RA, 4, RITUXIMAB, 1),
                        summary.priorTherapies().patientsByCategory()),
                () -> assertEquals(new EnrollmentSummary.FollowUp(2, 16), summary.followUpMonths()),
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
                () -> assertEquals(7, infused.diseaseDurationYears()),
                () -> assertEquals(4, infused.priorTherapyCount()),
                () -> assertEquals(List.of(GLUCOCORTICOID, IVIG, TPO_RA), infused.priorTherapyCategories()),
                () -> assertEquals("DL2", infused.doseLevel()),
                () -> assertEquals(LocalDate.parse("2024-10-01"), infused.day0()),
                () -> assertEquals(8, infused.followUpMonths()),
                () -> assertTrue(infused.lymphodepleted()),
                () -> assertFalse(rows.get(2).lymphodepleted()),
                () -> assertEquals(25, notYetInfused.ageYears()),
                () -> assertEquals(20, notYetInfused.diseaseDurationYears()),
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
                () -> assertEquals(none, summary.diseaseDurationYears()),
                () -> assertEquals(new EnrollmentSummary.PriorTherapies(null, null, null, Map.of()),
                        summary.priorTherapies()),
                () -> assertEquals(new EnrollmentSummary.FollowUp(null, null), summary.followUpMonths()),
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
                () -> assertEquals(new EnrollmentSummary.FollowUp(16, 16), summary.followUpMonths()));
    }

    @Test
    void nobodyInfusedYetLeavesFollowUpEmpty() {
        EnrollmentSummary summary = demographics.summarise(LocalDate.parse("2024-02-09"), List.of(),
                referenceStudy());
        assertAll(
                () -> assertEquals(1, summary.enrolled()),
                () -> assertEquals(new EnrollmentSummary.FollowUp(null, null), summary.followUpMonths()),
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

    @ParameterizedTest(name = "diagnosed {0}, Day 0 {1}: {2} years")
    @CsvSource({
            "2019-01-05, 2024-01-05, 5",
            "2019-01-05, 2024-01-04, 4",
            "2024-01-05, 2024-01-05, 0",
    })
    void diseaseDurationIsWholeYearsFromDiagnosisToDay0(LocalDate diagnosis, LocalDate day0, int years) {
        DemographicFacts patient = facts("CT-S-001", Sex.F, "2000-01-01", diagnosis.toString(), "10", "2020-01-01",
                "DL1", day0.toString(), "DL1", null, IVIG);
        assertEquals(years, demographics.summarise(day0, List.of(), List.of(patient)).patients().get(0)
                .diseaseDurationYears());
    }

    @ParameterizedTest(name = "Day 0 {0}, cut-off {1}: {2} months")
    @CsvSource({
            "2025-01-15, 2025-01-15, 0",
            "2025-01-15, 2025-06-14, 4",
            "2025-01-15, 2025-06-15, 5",
            "2025-01-31, 2025-02-28, 0",
            "2025-01-31, 2025-03-31, 2",
            "2024-02-10, 2025-06-15, 16",
    })
    void followUpIsWholeMonthsFromDay0ToTheCutOff(LocalDate day0, LocalDate asOf, int months) {
        DemographicFacts patient = facts("CT-S-001", Sex.F, "2010-01-01", "2015-01-01", "10", "2020-01-01", "DL1",
                day0.toString(), "DL1", null, IVIG);
        assertEquals(new EnrollmentSummary.FollowUp(months, months),
                demographics.summarise(asOf, List.of(), List.of(patient)).followUpMonths());
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
    })
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues(String values, String median, String min, String max) {
        List<BigDecimal> numbers = Arrays.stream(values.split(",")).map(String::strip).map(BigDecimal::new).toList();
        assertDistribution(median, min, max, Distribution.of(numbers));
    }

    @Test
    void noValuesHaveNoDistribution() {
        assertEquals(new Distribution(null, null, null), Distribution.of(List.of()));
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
