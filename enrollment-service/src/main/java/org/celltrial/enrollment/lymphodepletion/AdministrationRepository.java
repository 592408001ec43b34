package org.celltrial.enrollment.lymphodepletion;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.persistence.IdArray;

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

    /** Doses actually given to these patients: no omissions, nothing voided. */
    public Uni<List<Administration>> dosesGivenTo(Collection<UUID> patientIds) {
        return list("array_contains(?1, patientId) and omitted = false and voided = false", IdArray.of(patientIds));
    }
}
