package org.celltrial.common.review;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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
     * These patients' valid signatures whose period holds the date, locked for their invalidation. One patient's (every
     * single write's) by HQL, whose plan Hibernate keeps; a batch's in native SQL with the IDs as one array
     * ({@link IdArray}), whose plan Hibernate Reactive builds again at each execution (docs/performance.md, run 17).
     */
    public Uni<List<CasebookSignature>> validCovering(Collection<UUID> patientIds, LocalDate dataDate) {
        if (patientIds.size() == 1) {
            return find("patientId = ?1 and invalidatedAt is null and signedThrough >= ?2",
                    patientIds.iterator().next(), dataDate).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        }
        return getSession().flatMap(session -> session.createNativeQuery("""
                        SELECT * FROM casebook_signature
                        WHERE patient_id = any(?1) AND invalidated_at IS NULL AND signed_through >= ?2
                        ORDER BY id FOR UPDATE""", CasebookSignature.class)
                .setParameter(1, IdArray.of(patientIds))
                .setParameter(2, dataDate)
                .getResultList());
    }
}
