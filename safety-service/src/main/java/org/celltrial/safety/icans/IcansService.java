package org.celltrial.safety.icans;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
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
import org.celltrial.safety.ae.AdverseEventService;
import org.celltrial.safety.ae.Origin;
import org.celltrial.safety.ctcae.CtcaeTerm;
import org.celltrial.safety.grading.CourseView;
import org.celltrial.safety.grading.GradedCourses;
import org.celltrial.safety.grading.GradedObservation;
import org.celltrial.safety.grading.GradedWriteService;
import org.celltrial.safety.grading.GradingSettings;
import org.celltrial.safety.grading.PatientGradingSettings;
import org.celltrial.safety.grading.StudyClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

/**
 * Neurological assessments in, ICANS graded by ASTCT out (ICE above the protocol's CAPD age, CAPD up to it, the age
 * on the day of the assessment); every assessment regrades the course and its adverse events.
 */
@ApplicationScoped
public class IcansService {

    private final IcansGrader grader = new IcansGrader();

    @Inject
    PatientRecords records;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    PatientGate patients;

    @Inject
    NeuroRepository assessments;

    @Inject
    GradedCourses courses;

    @Inject
    PatientGradingSettings settings;

    @Inject
    GradedWriteService writes;

    @Inject
    AdverseEventService events;

    @ConfigProperty(name = "celltrial.safety.zone", defaultValue = "UTC")
    ZoneId zone;

    /**
     * Stores the assessment and regrades the course: enrollment-service answers first (the patient, the caller's right
     * to write there, the protocol), with no connection held; then one transaction: the patient's lock, the
     * idempotent create with its audit row, the regrade.
     */
    public Uni<Created<NeuroView>> record(UUID patientId, String idempotencyKey, NeuroRequest request) {
        return writes.write(patientId, (patient, under) -> idempotent.create(idempotencyKey, request, NeuroView.class,
                () -> records.store(patient, assessment(request, patient, under), "neuro-assessments", NeuroView::of)
                        .call(() -> writes.regradeAndPin(patient, under, this::regrade))));
    }

    /** The record of an assessment, its scores checked against the patient's age at the time (ICE or CAPD). */
    private NeuroRecord assessment(NeuroRequest request, PatientReference patient, GradingSettings under) {
        request.checkScores(age(patient, request.at()), under.capdMaxAgeYears());
        NeuroRecord record = new NeuroRecord();
        record.at = request.at();
        if (request.ice() != null) {
            record.iceOrientation = request.ice().orientation();
            record.iceNaming = request.ice().naming();
            record.iceCommands = request.ice().commands();
            record.iceWriting = request.ice().writing();
            record.iceAttention = request.ice().attention();
        }
        record.iceStatus = request.iceStatusOrDefault();
        record.capdScore = request.capdScore();
        record.capdStatus = request.capdStatusOrDefault();
        record.consciousness = request.consciousness();
        record.seizure = request.seizure();
        record.motorWeakness = request.motorWeakness();
        record.cerebralEdema = request.cerebralEdema();
        return record;
    }

    /** Voids a mistaken record; the course is regraded without it and its adverse events kept in step. */
    public Uni<Void> voidRecord(UUID patientId, UUID recordId, String ifMatch, String reason) {
        return writes.voidRecord(patientId, NeuroRecord.class, recordId, ifMatch, reason, NeuroView::of,
                this::regrade);
    }

    /** The neurological assessments as observed, for a caller who may see them (scoped by the site stored with them). */
    public Uni<Page<NeuroView>> assessments(UUID patientId, Integer limit, String cursor) {
        return assessments.ofPatient(patientId)
                .call(found -> patients.readable(patientId, found))
                .map(found -> Page.slice(found, limit, cursor, r -> Page.key(r.at) + "|" + r.id, NeuroView::of));
    }

    /** The course graded under the protocol version the patient's stored grades come from (sessions: the repositories'). */
    public Uni<CourseView> course(UUID patientId) {
        return patients.reference(patientId)
                .flatMap(patient -> settings.of(patientId).flatMap(under -> course(patient, under)));
    }

    /** Regrades the course under these settings and brings its adverse events in step. */
    public Uni<Void> regrade(PatientReference patient, GradingSettings under) {
        return course(patient, under).flatMap(course -> events.synchronise(patient, Origin.ICANS, courses.events(
                course, CtcaeTerm.IMMUNE_EFFECTOR_CELL_ASSOCIATED_NEUROTOXICITY_SYNDROME, "ASTCT ICANS")));
    }

    /** ICANS is graded from Day 0 on; earlier assessments are kept without a grade (docs/clinical-rules.md, ICANS). */
    private Uni<CourseView> course(PatientReference patient, GradingSettings under) {
        StudyClock clock = courses.clock(patient);
        return assessments.ofPatient(patient.id()).map(found -> courses.course(found.stream()
                .map(record -> clock.notGradedReason(record.at)
                        .map(reason -> GradedObservation.notGraded(record.at, reason, "ICANS",
                                "neurological assessment recorded"))
                        .orElseGet(() -> grader.grade(record.assessment(), age(patient, record.at),
                                under.capdMaxAgeYears())))
                .toList(), clock, under, IcansGrader.VERSION));
    }

    /** Whole years on the day of the assessment. */
    private int age(PatientReference patient, Instant at) {
        if (patient.birthDate() == null) {
            throw ProblemException.conflict("The patient's birth date is needed to choose ICE or CAPD, and your "
                    + "role does not see it");
        }
        return Period.between(patient.birthDate(), at.atZone(zone).toLocalDate()).getYears();
    }
}
