package org.celltrial.enrollment.deviation;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class DeviationRepository implements PanacheRepositoryBase<ProtocolDeviation, UUID> {

    public Uni<List<ProtocolDeviation>> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by occurredOn, createdAt", patientId);
    }
}
