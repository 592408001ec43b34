package org.celltrial.enrollment.reference;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.infusion.InfusionRepository;
import org.celltrial.enrollment.lymphodepletion.AdministrationRepository;
import org.celltrial.enrollment.patient.PatientIdentityRepository;
import org.celltrial.enrollment.patient.PriorTherapyRepository;
import org.celltrial.enrollment.therapy.TherapyRepository;
import org.celltrial.enrollment.therapy.TherapyView;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReferenceService {

    @Inject
    PatientAccess access;

    @Inject
    PatientIdentityRepository identities;

    @Inject
    PriorTherapyRepository priorTherapies;

    @Inject
    InfusionRepository infusions;

    @Inject
    TherapyRepository therapies;

    @Inject
    AdministrationRepository administrations;

    @WithSession
    public Uni<PatientReference> reference(UUID patientId) {
        boolean pseudonymised = !access.caller().seesIdentifyingData();
        return access.visible(patientId).flatMap(patient -> identities.findById(patientId)
                .flatMap(identity -> priorTherapies.ofPatient(patientId)
                        .flatMap(prior -> infusions.findById(patientId)
                                .flatMap(infusion -> administrations.ofPatient(patientId)
                                        .flatMap(given -> therapies.ofPatient(patientId).map(therapy -> {
                                            Integer age = patient.day0 == null ? null
                                                    : Period.between(identity.birthDate, patient.day0).getYears();
                                            LocalDate lymphodepletionStart = given.stream()
                                                    .filter(dose -> !dose.omitted && dose.givenOn != null)
                                                    .map(dose -> dose.givenOn)
                                                    .min(Comparator.naturalOrder()).orElse(null);
                                            return new PatientReference(patient.id, patient.subjectId,
                                                    patient.siteCode, patient.sex,
                                                    pseudonymised ? null : identity.birthDate, age, patient.day0,
                                                    lymphodepletionStart,
                                                    infusion != null ? infusion.weightKg : patient.weightKg,
                                                    patient.baselinePlateletCountPer1e9L, patient.itpDiagnosisDate,
                                                    prior.size(), patient.status, patient.doseLevel,
                                                    therapy.stream().map(TherapyView::of).toList());
                                        }))))));
    }
}
