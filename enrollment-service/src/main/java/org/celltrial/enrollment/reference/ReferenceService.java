package org.celltrial.enrollment.reference;

import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.security.Caller;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.patient.Patient;
import org.celltrial.enrollment.patient.PatientRepository;
import org.celltrial.enrollment.therapy.Therapy;
import org.celltrial.enrollment.therapy.TherapyRepository;
import org.celltrial.enrollment.therapy.TherapyView;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Patients' reference data for the other services, one patient or many: the same three queries either way (the
 * patients, their facts from the other tables, their therapies), so a report over many patients costs one call, not
 * one per patient.
 */
@ApplicationScoped
public class ReferenceService {

    @Inject
    PatientAccess access;

    @Inject
    PatientRepository patients;

    @Inject
    ReferenceRepository references;

    @Inject
    TherapyRepository therapies;

    /** The patient's reference; 404 when it does not exist or is at a site the caller may not see. */
    @WithSession
    public Uni<PatientReference> reference(UUID patientId) {
        return access.visible(patientId).flatMap(patient -> assemble(List.of(patient)))
                .map(found -> found.get(0));
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

    /**
     * The revision of the reference of those of these patients the caller may see. A caller that reads the references
     * it needs after this (those whose revision it did not hold) may get one newer than its revision, never older: it
     * then keeps the newer reference under the older revision, and asks for it again next time.
     */
    @WithSession
    public Uni<ReferenceRevisions> revisions(List<UUID> patientIds) {
        Caller caller = access.caller();
        return references.revisions(patientIds).map(found -> {
            Map<UUID, Long> revisions = new HashMap<>();
            found.stream().filter(patient -> caller.maySeeSite(patient.siteCode()))
                    .forEach(patient -> revisions.put(patient.patientId(), patient.revision()));
            return new ReferenceRevisions(revisions);
        });
    }

    private Uni<List<PatientReference>> assemble(List<Patient> visible) {
        boolean pseudonymised = !access.caller().seesIdentifyingData();
        List<UUID> ids = visible.stream().map(patient -> patient.id).toList();
        return references.factsOf(ids).flatMap(facts -> therapies.ofPatients(ids).map(therapy -> {
            Map<UUID, List<Therapy>> therapiesOf = therapy.stream().collect(Collectors.groupingBy(t -> t.patientId));
            return visible.stream().map(patient -> reference(patient, facts.get(patient.id),
                    therapiesOf.getOrDefault(patient.id, List.of()), pseudonymised)).toList();
        }));
    }

    private static PatientReference reference(Patient patient, ReferenceFacts facts, List<Therapy> therapies,
            boolean pseudonymised) {
        Integer age = patient.day0 == null ? null : Period.between(facts.birthDate(), patient.day0).getYears();
        return new PatientReference(patient.id, patient.subjectId, patient.siteCode, patient.sex,
                pseudonymised ? null : facts.birthDate(), age, patient.day0, facts.lymphodepletionStart(),
                facts.infusionWeightKg() != null ? facts.infusionWeightKg() : patient.weightKg,
                patient.baselinePlateletCountPer1e9L, patient.itpDiagnosisDate, facts.priorTherapies(), patient.status,
                patient.doseLevel, therapies.stream().map(TherapyView::of).toList());
    }
}
