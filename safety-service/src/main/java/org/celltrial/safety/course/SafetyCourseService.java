package org.celltrial.safety.course;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.course.CourseParts;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.review.QueryService;
import org.celltrial.common.review.SignatureService;
import org.celltrial.safety.ae.AdverseEventService;
import org.celltrial.safety.crs.CrsService;
import org.celltrial.safety.icaht.IcahtService;
import org.celltrial.safety.icans.IcansService;

import io.smallrye.mutiny.Uni;

/** The patient's safety views in one answer, read as {@link CourseParts} says: CRS first, which decides. */
@ApplicationScoped
public class SafetyCourseService {

    @Inject
    PatientGate patients;

    @Inject
    CrsService crs;

    @Inject
    IcansService icans;

    @Inject
    IcahtService icaht;

    @Inject
    AdverseEventService adverseEvents;

    @Inject
    QueryService queries;

    @Inject
    SignatureService signatures;

    public Uni<SafetyCourse> course(UUID patientId) {
        return patients.sharingReferences(() -> crs.course(patientId)
                .flatMap(crsCourse -> CourseParts.later(icans.course(patientId))
                .flatMap(icansCourse -> CourseParts.later(icaht.icaht(patientId))
                .flatMap(icahtView -> CourseParts.later(adverseEvents.all(patientId))
                .flatMap(events -> CourseParts.later(queries.ofPatient(patientId))
                .flatMap(queriesOf -> CourseParts.later(signatures.ofPatient(patientId))
                .map(signed -> new SafetyCourse(crsCourse, icansCourse, icahtView, events, queriesOf,
                        signed))))))));
    }
}
