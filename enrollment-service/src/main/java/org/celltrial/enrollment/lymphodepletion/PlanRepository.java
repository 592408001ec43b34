package org.celltrial.enrollment.lymphodepletion;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class PlanRepository implements PanacheRepositoryBase<StoredPlan, UUID> {

    public Uni<StoredPlan> latest(UUID patientId) {
        return find("patientId = ?1 order by createdAt desc", patientId).firstResult();
    }
}
