package org.celltrial.enrollment.infusion;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.validation.Decimals;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.deviation.DeviationCategory;
import org.celltrial.enrollment.deviation.DeviationService;
import org.celltrial.enrollment.lymphodepletion.AdministrationRepository;
import org.celltrial.enrollment.patient.PatientStatus;
import org.celltrial.enrollment.protocol.DoseLevel;
import org.celltrial.enrollment.protocol.ProtocolService;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Records the CAR-T infusion: it sets Day 0, computes the target dose from weight and dose level, and opens a
 * protocol deviation when the dose given is beyond the protocol's tolerance or at another dose level.
 */
@ApplicationScoped
public class InfusionService {

    private final CarTDoseCalculator calculator = new CarTDoseCalculator();

    @Inject
    PatientAccess access;

    @Inject
    InfusionRepository infusions;

    @Inject
    AdministrationRepository administrations;

    @Inject
    ProtocolService protocols;

    @Inject
    DeviationService deviations;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<InfusionView> infuse(UUID patientId, InfusionRequest request) {
        return access.visibleForUpdate(patientId, request.date()).flatMap(patient -> {
            String before = patient.status.name();
            patient.moveTo(PatientStatus.INFUSED, "an infusion");
            // No treatment before consent; the study summary's grade-0 counts rely on it (docs/api.md,
            // enrollment-service, Infusion).
            if (request.date().isBefore(patient.consentDate)) {
                throw ProblemException.invalid("date", "is before the consent date " + patient.consentDate);
            }
            return protocols.version(patient.protocolVersion).flatMap(protocol -> administrations
                    .ofPatient(patientId).flatMap(given -> {
                        given.stream().filter(a -> a.givenOn != null && a.givenOn.isAfter(request.date())).findAny()
                                .ifPresent(late -> {
                                    throw ProblemException.invalid("date", "is before lymphodepletion given on "
                                            + late.givenOn);
                                });
                        DoseLevel level = protocol.definition.doseLevel(request.doseLevel())
                                .orElseThrow(() -> ProblemException.invalid("doseLevel",
                                        "is not a dose level of protocol version " + protocol.version));
                        CarTDose dose = calculator.evaluate(level.cellsPerKg(), request.weightKg(),
                                request.totalCellsInfused(), protocol.definition.carTDoseTolerancePercent());
                        Infusion infusion = new Infusion();
                        infusion.patientId = patientId;
                        infusion.infusedOn = request.date();
                        infusion.weightKg = Decimals.tenths(request.weightKg());
                        infusion.doseLevel = level.code();
                        infusion.cellsPerKg = level.cellsPerKg();
                        infusion.targetCells = dose.targetCells();
                        infusion.totalCellsInfused = dose.infusedCells();
                        infusion.deviationPercent = dose.deviationPercent();
                        infusion.withinTolerance = dose.withinTolerance();
                        infusion.createdAt = clock.instant();
                        infusion.createdBy = identity.getPrincipal().getName();
                        patient.day0 = request.date();
                        boolean otherLevel = !level.code().equals(patient.doseLevel);
                        InfusionView view = new InfusionView(patientId, patient.subjectId, request.date(),
                                level.code(), level.cellsPerKg(), infusion.weightKg, dose.targetCells(),
                                dose.infusedCells(), dose.deviationPercent(), dose.withinTolerance(),
                                dose.explanation(), !dose.withinTolerance() || otherLevel);
                        Uni<?> outOfTolerance = dose.withinTolerance() ? Uni.createFrom().voidItem()
                                : deviations.record(patientId, DeviationCategory.CAR_T_DOSE_OUT_OF_TOLERANCE,
                                        dose.explanation(), request.date());
                        Uni<?> levelChanged = otherLevel
                                ? deviations.record(patientId, DeviationCategory.DOSE_LEVEL_CHANGED,
                                        "Infused at " + level.code() + " but enrolled at " + patient.doseLevel,
                                        request.date())
                                : Uni.createFrom().voidItem();
                        return infusions.persist(infusion)
                                .call(() -> outOfTolerance)
                                .call(() -> levelChanged)
                                .call(() -> audit.record(AuditAction.STATUS_CHANGE, "Patient", patientId, before,
                                        view, "CAR-T infusion: Day 0 = " + request.date()))
                                .replaceWith(view);
                    }));
        });
    }
}
