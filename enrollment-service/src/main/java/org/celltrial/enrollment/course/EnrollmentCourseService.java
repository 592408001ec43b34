package org.celltrial.enrollment.course;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.course.CourseParts;
import org.celltrial.enrollment.deviation.DeviationService;
import org.celltrial.enrollment.lymphodepletion.LymphodepletionService;
import org.celltrial.enrollment.patient.PatientService;
import org.celltrial.enrollment.schedule.ScheduleService;
import org.celltrial.enrollment.therapy.TherapyService;

import io.smallrye.mutiny.Uni;

/** The patient's enrollment views in one answer, read as {@link CourseParts} says: the patient first, which decides. */
@ApplicationScoped
public class EnrollmentCourseService {

    @Inject
    PatientService patients;

    @Inject
    LymphodepletionService lymphodepletion;

    @Inject
    ScheduleService schedules;

    @Inject
    TherapyService therapies;

    @Inject
    DeviationService deviations;

    public Uni<EnrollmentCourse> course(UUID patientId) {
        return patients.get(patientId)
                .flatMap(patient -> CourseParts.later(lymphodepletion.get(patientId))
                .flatMap(plan -> CourseParts.later(schedules.schedule(patientId))
                .flatMap(schedule -> CourseParts.later(therapies.all(patientId))
                .flatMap(therapiesOf -> CourseParts.later(deviations.all(patientId))
                .map(deviationsOf -> new EnrollmentCourse(patient, plan, schedule, therapiesOf, deviationsOf))))));
    }
}
