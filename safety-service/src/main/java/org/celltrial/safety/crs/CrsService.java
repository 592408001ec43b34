package org.celltrial.safety.crs;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.validation.Decimals;
import org.celltrial.safety.ae.AdverseEventService;
import org.celltrial.safety.ae.Origin;
import org.celltrial.safety.ctcae.CtcaeTerm;
import org.celltrial.safety.grading.CourseView;
import org.celltrial.safety.grading.GradedCourses;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Vital signs in, CRS graded by ASTCT out: every new observation regrades the course and its adverse events. */
@ApplicationScoped
public class CrsService {

    private static final BigDecimal LOW_FLOW_MAX_LPM = BigDecimal.valueOf(6);

    private final CrsGrader grader = new CrsGrader();

    @Inject
    PatientRecords records;

    @Inject
    PatientGate patients;

    @Inject
    VitalsRepository vitals;

    @Inject
    GradedCourses courses;

    @Inject
    AdverseEventService events;

    @WithTransaction
    public Uni<Created<VitalsView>> record(UUID patientId, String idempotencyKey, VitalsRequest request) {
        checkOxygen(request);
        return records.record(patientId, idempotencyKey, request, "vitals", VitalsView.class, patient -> {
            VitalsRecord record = new VitalsRecord();
            record.at = request.at();
            record.temperatureC = Decimals.tenths(request.temperatureC());
            record.hypotension = request.hypotension();
            record.oxygen = request.oxygen();
            record.oxygenLpm = Decimals.tenths(request.oxygenLpm());
            record.antipyreticOrAntiCytokine = request.antipyreticOrAntiCytokine();
            return record;
        }, VitalsView::of, (patient, recorded) -> regrade(patient));
    }

    /** Voids a mistaken record; the course is regraded without it and its adverse events kept in step. */
    @WithTransaction
    public Uni<Void> voidRecord(UUID patientId, UUID recordId, String ifMatch, String reason) {
        return records.voidRecord(VitalsRecord.class, patientId, recordId, ifMatch, reason,
                (patient, voided) -> regrade(patient));
    }

    /** The vital signs as observed, for a caller who may see them (scoped by the site stored with them). */
    @WithSession
    public Uni<Page<VitalsView>> vitals(UUID patientId, Integer limit, String cursor) {
        return vitals.ofPatient(patientId)
                .call(found -> patients.readable(patientId, found))
                .map(found -> Page.slice(found, limit, cursor, r -> Page.key(r.at) + "|" + r.id, VitalsView::of));
    }

    @WithSession
    public Uni<CourseView> course(UUID patientId) {
        return patients.reference(patientId).flatMap(this::course);
    }

    private Uni<CourseView> course(PatientReference patient) {
        return vitals.ofPatient(patient.id()).map(observed -> courses.course(
                grader.gradeAll(observed.stream().map(VitalsRecord::observation).toList()), patient.day0()));
    }

    private Uni<Void> regrade(PatientReference patient) {
        return course(patient).flatMap(course -> events.synchronise(patient, Origin.CRS,
                courses.events(course, CtcaeTerm.CYTOKINE_RELEASE_SYNDROME, "ASTCT CRS", CrsGrader.VERSION)));
    }

    /** The oxygen category and the flow must agree (api.md): low flow is at most 6 L/min. */
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
