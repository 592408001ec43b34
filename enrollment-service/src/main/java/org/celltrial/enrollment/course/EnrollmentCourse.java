package org.celltrial.enrollment.course;

import java.util.List;

import org.celltrial.enrollment.deviation.DeviationView;
import org.celltrial.enrollment.lymphodepletion.LymphodepletionView;
import org.celltrial.enrollment.patient.PatientView;
import org.celltrial.enrollment.schedule.ScheduleView;
import org.celltrial.enrollment.therapy.TherapyView;

/**
 * Enrollment-service's part of a patient's course, each field as its own endpoint answers it (every therapy and
 * deviation, not a page); a field is null where that endpoint refuses (the schedule before enrollment).
 */
public record EnrollmentCourse(PatientView patient, LymphodepletionView lymphodepletion, ScheduleView schedule,
        List<TherapyView> therapies, List<DeviationView> deviations) {
}
