package org.celltrial.enrollment.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.celltrial.common.figures.ValueCounts;
import org.celltrial.enrollment.patient.Sex;
import org.celltrial.enrollment.patient.TherapyCategory;

/**
 * The study's demographics at a cut-off date {@code asOf}, from per-patient facts. Only what is dated up to the
 * cut-off counts. The definitions are CellTrial conventions (docs/clinical-rules.md, Reporting durations):
 * <ul>
 * <li><b>enrolled</b>: patients with a consent date on or before the cut-off; every other figure is over them;</li>
 * <li><b>reference date</b> of a patient: Day 0 (the infusion) when infused on or before the cut-off, else the
 * consent date;</li>
 * <li><b>age</b>: whole years from the birth date to the reference date (a birthday on that day counts);</li>
 * <li><b>disease duration</b>: years from the ITP diagnosis to the reference date, days / 365.25 to one decimal,
 * half up ({@link DurationUnit}); the median from the exact values, rounded once ({@link DurationDistribution});</li>
 * <li><b>baseline platelets</b>: the count recorded at screening, ×10⁹/L;</li>
 * <li><b>prior therapies</b>: the number of prior-therapy entries; {@code patientsByCategory} counts the patients
 * with at least one entry of a category, and leaves out categories no patient had;</li>
 * <li><b>female percent</b>: female patients over enrolled, ×100, rounded HALF_UP to one decimal; null when
 * nobody is enrolled;</li>
 * <li><b>follow-up</b>: months from Day 0 to the cut-off, days / 30.4375 to one decimal, half up, over the patients
 * infused on or before it;</li>
 * <li><b>lymphodepleted</b>: patients given at least one lymphodepleting dose on or before the cut-off (an
 * omission recorded instead is no dose);</li>
 * <li><b>dose level</b>: the level infused when infused on or before the cut-off, else the level enrolled at.</li>
 * </ul>
 * Over no patients (an empty study, or nobody infused yet for the follow-up) the medians, minima and maxima are
 * null but the shape stays the same, so a client can always read every field; each duration states its unit and
 * rule.
 */
