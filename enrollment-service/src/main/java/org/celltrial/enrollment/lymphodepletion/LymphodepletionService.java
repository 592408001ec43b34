package org.celltrial.enrollment.lymphodepletion;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.deviation.DeviationService;
import org.celltrial.enrollment.patient.Patient;
import org.celltrial.enrollment.patient.PatientStatus;
import org.celltrial.enrollment.protocol.ProtocolDefinition;
import org.celltrial.enrollment.protocol.ProtocolService;
import org.celltrial.enrollment.record.EnrollmentRecords;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Plans lymphodepletion from the patient's protocol and records what was given, or that it was omitted; voids a
 * mistaken record.
 */
@ApplicationScoped
public class LymphodepletionService {

    private static final String ENTITY = "LymphodepletionAdministration";

    private final LymphodepletionPlanner planner = new LymphodepletionPlanner();

    @Inject
    PatientAccess access;

    @Inject
    PlanRepository plans;

    @Inject
    AdministrationRepository administrations;

    @Inject
    ProtocolService protocols;

    @Inject
    DeviationService deviations;

    @Inject
    EnrollmentRecords records;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /** Plans (or re-plans) the doses of an enrolled patient; the latest plan counts. */
    @WithTransaction
    public Uni<PlanView> plan(UUID patientId, PlanRequest request) {
        return access.visibleForUpdate(patientId).flatMap(patient -> {
            if (patient.status != PatientStatus.ENROLLED) {
                throw ProblemException.conflict("Lymphodepletion is planned for an ENROLLED patient; "
                        + patient.subjectId + " is " + patient.status);
            }
            return protocols.version(patient.protocolVersion).flatMap(protocol -> {
                ProtocolDefinition definition = protocol.definition;
                LymphodepletionPlan computed = planner.plan(definition.lymphodepletion(),
                        request.plannedInfusionDate(), request.heightCm(), request.weightKg(),
                        request.creatinineClearanceMlMin(), definition.dosing());
                PlanView view = new PlanView(UUID.randomUUID(), patientId, request.plannedInfusionDate(),
                        protocol.version, request.heightCm(), request.weightKg(), request.creatinineClearanceMlMin(),
                        computed.bsaM2(), computed.bsaFormula(), computed.doses());
                StoredPlan stored = new StoredPlan();
                stored.id = view.id();
                stored.patientId = patientId;
                stored.plannedInfusion = view.plannedInfusionDate();
                stored.plan = view;
                stored.createdAt = clock.instant();
                stored.createdBy = identity.getPrincipal().getName();
                return plans.persist(stored).call(() -> audit.created("LymphodepletionPlan", view.id(), view))
                        .replaceWith(view);
            });
        });
    }

    @WithTransaction
    public Uni<Created<AdministrationView>> administer(UUID patientId, String idempotencyKey,
            AdministrationRequest request) {
        LocalDate dosedOn = request.date() != null ? request.date() : LocalDate.now(clock);
        return access.visibleForUpdate(patientId, dosedOn).flatMap(patient -> idempotent.create(idempotencyKey,
                request, AdministrationView.class, () -> protocols.version(requireEnrolled(patient))
                        .flatMap(protocol -> administrations.ofPatient(patientId).flatMap(given -> {
                            checkAdministration(request, protocol.definition, given, patient);
                            patient.moveTo(PatientStatus.LYMPHODEPLETED, "lymphodepletion");
                            Administration administration = new Administration();
                            administration.id = UUID.randomUUID();
                            administration.patientId = patientId;
                            administration.omitted = request.isOmission();
                            administration.agent = request.agent();
                            administration.givenOn = request.date();
                            administration.doseMg = request.doseMg();
                            administration.reason = request.reason();
                            administration.createdAt = clock.instant();
                            administration.createdBy = identity.getPrincipal().getName();
                            return plans.latest(patientId).flatMap(plan -> {
                                AdministrationView view = AdministrationView.of(administration,
                                        plan == null ? null : plan.plannedInfusion);
                                Uni<?> deviation = administration.omitted
                                        ? deviations.recordOmission(patientId, administration.id,
                                                "Lymphodepletion omitted: " + request.reason(),
                                                request.date() != null ? request.date() : LocalDate.now(clock))
                                        : Uni.createFrom().voidItem();
                                return administrations.persist(administration)
                                        .call(() -> deviation)
                                        .call(() -> audit.created(ENTITY, view.id(), view))
                                        .map(saved -> new Created<>(URI.create("patients/" + patientId
                                                + "/lymphodepletion/administrations/" + view.id()), view));
                            });
                        }))));
    }

