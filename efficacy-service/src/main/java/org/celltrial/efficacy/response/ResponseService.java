package org.celltrial.efficacy.response;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.efficacy.measurement.MeasurementRepository;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.efficacy.platelet.PlateletCountRecord;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads a patient's IWG response from the platelet counts and enrollment's reference data. */
@ApplicationScoped
public class ResponseService {

    private final IwgResponseEvaluator evaluator = new IwgResponseEvaluator();

    @Inject
    PatientGate patients;

    @Inject
    MeasurementRepository measurements;

    @Inject
    IwgConfig config;

    @WithSession
    public Uni<ResponseView> response(UUID patientId, LocalDate asOf) {
        return patients.reference(patientId).flatMap(patient -> {
            if (patient.day0() == null) {
                throw ProblemException.conflict(patient.subjectId()
                        + " has not been infused: the response is read from Day 0 on");
            }
            return assess(patient, asOf).map(assessment -> ResponseView.of(patientId, patient.subjectId(), asOf,
                    assessment));
        });
    }

    /** The assessment of an infused patient, for one patient or for the summary. */
    public Uni<IwgAssessment> assess(PatientReference patient, LocalDate asOf) {
        return measurements.ofPatient(PlateletCountRecord.class, patient.id()).map(counts -> evaluator.evaluate(
                patient.baselinePlateletCountPer1e9L(), patient.day0(),
                counts.stream().map(count -> new PlateletCount(count.measuredOn, count.valuePer1e9L, count.bleeding))
                        .toList(),
                exposures(patient), config.settings(), asOf));
    }

    private static List<TherapyExposure> exposures(PatientReference patient) {
        return patient.therapies().stream()
                .filter(therapy -> "RESCUE".equals(therapy.kind()) || "SUBSEQUENT".equals(therapy.kind()))
                .map(therapy -> new TherapyExposure(TherapyKind.valueOf(therapy.kind()), therapy.category(),
                        therapy.agent(), therapy.start(), therapy.end()))
                .toList();
    }
}