public class EnrollmentFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String DISEASE_DURATION_RULE = DurationUnit.YEARS.rule("ITP diagnosis to Day 0, or to the "
            + "consent date when not infused by the cut-off") + "; the median of the exact values, rounded once";
    private static final String FOLLOW_UP_RULE = DurationUnit.MONTHS.rule("Day 0 to the cut-off, patients infused "
            + "by it");

    public EnrollmentSummary summarise(LocalDate asOf, List<String> siteCodes, List<DemographicFacts> patients) {
        Tally tally = new Tally(asOf, true);
        patients.stream().sorted(Comparator.comparing(DemographicFacts::subjectId)).forEach(tally::add);
        return tally.summary(siteCodes);
    }

    /**
     * The figures added up a patient at a time, patients given in subject ID order: what it keeps grows with the
     * values' range (ages, days, counts), not with the patients, unless it keeps their rows for the answer.
     */
    public static final class Tally {

        private final LocalDate asOf;
        private final List<EnrollmentSummary.PatientRow> rows;
        private int enrolled;
        private int female;
        private int lymphodepleted;
        private final ValueCounts ages = new ValueCounts();
        private final ValueCounts baselinePlatelets = new ValueCounts();
        // The median from the days, not from the rows' rounded values: a duration is rounded once.
        private final ValueCounts diseaseDurationDays = new ValueCounts();
        private final ValueCounts priorTherapyCounts = new ValueCounts();
        private final Map<TherapyCategory, Integer> patientsByCategory = new EnumMap<>(TherapyCategory.class);
        private BigDecimal shortestFollowUp;
        private BigDecimal longestFollowUp;

        /** @param keepRows whether the answer lists a row per patient */
        public Tally(LocalDate asOf, boolean keepRows) {
            this.asOf = asOf;
            this.rows = keepRows ? new ArrayList<>() : null;
        }

        /** Counts the patient when consented by the cut-off. */
        public void add(DemographicFacts patient) {
            if (patient.consentDate() == null || patient.consentDate().isAfter(asOf)) {
                return;
            }
            EnrollmentSummary.PatientRow row = row(patient, asOf);
            enrolled++;
            if (row.sex() == Sex.F) {
                female++;
            }
            if (row.lymphodepleted()) {
                lymphodepleted++;
            }
            ages.add(row.ageYears());
            baselinePlatelets.add(row.baselinePlateletsPer1e9L());
            diseaseDurationDays.add(ChronoUnit.DAYS.between(patient.itpDiagnosisDate(), referenceDate(patient, asOf)));
            priorTherapyCounts.add(row.priorTherapyCount());
            row.priorTherapyCategories().forEach(category -> patientsByCategory.merge(category, 1, Integer::sum));
            if (row.followUpMonths() != null) {
                shortestFollowUp = shortestFollowUp == null ? row.followUpMonths()
                        : shortestFollowUp.min(row.followUpMonths());
                longestFollowUp = longestFollowUp == null ? row.followUpMonths()
                        : longestFollowUp.max(row.followUpMonths());
            }
            if (rows != null) {
                rows.add(row);
            }
        }

        /** The figures of the patients added; {@code patients} null unless the rows were kept. */
        public EnrollmentSummary summary(List<String> siteCodes) {
            Distribution therapyCounts = Distribution.of(priorTherapyCounts);
            return new EnrollmentSummary(asOf, siteCodes, enrolled, Distribution.of(ages), femalePercent(),
                    Distribution.of(baselinePlatelets),
                    DurationDistribution.of(Distribution.of(diseaseDurationDays), DurationUnit.YEARS,
                            DISEASE_DURATION_RULE),
                    new EnrollmentSummary.PriorTherapies(therapyCounts.median(), therapyCounts.min(),
                            therapyCounts.max(), new EnumMap<>(patientsByCategory)),
                    new EnrollmentSummary.FollowUp(shortestFollowUp, longestFollowUp, DurationUnit.MONTHS.label(),
                            FOLLOW_UP_RULE),
                    lymphodepleted, rows == null ? null : List.copyOf(rows));
        }

        private BigDecimal femalePercent() {
            if (enrolled == 0) {
                return null;
            }
            return BigDecimal.valueOf(female).multiply(HUNDRED).divide(BigDecimal.valueOf(enrolled), 1,
                    RoundingMode.HALF_UP);
        }
    }

    private static boolean infused(DemographicFacts patient, LocalDate asOf) {
        return patient.day0() != null && !patient.day0().isAfter(asOf);
    }

    /** Day 0 when infused by the cut-off, else the consent date. */
    private static LocalDate referenceDate(DemographicFacts patient, LocalDate asOf) {
        return infused(patient, asOf) ? patient.day0() : patient.consentDate();
    }

    private static EnrollmentSummary.PatientRow row(DemographicFacts patient, LocalDate asOf) {
        boolean infused = infused(patient, asOf);
        LocalDate referenceDate = referenceDate(patient, asOf);
        List<TherapyCategory> categories = patient.priorTherapies().stream().distinct().sorted().toList();
        return new EnrollmentSummary.PatientRow(patient.subjectId(), patient.siteCode(), patient.sex(),
                Period.between(patient.birthDate(), referenceDate).getYears(),
                patient.baselinePlateletCountPer1e9L().stripTrailingZeros(),
                DurationUnit.YEARS.between(patient.itpDiagnosisDate(), referenceDate),
                patient.priorTherapies().size(), categories,
                infused ? patient.infusedDoseLevel() : patient.enrolledDoseLevel(),
                patient.firstLymphodepletionDose() != null && !patient.firstLymphodepletionDose().isAfter(asOf),
                infused ? patient.day0() : null,
                infused ? DurationUnit.MONTHS.between(patient.day0(), asOf) : null);
    }
}
