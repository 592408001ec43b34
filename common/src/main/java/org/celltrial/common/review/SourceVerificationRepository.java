package org.celltrial.common.review;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class SourceVerificationRepository implements PanacheRepositoryBase<SourceVerification, UUID> {

    public Uni<List<SourceVerification>> ofPatient(UUID patientId) {
        return list("patientId", patientId);
    }

    /** The marks of these records, those that have one, in one lookup by ID (the session's first). */
    public Uni<List<SourceVerification>> marksOf(List<UUID> recordIds) {
        return getSession().flatMap(session -> session.find(SourceVerification.class, recordIds.toArray()))
                .map(found -> found.stream().filter(Objects::nonNull).toList());
    }

    /** Verified records per site: rows of [siteCode, count]. */
    public Uni<List<Object[]>> countBySite() {
        return getSession().flatMap(session -> session.createQuery(
                "select siteCode, count(*) from SourceVerification group by siteCode", Object[].class)
                .getResultList());
    }
}
