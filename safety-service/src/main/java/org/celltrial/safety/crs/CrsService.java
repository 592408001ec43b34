package org.celltrial.safety.crs;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.validation.Decimals;
import org.celltrial.safety.ae.AdverseEventService;
import org.celltrial.safety.ae.Origin;
import org.celltrial.safety.ctcae.CtcaeTerm;
import org.celltrial.safety.grading.CourseView;
import org.celltrial.safety.grading.GradedCourses;
import org.celltrial.safety.grading.GradedWriteService;
import org.celltrial.safety.grading.GradingSettings;
import org.celltrial.safety.grading.PatientGradingSettings;
import org.celltrial.safety.grading.StudyClock;

import io.smallrye.mutiny.Uni;

/** Vital signs in, CRS graded by ASTCT out: every new observation regrades the course and its adverse events. */
@ApplicationScoped
public class CrsService {

    private static final BigDecimal LOW_FLOW_MAX_LPM = BigDecimal.valueOf(6);

    @Inject
    PatientRecords records;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    PatientGate patients;

    @Inject
    VitalsRepository vitals;

    @Inject
    GradedCourses courses;

    @Inject
    PatientGradingSettings settings;

    @Inject
    GradedWriteService writes;

    @Inject
    AdverseEventService events;

    /**
     * Stores the vital signs and regrades the course. Enrollment-service answers first (the patient, the caller's
     * right to write there, the protocol it is graded under), with no connection held; then one transaction: the
     * patient's lock, the idempotent create of the record with its audit row, the regrade.
     */
    public Uni<Created<VitalsView>> record(UUID patientId, String idempotencyKey, VitalsRequest request) {
        checkOxygen(request);
        checkAttribution(request);
        return writes.write(patientId, (patient, under) -> idempotent.create(idempotencyKey, request, VitalsView.class,
                () -> records.store(patient, vitals(request), "vitals", VitalsView::of)
                        .call(() -> writes.regradeAndPin(patient, under, this::regrade))));
    }

    private static VitalsRecord vitals(VitalsRequest request) {
        VitalsRecord record = new VitalsRecord();
        record.at = request.at();
        record.temperatureC = Decimals.tenths(request.temperatureC());
        record.hypotension = request.hypotension();
        record.oxygen = request.oxygen();
        record.oxygenLpm = Decimals.tenths(request.oxygenLpm());
        record.antipyreticOrAntiCytokine = request.antipyreticOrAntiCytokine();
        record.attributedToOtherCause = request.attributedToOtherCause();
        record.otherCause = request.attributedToOtherCause() == null ? null : request.otherCause().strip();
        return record;
    }

    /** Voids a mistaken record; the course is regraded without it and its adverse events kept in step. */
    public Uni<Void> voidRecord(UUID patientId, UUID recordId, String ifMatch, String reason) {
        return writes.voidRecord(patientId, VitalsRecord.class, recordId, ifMatch, reason, VitalsView::of,
                this::regrade);
    }

    /**
     * The vital signs as observed, for a caller who may see them (scoped by the site stored with them). No session
     * here: the repository's closes before enrollment is asked (when nothing is stored).
     */
    public Uni<Page<VitalsView>> vitals(UUID patientId, Integer limit, String cursor) {
        return vitals.ofPatient(patientId)
                .call(found -> patients.readable(patientId, found))
                .map(found -> Page.slice(found, limit, cursor, r -> Page.key(r.at) + "|" + r.id, VitalsView::of));
    }

    /** The course graded under the protocol version the patient's stored grades come from (sessions: the repositories'). */
    public Uni<CourseView> course(UUID patientId) {
        return patients.reference(patientId)
                .flatMap(patient -> settings.of(patientId).flatMap(under -> course(patient, under)));
    }

    /** Regrades the course under these settings and brings its adverse events in step. */
    public Uni<Void> regrade(PatientReference patient, GradingSettings under) {
        return course(patient, under).flatMap(course -> events.synchronise(patient, Origin.CRS,
                courses.events(course, CtcaeTerm.CYTOKINE_RELEASE_SYNDROME, "ASTCT CRS")));
    }

    private Uni<CourseView> course(PatientReference patient, GradingSettings under) {
        StudyClock clock = courses.clock(patient);
        return vitals.observationsOf(patient.id()).map(observed -> courses.course(
                new CrsGrader(under.episodeResolutionWindow()).gradeAll(observed, clock),
                clock, under, CrsGrader.VERSION));
    }

    /** A finding attributed to another cause names that cause, and a cause goes only with an attribution. */
    private static void checkAttribution(VitalsRequest request) {
        boolean named = request.otherCause() != null && !request.otherCause().isBlank();
        if (request.attributedToOtherCause() != null && !named) {
            throw ProblemException.invalid("otherCause", "name the cause the findings are attributed to (e.g. sepsis)");
        }
        if (request.attributedToOtherCause() == null && request.otherCause() != null) {
            throw ProblemException.invalid("attributedToOtherCause",
                    "say which findings (HYPOTENSION, HYPOXIA or BOTH) the other cause explains");
        }
    }

    /** The oxygen category and the flow must agree (docs/api.md): low flow is at most 6 L/min. */
    private static void checkOxygen(VitalsRequest request) {
        if (request.oxygen() == OxygenSupport.LOW_FLOW && request.oxygenLpm() != null
                && request.oxygenLpm().compareTo(LOW_FLOW_MAX_LPM) > 0) {
            throw ProblemException.invalid("oxygenLpm", "LOW_FLOW is at most 6 L/min; more is HIGH_FLOW");
        }
        if (request.oxygen() == OxygenSupport.NONE && request.oxygenLpm() != null
                && request.oxygenLpm().signum() > 0) {
            throw ProblemException.invalid("oxygenLpm", "no oxygen flow goes with oxygen NONE");
        }
    }
}
