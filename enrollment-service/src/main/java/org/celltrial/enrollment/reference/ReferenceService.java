package org.celltrial.enrollment.reference;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.security.Caller;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.infusion.Infusion;
import org.celltrial.enrollment.infusion.InfusionRepository;
import org.celltrial.enrollment.lymphodepletion.AdministrationRepository;
import org.celltrial.enrollment.patient.Patient;
import org.celltrial.enrollment.patient.PatientIdentity;
import org.celltrial.enrollment.patient.PatientIdentityRepository;
import org.celltrial.enrollment.patient.PatientRepository;
import org.celltrial.enrollment.patient.PriorTherapyRepository;
import org.celltrial.enrollment.therapy.Therapy;
import org.celltrial.enrollment.therapy.TherapyRepository;
import org.celltrial.enrollment.therapy.TherapyView;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Patients' reference data for the other services, one patient or many: the same few queries either way (one per
 * table, for all the patients asked), so a report over many patients costs one call, not one per patient.
 */
@ApplicationScoped
public class ReferenceService {

    @Inject
    PatientAccess access;

    @Inject
    PatientRepository patients;

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

    /** The patient's reference; 404 when it does not exist or is at a site the caller may not see. */
    @WithSession
    public Uni<PatientReference> reference(UUID patientId) {
        return access.visible(patientId).flatMap(patient -> assemble(List.of(patient)))
                .map(references -> references.get(0));
    }

    /** The references of those of these patients the caller may see, in no particular order; the others are left out. */
    @WithSession
    public Uni<List<PatientReference>> references(List<UUID> patientIds) {
        Caller caller = access.caller();
        return patients.ofIds(patientIds).flatMap(found -> {
            List<Patient> visible = found.stream().filter(patient -> caller.maySeeSite(patient.siteCode)).toList();
            return visible.isEmpty() ? Uni.createFrom().item(List.<PatientReference>of()) : assemble(visible);
        });
    }

    private Uni<List<PatientReference>> assemble(List<Patient> visible) {
        boolean pseudonymised = !access.caller().seesIdentifyingData();
        List<UUID> ids = visible.stream().map(patient -> patient.id).toList();
        return identities.ofPatients(ids).flatMap(identity -> priorTherapies.ofPatients(ids)
                .flatMap(prior -> infusions.ofPatients(ids)
                        .flatMap(infused -> administrations.dosesGivenTo(ids)
                                .flatMap(given -> therapies.ofPatients(ids).map(therapy -> {
                                    Map<UUID, PatientIdentity> identityOf = byPatient(identity, i -> i.patientId);
                                    Map<UUID, Infusion> infusionOf = byPatient(infused, i -> i.patientId);
                                    Map<UUID, Long> priorCount = prior.stream()
                                            .collect(Collectors.groupingBy(t -> t.patientId, Collectors.counting()));
                                    Map<UUID, LocalDate> firstDose = given.stream()
                                            .filter(dose -> dose.givenOn != null)
                                            .collect(Collectors.toMap(dose -> dose.patientId, dose -> dose.givenOn,
                                                    (a, b) -> a.isBefore(b) ? a : b));
                                    Map<UUID, List<Therapy>> therapiesOf = therapy.stream()
                                            .collect(Collectors.groupingBy(t -> t.patientId));
                                    return visible.stream().map(patient -> reference(patient,
                                            identityOf.get(patient.id), infusionOf.get(patient.id),
                                            priorCount.getOrDefault(patient.id, 0L).intValue(),
                                            firstDose.get(patient.id),
                                            therapiesOf.getOrDefault(patient.id, List.of()), pseudonymised))
                                            .toList();
                                })))));
    }

    private static PatientReference reference(Patient patient, PatientIdentity identity, Infusion infusion,
            int priorTherapies, LocalDate lymphodepletionStart, List<Therapy> therapies, boolean pseudonymised) {
        Integer age = patient.day0 == null ? null : Period.between(identity.birthDate, patient.day0).getYears();
        return new PatientReference(patient.id, patient.subjectId, patient.siteCode, patient.sex,
                pseudonymised ? null : identity.birthDate, age, patient.day0, lymphodepletionStart,
                infusion != null ? infusion.weightKg : patient.weightKg, patient.baselinePlateletCountPer1e9L,
                patient.itpDiagnosisDate, priorTherapies, patient.status, patient.doseLevel,
                therapies.stream().map(TherapyView::of).toList());
    }

    private static <T> Map<UUID, T> byPatient(List<T> rows, Function<T, UUID> patientId) {
        return rows.stream().collect(Collectors.toMap(patientId, Function.identity()));
    }
}
