package org.celltrial.common.review;

import java.util.List;
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

    /** Verified records per site: rows of [siteCode, count]. */
    public Uni<List<Object[]>> countBySite() {
        return getSession().flatMap(session -> session.createQuery(
                "select siteCode, count(*) from SourceVerification group by siteCode", Object[].class)
                .getResultList());
    }
}
