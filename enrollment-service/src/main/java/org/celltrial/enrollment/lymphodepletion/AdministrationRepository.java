package org.celltrial.enrollment.lymphodepletion;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AdministrationRepository implements PanacheRepositoryBase<Administration, UUID> {

    /** What was given (and any omission), not voided, in the order it was given. */
    public Uni<List<Administration>> ofPatient(UUID patientId) {
        return list("patientId = ?1 and voided = false order by givenOn nulls first, agent, createdAt", patientId);
    }
}
