package org.celltrial.safety.e2b;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.celltrial.safety.ae.Outcome;
import org.celltrial.safety.ae.SeriousnessCriterion;

/**
 * The facts of one ICH E2B(R3) individual case safety report (one serious adverse event of one patient), as
 * {@link IcsrWriter} writes them and a receiver reads them back. The patient is a pseudonym: no name, initials or
 * birth date.
 *
 * @param worldwideCaseId  C.1.8.1, the same for every version of the case; also C.1.1
 * @param version          the case's version: 1 for the initial report, more for each follow-up
 * @param firstReceived    C.1.4, the day the sponsor became aware of the event
 * @param mostRecentInfo   C.1.5, the day of the latest change to the case
 * @param expedited        C.1.7, a SUSAR (related and unexpected): expedited reporting
 * @param ageAtOnsetYears  D.2.2 (unit "a")
 * @param narrative        H.1, generated from the graded facts
 */
public record IcsrFacts(
        String worldwideCaseId,
        int version,
        Instant created,
        LocalDate firstReceived,
        LocalDate mostRecentInfo,
        boolean expedited,
        Study study,
        Patient patient,
        Reaction reaction,
        List<Drug> drugs,
        List<Test> tests,
        String narrative) {

    /** C.5: the study by its registration number (C.5.1.r.1, with its country) and sponsor study number (C.5.3). */
    public record Study(String registrationNumber, String registrationCountry, String sponsorStudyNumber,
            String title) {
    }

    /**
     * D: the patient as the study knows it, by subject ID (D.1.1.4, investigation number) only.
     *
     * @param sex ISO 5218: 1 male, 2 female
     */
    public record Patient(String subjectId, int sex, int ageAtOnsetYears, int ageGroup, BigDecimal weightKg) {
    }

    /** E.i: the reaction, coded as a MedDRA lowest level term of the study's MedDRA version. */
    public record Reaction(String term, String meddraCode, String meddraVersion, LocalDate start, LocalDate end,
            List<SeriousnessCriterion> criteria, Outcome outcome, int ctcaeGrade) {
    }

    /**
     * G.k: a drug. Role (G.k.1): 1 suspect, 2 concomitant. The investigator's and the sponsor's causality
     * (G.k.9.i.2.r, sources "Investigator" and "Sponsor", method "Global Introspection") are given where each
     * assessed it.
     *
     * @param investigatorCausality the CDISC relationship wording (e.g. "PROBABLY RELATED"); null if not assessed
     * @param sponsorCausality      the sponsor's, in the same wording; null if not assessed
     */
    public record Drug(String name, int role, String dosage, LocalDate start, LocalDate end,
            String investigatorCausality, String sponsorCausality) {
    }

    /** F.r: a laboratory result in UCUM units, with its normal range when the result had one. */
    public record Test(String name, LocalDate date, BigDecimal value, String unit, BigDecimal low, BigDecimal high) {
    }
}