    /**
     * Voids a mistaken dose or omission with a reason (it stays, marked void); If-Match must carry its version.
     * Voiding an omission also voids the LYMPHODEPLETION_OMITTED deviation it recorded, with the same reason: an
     * omission that did not happen (entered for the wrong patient, say) was no deviation either. Only records in
     * force count afterwards, so doses (or an omission) may be recorded again. When none is left, a LYMPHODEPLETED
     * patient is ENROLLED again, so that an infusion cannot follow a lymphodepletion no record shows.
     */
    @WithTransaction
    public Uni<Void> voidAdministration(UUID patientId, UUID administrationId, String ifMatch, String reason) {
        return records.voidRecord(Administration.class, ENTITY, patientId, administrationId, ifMatch, reason,
                administration -> AdministrationView.of(administration, null),
                (patient, administration) -> (administration.omitted
                        ? deviations.voidRecordedByOmission(patientId, administrationId, reason)
                        : Uni.createFrom().voidItem())
                        .call(() -> reenrollWhenNothingIsLeft(patient, reason)));
    }

    private Uni<?> reenrollWhenNothingIsLeft(Patient patient, String reason) {
        if (patient.status != PatientStatus.LYMPHODEPLETED) {
            return Uni.createFrom().voidItem();
        }
        return administrations.ofPatient(patient.id).flatMap(left -> {
            if (!left.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            // The inverse of the step that recorded the first administration; moveTo would refuse it, since
            // enrollment as a step follows only eligibility.
            patient.status = PatientStatus.ENROLLED;
            return audit.record(AuditAction.STATUS_CHANGE, "Patient", patient.id, PatientStatus.LYMPHODEPLETED.name(),
                    PatientStatus.ENROLLED.name(), reason);
        });
    }

    @WithSession
    public Uni<LymphodepletionView> get(UUID patientId) {
        return access.visible(patientId).flatMap(patient -> plans.latest(patientId)
                .flatMap(plan -> administrations.ofPatient(patientId).map(given -> {
                    LocalDate plannedDay0 = plan == null ? null : plan.plannedInfusion;
                    return new LymphodepletionView(plan == null ? null : plan.plan,
                            given.stream().map(a -> AdministrationView.of(a, plannedDay0)).toList());
                })));
    }

    private static int requireEnrolled(Patient patient) {
        if (patient.protocolVersion == null) {
            throw ProblemException.conflict(patient.subjectId + " is " + patient.status
                    + "; lymphodepletion is recorded after enrollment");
        }
        return patient.protocolVersion;
    }

    /** A dose names an agent of the regimen, a date and a dose; an omission only a reason, and stands alone. */
    private static void checkAdministration(AdministrationRequest request, ProtocolDefinition protocol,
            List<Administration> given, Patient patient) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.isOmission()) {
            if (request.reason() == null || request.reason().isBlank()) {
                violations.add(new Problem.Violation("reason", "is required when lymphodepletion is omitted"));
            }
            if (request.agent() != null || request.doseMg() != null) {
                violations.add(new Problem.Violation("omitted", "an omission carries no agent or dose"));
            }
        } else {
            if (request.agent() == null) {
                violations.add(new Problem.Violation("agent", "is required"));
            } else if (protocol.lymphodepletion().stream().noneMatch(a -> a.agent().equals(request.agent()))) {
                violations.add(new Problem.Violation("agent", "is not an agent of the protocol's regimen "
                        + protocol.lymphodepletion().stream().map(a -> a.agent()).toList()));
            }
            if (request.date() == null) {
                violations.add(new Problem.Violation("date", "is required"));
            }
            if (request.doseMg() == null) {
                violations.add(new Problem.Violation("doseMg", "is required"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, violations.size() + " field(s) failed validation",
                    violations);
        }
        if (given.stream().anyMatch(a -> a.omitted)) {
            throw ProblemException.conflict("Lymphodepletion was recorded as omitted for " + patient.subjectId
                    + "; nothing more can be recorded against it");
        }
        if (request.isOmission() && !given.isEmpty()) {
            throw ProblemException.conflict(given.size() + " dose(s) are already recorded for " + patient.subjectId
                    + "; lymphodepletion cannot also be omitted");
        }
    }
}
