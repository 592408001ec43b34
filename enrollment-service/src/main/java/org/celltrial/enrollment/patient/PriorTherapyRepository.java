package org.celltrial.enrollment.patient;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class PriorTherapyRepository implements PanacheRepositoryBase<PriorTherapy, UUID> {

    public Uni<List<PriorTherapy>> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by start nulls first, category", patientId);
    }
}
