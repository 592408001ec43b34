package org.celltrial.enrollment.patient;

import static org.celltrial.common.validation.Decimals.tenths;

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
import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.review.RecordReview;
import org.celltrial.common.security.SiteScope;
import org.celltrial.common.versioning.Versions;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.protocol.ProtocolService;
import org.celltrial.enrollment.site.SiteRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Screening, reading, correcting and enrolling patients. */
@ApplicationScoped
public class PatientService {

    static final String ENTITY = "Patient";

    @Inject
    RecordReview review;

    @Inject
    PatientRepository patients;

    @Inject
    PatientIdentityRepository identities;

    @Inject
    PriorTherapyRepository priorTherapies;

    @Inject
    SiteRepository sites;

    @Inject
    PatientAccess access;

    @Inject
    ProtocolService protocols;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Created<PatientView>> screen(String idempotencyKey, ScreeningRequest request) {
        access.requireSite(request.siteCode());
        LocalDate screeningDate = request.screeningDate() != null ? request.screeningDate() : LocalDate.now(clock);
        checkDates(request, screeningDate);
        return idempotent.create(idempotencyKey, request, PatientView.class,
                () -> review.requireOpen(request.siteCode(), screeningDate)
                        .chain(() -> sites.lockForNextSubject(request.siteCode())).flatMap(site -> {
                    if (site == null) {
                        throw ProblemException.notFound("Site " + request.siteCode());
                    }
                    return patients.screeningNumberTaken(site.code, request.screeningNumber()).flatMap(taken -> {
                        if (taken) {
                            throw ProblemException.conflict("Screening number " + request.screeningNumber()
                                    + " is already used at " + site.code);
                        }
                        site.lastSubjectNumber++;
                        Patient patient = new Patient();
                        patient.id = UUID.randomUUID();
                        patient.subjectId = "CT-%s-%03d".formatted(site.code, site.lastSubjectNumber);
                        patient.siteCode = site.code;
                        patient.screeningNumber = request.screeningNumber();
                        patient.screeningDate = screeningDate;
                        patient.sex = request.sex();
                        patient.heightCm = tenths(request.heightCm());
                        patient.weightKg = tenths(request.weightKg());
                        patient.itpDiagnosisDate = request.itpDiagnosisDate();
                        patient.baselinePlateletCountPer1e9L = tenths(request.baselinePlateletCountPer1e9L());
                        patient.gpAutoantibodyPositive = request.gpAutoantibodyPositive();
                        patient.status = PatientStatus.SCREENING;
                        patient.createdAt = clock.instant();
                        PatientIdentity identity = new PatientIdentity();
                        identity.patientId = patient.id;
                        identity.birthDate = request.birthDate();
                        identity.initials = request.initials();
                        List<PriorTherapy> therapies = request.priorTherapies().stream().map(entry -> {
                            PriorTherapy therapy = new PriorTherapy();
                            therapy.id = UUID.randomUUID();
                            therapy.patientId = patient.id;
                            therapy.category = entry.category();
                            therapy.agent = entry.agent();
                            therapy.start = entry.start();
                            therapy.end = entry.end();
                            therapy.outcome = entry.outcome();
                            return therapy;
                        }).toList();
                        return patients.persist(patient)
                                .call(() -> identities.persist(identity))
                                // Panache cannot persist an empty list (it combines no Unis): a treatment-naive
                                // patient is screened, and eligibility judges it, not a 500 here
                                .call(() -> therapies.isEmpty() ? Uni.createFrom().voidItem()
                                        : priorTherapies.persist(therapies))
                                .call(patients::flush)
                                .map(saved -> PatientView.of(saved, identity, therapies))
                                .call(view -> audit.created(ENTITY, view.id(), view))
                                .map(view -> new Created<>(URI.create("patients/" + view.id()), view));
                    });
                }));
    }

    @WithSession
    public Uni<PatientView> get(UUID id) {
        return patients.details(id).map(found -> {
            access.requireVisible(id, found == null ? null : found.patient());
            return PatientView.of(found.patient(), found.identity(), found.therapies());
        });
    }

