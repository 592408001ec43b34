package org.celltrial.enrollment.schedule;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.lymphodepletion.PlanRepository;
import org.celltrial.enrollment.protocol.ProtocolService;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ScheduleService {

    private final VisitScheduler scheduler = new VisitScheduler();

    @Inject
    PatientAccess access;

    @Inject
    PlanRepository plans;

    @Inject
    ProtocolService protocols;

    @WithSession
    public Uni<ScheduleView> schedule(UUID patientId) {
        return access.visible(patientId).flatMap(patient -> {
            if (patient.protocolVersion == null) {
                throw ProblemException.conflict(patient.subjectId + " is " + patient.status
                        + "; the visit schedule starts with enrollment");
            }
            return plans.latest(patientId).flatMap(plan -> {
                LocalDate day0 = patient.day0 != null ? patient.day0 : plan == null ? null : plan.plannedInfusion;
                if (day0 == null) {
                    throw ProblemException.conflict("Neither Day 0 nor a planned infusion date is known for "
                            + patient.subjectId + "; plan lymphodepletion first");
                }
                String basis = patient.day0 != null ? "INFUSION" : "PLANNED_INFUSION";
                return protocols.version(patient.protocolVersion).map(protocol -> new ScheduleView(patientId,
                        protocol.version, basis, day0,
                        scheduler.schedule(protocol.definition.visitSchedule(), day0)));
            });
        });
    }
}
