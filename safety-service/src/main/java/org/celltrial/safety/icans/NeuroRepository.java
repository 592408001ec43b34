package org.celltrial.safety.icans;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class NeuroRepository implements PanacheRepositoryBase<NeuroRecord, UUID> {

    public Uni<List<NeuroRecord>> ofPatient(UUID patientId) {
        return list("patientId = ?1 and voided = false order by at, createdAt", patientId);
    }
}