    @WithSession
    public Uni<Page<PatientSummary>> list(List<String> siteCodes, PatientStatus status, Integer limit,
            String cursor) {
        int size = Page.limit(limit);
        SiteScope scope = SiteScope.of(access.caller(), siteCodes);
        if (scope.coversNone()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        return patients.pageAfter(scope.sites(), status, Page.after(cursor), size + 1)
                .map(rows -> Page.of(rows, size, patient -> patient.subjectId, PatientSummary::of));
    }

    /**
     * Corrects screening data; If-Match must carry the version read. Old and new values go to the audit trail. Every
     * correction is a new version, also one of identifying data only (kept apart, in {@link PatientIdentity}): the
     * patient row is locked for the transaction and always changes ({@code lastCorrectedAt}), so of two corrections
     * made against the same version one is applied and the other is refused with 412.
     */
    @WithTransaction
    public Uni<PatientView> correct(UUID id, String ifMatch, PatientCorrection correction) {
        return access.visibleForUpdate(id).flatMap(patient -> {
            Versions.requireMatch(ifMatch, patient.version);
            if (correction.itpDiagnosisDate().isBefore(correction.birthDate())) {
                throw ProblemException.invalid("itpDiagnosisDate", "must not be before the birth date");
            }
            // screening data are dated the screening day: a correction into a locked period is refused
            return review.requireOpen(patient.siteCode, patient.screeningDate).chain(() -> view(patient))
                    .flatMap(before -> identities.findById(id).flatMap(identity -> {
                patient.sex = correction.sex();
                patient.heightCm = tenths(correction.heightCm());
                patient.weightKg = tenths(correction.weightKg());
                patient.itpDiagnosisDate = correction.itpDiagnosisDate();
                patient.baselinePlateletCountPer1e9L = tenths(correction.baselinePlateletCountPer1e9L());
                patient.gpAutoantibodyPositive = correction.gpAutoantibodyPositive();
                identity.birthDate = correction.birthDate();
                identity.initials = correction.initials();
                patient.lastCorrectedAt = clock.instant();
                return patients.flush()
                        .flatMap(flushed -> view(patient))
                        .call(after -> audit.record(AuditAction.CORRECT, ENTITY, id, before, after,
                                correction.reason()));
            }));
        });
    }

    /** Enrolls an eligible patient under the protocol version in force, at a dose level of that protocol. */
    @WithTransaction
    public Uni<PatientView> enroll(UUID id, EnrollmentRequest request) {
        return access.visibleForUpdate(id).flatMap(patient -> protocols.current().flatMap(protocol -> {
            if (protocol.definition.doseLevel(request.doseLevel()).isEmpty()) {
                throw ProblemException.invalid("doseLevel", "is not a dose level of protocol version "
                        + protocol.version);
            }
            String before = patient.status.name();
            patient.moveTo(PatientStatus.ENROLLED, "enrollment");
            patient.protocolVersion = protocol.version;
            patient.doseLevel = request.doseLevel();
            patient.consentDate = request.consentDate();
            return patients.flush().flatMap(flushed -> view(patient))
                    .call(after -> audit.record(AuditAction.STATUS_CHANGE, ENTITY, id, before, request,
                            "Enrolled at " + request.doseLevel()));
        }));
    }

    public Uni<PatientView> view(Patient patient) {
        return identities.findById(patient.id).flatMap(identity -> priorTherapies.ofPatient(patient.id)
                .map(therapies -> PatientView.of(patient, identity, therapies)));
    }

    private static void checkDates(ScreeningRequest request, LocalDate screeningDate) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.itpDiagnosisDate().isBefore(request.birthDate())) {
            violations.add(new Problem.Violation("itpDiagnosisDate", "must not be before the birth date"));
        }
        if (screeningDate.isBefore(request.itpDiagnosisDate())) {
            violations.add(new Problem.Violation("screeningDate", "must not be before the ITP diagnosis"));
        }
        for (int i = 0; i < request.priorTherapies().size(); i++) {
            PriorTherapyEntry therapy = request.priorTherapies().get(i);
            if (therapy.start() != null && therapy.end() != null && therapy.end().isBefore(therapy.start())) {
                violations.add(new Problem.Violation("priorTherapies[" + i + "].end", "must not be before start"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, violations.size() + " field(s) failed validation",
                    violations);
        }
    }
}
