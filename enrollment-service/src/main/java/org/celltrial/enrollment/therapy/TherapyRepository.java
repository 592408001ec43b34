package org.celltrial.enrollment.therapy;

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
public class TherapyRepository implements PanacheRepositoryBase<Therapy, UUID> {

    /** The patient's therapies in force (not voided), by start date. */
    public Uni<List<Therapy>> ofPatient(UUID patientId) {
        return list("patientId = ?1 and voided = false order by start, id", patientId);
    }

    /**
     * These patients' (one to a page of references) therapies in force, each patient's by start date, read-only (for
     * references). The IDs as a list, so that no plan is kept ({@link IdArray} says why).
     */
    public Uni<List<Therapy>> ofPatients(Collection<UUID> patientIds) {
        return getSession().flatMap(session -> session
                .createNativeQuery("SELECT * FROM therapy WHERE patient_id IN (:ids) AND NOT voided"
                        + " ORDER BY start_date, id", Therapy.class)
                .setParameter("ids", List.copyOf(patientIds))
                .setReadOnly(true)
                .getResultList());
    }
}
