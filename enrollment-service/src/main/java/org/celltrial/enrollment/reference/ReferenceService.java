package org.celltrial.enrollment.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.security.Caller;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.therapy.TherapyView;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Patients' reference data for the other services, one patient or many: the same one query either way
 * ({@link ReferenceRepository#referencesOf}), so a report over many patients costs one call, not one per patient.
 */
@ApplicationScoped
public class ReferenceService {

    @Inject
    PatientAccess access;

    @Inject
    ReferenceRepository references;

    private final ObjectReader therapyList;

    @Inject
    ReferenceService(ObjectMapper json) {
        therapyList = json.readerForListOf(TherapyView.class);
    }

    /** The patient's reference; 404 when it does not exist or is at a site the caller may not see. */
    @WithSession
    public Uni<PatientReference> reference(UUID patientId) {
        return visible(List.of(patientId)).map(found -> found.stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Patient " + patientId)));
    }

    /** The references of those of these patients the caller may see, in no particular order; the others are left out. */
    @WithSession
    public Uni<List<PatientReference>> references(List<UUID> patientIds) {
        return visible(patientIds);
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

    private Uni<List<PatientReference>> visible(List<UUID> patientIds) {
        Caller caller = access.caller();
        boolean pseudonymised = !caller.seesIdentifyingData();
        return references.referencesOf(patientIds).map(rows -> rows.stream()
                .filter(row -> caller.maySeeSite(row.siteCode()))
                .map(row -> row.reference(pseudonymised, therapyList)).toList());
    }
}
