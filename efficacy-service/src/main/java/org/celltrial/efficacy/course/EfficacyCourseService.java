package org.celltrial.efficacy.course;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.course.CourseParts;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.review.QueryService;
import org.celltrial.common.review.SignatureService;
import org.celltrial.efficacy.antibody.AutoantibodyService;
import org.celltrial.efficacy.bcell.BCellService;
import org.celltrial.efficacy.kinetics.KineticsService;
import org.celltrial.efficacy.platelet.PlateletService;
import org.celltrial.efficacy.response.ResponseService;

import io.smallrye.mutiny.Uni;

/**
 * The patient's efficacy views in one answer, read as {@link CourseParts} says: the response first, which decides
 * (before Day 0 its 409 is the answer, as it was the gateway's when it read each view on its own).
 */
@ApplicationScoped
public class EfficacyCourseService {

    @Inject
    PatientGate patients;

    @Inject
    ResponseService responses;

    @Inject
    PlateletService platelets;

    @Inject
    AutoantibodyService autoantibodies;

    @Inject
    KineticsService kinetics;

    @Inject
    BCellService bCells;

    @Inject
    QueryService queries;

    @Inject
    SignatureService signatures;

    public Uni<EfficacyCourse> course(UUID patientId) {
        return patients.sharingReferences(() -> responses.response(patientId, null)
                .flatMap(response -> CourseParts.later(platelets.all(patientId))
                .flatMap(counts -> CourseParts.later(autoantibodies.series(patientId, null))
                .flatMap(antibodies -> CourseParts.later(kinetics.series(patientId, null))
                .flatMap(carT -> CourseParts.later(bCells.series(patientId, null))
                .flatMap(cd19 -> CourseParts.later(queries.ofPatient(patientId))
                .flatMap(queriesOf -> CourseParts.later(signatures.ofPatient(patientId))
                .map(signed -> new EfficacyCourse(response, counts, antibodies, carT, cd19, queriesOf,
                        signed)))))))));
    }
}
