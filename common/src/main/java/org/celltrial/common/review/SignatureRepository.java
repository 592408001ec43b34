package org.celltrial.common.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class SignatureRepository implements PanacheRepositoryBase<CasebookSignature, UUID> {

    public Uni<List<CasebookSignature>> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by signedAt, id", patientId);
    }

    /** The patient's valid signatures whose period holds the date, locked for their invalidation. */
    public Uni<List<CasebookSignature>> validCovering(UUID patientId, LocalDate dataDate) {
        return find("patientId = ?1 and invalidatedAt is null and signedThrough >= ?2", patientId, dataDate)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
