package org.celltrial.enrollment.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.patient.Patient;
import org.celltrial.enrollment.patient.PatientIdentityRepository;
import org.celltrial.enrollment.patient.PatientStatus;
import org.celltrial.enrollment.patient.PriorTherapyRepository;
import org.celltrial.enrollment.protocol.ProtocolService;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Evaluates the protocol's eligibility criteria on the patient's screening data and the investigator's answers,
 * stores the assessment, and moves the patient to ELIGIBLE or INELIGIBLE.
 */
@ApplicationScoped
public class EligibilityService {

    private final EligibilityEvaluator evaluator = new EligibilityEvaluator();

    @Inject
    PatientAccess access;

    @Inject
    EligibilityAssessmentRepository assessments;

    @Inject
    PatientIdentityRepository identities;

    @Inject
    PriorTherapyRepository priorTherapies;

    @Inject
    ProtocolService protocols;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<EligibilityResponse> assess(UUID patientId, EligibilityRequest request) {
        LocalDate assessedOn = request.assessedOn() != null ? request.assessedOn() : LocalDate.now(clock);
        return access.visibleForUpdate(patientId).flatMap(patient -> protocols.current()
                .flatMap(protocol -> identities.findById(patientId)
                        .flatMap(person -> priorTherapies.ofPatient(patientId).map(therapies -> {
                            PatientFacts facts = new PatientFacts(person.birthDate, patient.itpDiagnosisDate,
                                    patient.baselinePlateletCountPer1e9L, therapies.stream()
                                            .map(t -> new PatientFacts.PriorTherapyFact(t.category, t.agent, t.start,
                                                    t.end, t.outcome))
                                            .toList());
                            // Computed criteria are judged as of screening, the day the data describe.
                            return evaluator.evaluate(protocol.definition.eligibility(), facts, request.answers(),
                                    patient.screeningDate);
                        }))
                        .flatMap(result -> {
                            requireComplete(result);
                            String before = patient.status.name();
                            patient.moveTo(result.outcome() == EligibilityOutcome.ELIGIBLE
                                    ? PatientStatus.ELIGIBLE
                                    : PatientStatus.INELIGIBLE, "an eligibility assessment");
                            EligibilityResponse response = new EligibilityResponse(patientId, patient.subjectId,
                                    assessedOn, protocol.version, result.outcome(), patient.status, result.criteria());
                            return store(patient, response)
                                    .call(() -> audit.record(AuditAction.STATUS_CHANGE, "Patient", patientId, before,
                                            response, "Eligibility assessed: " + result.outcome()))
                                    .replaceWith(response);
                        })));
    }

    /**
     * Needed but missing answers, and answers to unknown codes, make the assessment a 400 that lists them; nothing is
     * stored. An unmet criterion decides without the missing answers.
     */
    private static void requireComplete(EligibilityResult result) {
        List<Problem.Violation> violations = new ArrayList<>();
        result.unknownAnswerCodes().forEach(code ->
                violations.add(new Problem.Violation("answers." + code, "is not a criterion of this protocol")));
        if (result.outcome() == EligibilityOutcome.INCOMPLETE) {
            result.unansweredCodes().forEach(code ->
                    violations.add(new Problem.Violation("answers." + code, "must be answered true or false")));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION,
                    "The assessment needs an answer to every investigator criterion", violations);
        }
    }

    private Uni<Void> store(Patient patient, EligibilityResponse response) {
        EligibilityAssessment assessment = new EligibilityAssessment();
        assessment.id = UUID.randomUUID();
        assessment.patientId = patient.id;
        assessment.assessedOn = response.assessedOn();
        assessment.assessedBy = identity.getPrincipal().getName();
        assessment.outcome = response.outcome();
        assessment.createdAt = clock.instant();
        assessment.result = response;
        return assessments.persist(assessment).replaceWithVoid();
    }
}
