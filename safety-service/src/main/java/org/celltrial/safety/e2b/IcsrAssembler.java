package org.celltrial.safety.e2b;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Relatedness;
import org.celltrial.safety.ae.SeriousnessCriterion;
import org.celltrial.safety.export.SdtmAeDataset;

/**
 * Turns a serious adverse event, its patient's reference and lab results into the facts of an E2B(R3) report, or
 * names every fact the report needs and the case lacks (never a report with a required element left out).
 * <p>
 * The worldwide case ID is the configured prefix and the event's ID, the same for every version; the report's
 * version is the event's own version plus one (a stored event counts from 0, every change to it increments it). The CAR-T product is the suspect drug, given on Day 0
 * at the patient's dose level, assessed by the investigator and, once a safety officer recorded it, by the sponsor;
 * each lymphodepletion agent is co-suspect when the investigator assessed the event as
 * possibly, probably or definitely related to lymphodepletion, else concomitant. Lab results (platelets, neutrophils)
 * from 7 days before the onset to 7 days after the end (or the onset, while ongoing) go with it.
 */
public final class IcsrAssembler {

    /** Days of lab results before the onset and after the end that go with a report. */
    static final int LAB_DAYS = 7;

    private final E2bConfig config;
    private final String sponsorStudyNumber;
    private final String meddraVersion;

    public IcsrAssembler(E2bConfig config, String sponsorStudyNumber, String meddraVersion) {
        this.config = config;
        this.sponsorStudyNumber = sponsorStudyNumber;
        this.meddraVersion = meddraVersion;
    }

    /** What the report needs and the case lacks, each named with its E2B(R3) data element; empty when complete. */
    public List<String> missing(AdverseEventView event, PatientReference patient) {
        List<String> missing = new ArrayList<>();
        if (!event.serious()) {
            missing.add("serious: only a serious adverse event is reported as an ICSR");
        }
        if (event.meddraCode() == null) {
            missing.add("meddraCode: the reaction's MedDRA code (E.i.2.1b)");
        }
        if (event.outcome() == null) {
            missing.add("outcome: the reaction's outcome (E.i.7)");
        }
        if (event.awarenessDate() == null) {
            missing.add("awarenessDate: the date the sponsor became aware of the case (C.1.4)");
        }
        if (event.relatedToCarT() == null) {
            missing.add("relatedToCarT: the investigator's causality assessment (G.k.9.i.2.r.3)");
        }
        if (patient.sex() == null || sex(patient.sex()) == 0) {
            missing.add("patient.sex (D.5)");
        }
        if (patient.ageAtInfusionYears() == null) {
            missing.add("patient.ageAtInfusionYears: the age at onset (D.2.2)");
        }
        if (patient.weightKg() == null) {
            missing.add("patient.weightKg (D.3)");
        }
        if (patient.day0() == null) {
            missing.add("patient.day0: the date the suspect product was given (G.k.4.r.4); the patient is not infused");
        }
        if (patient.doseLevel() == null) {
            missing.add("patient.doseLevel: the suspect product's dose (G.k.5)");
        }
        return missing;
    }

    /**
     * The report's facts; call only when {@link #missing} is empty.
     *
     * @param labs           the patient's results to choose from (any dates)
     * @param mostRecentInfo the day of the latest change to the event (C.1.5)
     */
    public IcsrFacts assemble(AdverseEventView event, PatientReference patient, List<IcsrFacts.Test> labs,
            LocalDate mostRecentInfo, Instant created) {
        int age = patient.ageAtInfusionYears();
        IcsrFacts.Patient subject = new IcsrFacts.Patient(event.subjectId(), sex(patient.sex()), age, ageGroup(age),
                patient.weightKg());
        IcsrFacts.Reaction reaction = new IcsrFacts.Reaction(event.ctcaeTerm(), event.meddraCode(), meddraVersion,
                event.onset(), event.resolvedOn(), event.seriousnessCriteria(), event.outcome(), event.grade());
        List<IcsrFacts.Drug> drugs = drugs(event, patient);
        LocalDate labsFrom = event.onset().minusDays(LAB_DAYS);
        LocalDate labsTo = (event.resolvedOn() == null ? event.onset() : event.resolvedOn()).plusDays(LAB_DAYS);
        List<IcsrFacts.Test> tests = labs.stream()
                .filter(test -> !test.date().isBefore(labsFrom) && !test.date().isAfter(labsTo))
                .toList();
        IcsrFacts.Study study = new IcsrFacts.Study(config.studyRegistrationNumber(),
                config.studyRegistrationCountry(), sponsorStudyNumber, config.studyTitle());
        return new IcsrFacts(config.caseIdPrefix() + "-" + event.id(), event.version() + 1, created,
                event.awarenessDate(), mostRecentInfo, suspectedUnexpected(event), study, subject, reaction, drugs,
                tests, narrative(event, patient, subject, drugs));
    }

