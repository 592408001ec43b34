package org.celltrial.safety.ae;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AdverseEventRepository implements PanacheRepositoryBase<AdverseEvent, UUID> {

    public Uni<List<AdverseEvent>> ofPatient(UUID patientId) {
        return list("patientId = ?1 and voided = false order by onset, createdAt", patientId);
    }

    public Uni<List<AdverseEvent>> derived(UUID patientId, Origin origin) {
        return list("patientId = ?1 and origin = ?2 and voided = false order by onset", patientId, origin);
    }

    public Uni<List<AdverseEvent>> all() {
        return list("voided = false order by subjectId, onset, createdAt");
    }
}
