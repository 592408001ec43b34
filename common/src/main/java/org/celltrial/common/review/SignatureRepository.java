package org.celltrial.common.review;

import java.time.LocalDate;
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
public class SignatureRepository implements PanacheRepositoryBase<CasebookSignature, UUID> {

    public Uni<List<CasebookSignature>> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by signedAt, id", patientId);
    }

    /**
     * These patients' valid signatures whose period holds the date, locked for their invalidation in the order of their
     * IDs. One query for one patient (every single write) or a batch's (up to its 5 000), the IDs as a list, so that no
     * plan is kept ({@link IdArray} says why).
     */
    public Uni<List<CasebookSignature>> validCovering(Collection<UUID> patientIds, LocalDate dataDate) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        SELECT * FROM casebook_signature
                        WHERE patient_id IN (?1) AND invalidated_at IS NULL AND signed_through >= ?2
                        ORDER BY id FOR UPDATE""", CasebookSignature.class)
                .setParameter(1, List.copyOf(patientIds))
                .setParameter(2, dataDate)
                .getResultList());
    }
}