    /** A SUSAR: serious, at least possibly related to CAR-T, and assessed as unexpected. */
    static boolean suspectedUnexpected(AdverseEventView event) {
        return event.serious() && related(event.relatedToCarT()) && Boolean.FALSE.equals(event.expected());
    }

    private List<IcsrFacts.Drug> drugs(AdverseEventView event, PatientReference patient) {
        List<IcsrFacts.Drug> drugs = new ArrayList<>();
        drugs.add(new IcsrFacts.Drug(config.productName(), 1, "Dose level " + patient.doseLevel()
                + ", single intravenous infusion on Day 0", patient.day0(), patient.day0(),
                SdtmAeDataset.relationship(event.relatedToCarT()), event.sponsorRelatedToCarT() == null ? null
                        : SdtmAeDataset.relationship(event.sponsorRelatedToCarT())));
        if (patient.lymphodepletionStart() != null) {
            Relatedness lymphodepletion = event.relatedToLymphodepletion();
            for (String agent : config.lymphodepletionAgents()) {
                drugs.add(new IcsrFacts.Drug(agent, related(lymphodepletion) ? 1 : 2, null,
                        patient.lymphodepletionStart(),
                        patient.lymphodepletionStart().plusDays(config.lymphodepletionDays() - 1L),
                        lymphodepletion == null ? null : SdtmAeDataset.relationship(lymphodepletion), null));
            }
        }
        return drugs;
    }

    /** The case in words, from the graded facts only (no name, initials or birth date). */
    static String narrative(AdverseEventView event, PatientReference patient, IcsrFacts.Patient subject,
            List<IcsrFacts.Drug> drugs) {
        StringBuilder text = new StringBuilder()
                .append("Study subject ").append(event.subjectId()).append(", ").append(subject.ageAtOnsetYears())
                .append("-year-old ").append(subject.sex() == 1 ? "male" : "female")
                .append(", ").append(subject.weightKg().toPlainString()).append(" kg, with immune thrombocytopenia");
        if (patient.lymphodepletionStart() != null) {
            text.append(", received lymphodepletion (")
                    .append(drugs.stream().skip(1).map(IcsrFacts.Drug::name).collect(Collectors.joining(", ")))
                    .append(") from ").append(patient.lymphodepletionStart());
        }
        text.append(" and ").append(drugs.get(0).name()).append(" (dose level ").append(patient.doseLevel()).append(") on ")
                .append(patient.day0()).append(" (Day 0). On ").append(event.onset()).append(" (Day ")
                .append(ChronoUnit.DAYS.between(patient.day0(), event.onset()))
                .append(") the subject developed ").append(event.ctcaeTerm()).append(", CTCAE grade ")
                .append(event.grade());
        if (event.derivedRule() != null) {
            text.append(" (").append(event.derivedRule()).append(')');
        }
        text.append(". Serious: ").append(event.seriousnessCriteria().stream()
                .map(criterion -> criterion.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "))).append('.');
        if (!event.treatments().isEmpty()) {
            text.append(" Treated with ").append(String.join(", ", event.treatments())).append('.');
        }
        text.append(" Outcome: ").append(event.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (event.resolvedOn() != null) {
            text.append(" on ").append(event.resolvedOn());
        }
        text.append(". Investigator's causality: ").append(SdtmAeDataset.relationship(event.relatedToCarT()))
                .append(" to ").append(drugs.get(0).name());
        if (event.relatedToLymphodepletion() != null) {
            text.append(", ").append(SdtmAeDataset.relationship(event.relatedToLymphodepletion()))
                    .append(" to lymphodepletion");
        }
        text.append('.');
        if (event.sponsorRelatedToCarT() != null) {
            text.append(" Sponsor's causality: ").append(SdtmAeDataset.relationship(event.sponsorRelatedToCarT()))
                    .append(" to ").append(drugs.get(0).name()).append('.');
        }
        if (event.expected() != null) {
            text.append(event.expected() ? " Expected" : " Unexpected")
                    .append(" per the reference safety information.");
        }
        return text.toString();
    }

    private static boolean related(Relatedness relatedness) {
        return relatedness == Relatedness.POSSIBLE || relatedness == Relatedness.PROBABLE
                || relatedness == Relatedness.DEFINITE;
    }

    /** ISO 5218: 1 male, 2 female, 0 not known. */
    static int sex(String sex) {
        return switch (sex == null ? "" : sex.toUpperCase(Locale.ROOT)) {
            case "MALE", "M" -> 1;
            case "FEMALE", "F" -> 2;
            default -> 0;
        };
    }

    /** D.2.3, by age in whole years: 2 infant, 3 child (2-11), 4 adolescent (12-17), 5 adult (18-64), 6 elderly. */
    static int ageGroup(int years) {
        if (years < 2) {
            return 2;
        }
        if (years < 12) {
            return 3;
        }
        if (years < 18) {
            return 4;
        }
        return years < 65 ? 5 : 6;
    }
}
