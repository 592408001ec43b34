package org.celltrial.safety.crs;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class VitalsRepository implements PanacheRepositoryBase<VitalsRecord, UUID> {

    public Uni<List<VitalsRecord>> ofPatient(UUID patientId) {
        return list("patientId = ?1 and voided = false order by at, createdAt", patientId);
    }
}
