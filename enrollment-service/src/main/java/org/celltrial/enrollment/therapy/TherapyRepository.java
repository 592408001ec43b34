package org.celltrial.enrollment.therapy;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class TherapyRepository implements PanacheRepositoryBase<Therapy, UUID> {

    /** The patient's therapies in force (not voided), by start date. */
    public Uni<List<Therapy>> ofPatient(UUID patientId) {
        return list("patientId = ?1 and voided = false order by start, id", patientId);
    }
}
