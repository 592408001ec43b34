package org.celltrial.common.review;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.celltrial.common.security.SiteScope;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class QueryRepository implements PanacheRepositoryBase<DataQuery, UUID> {

    /** The query, locked until the transaction ends: two steps on one query run one after the other. */
    public Uni<DataQuery> forUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<DataQuery>> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by openedAt, id", patientId);
    }

    /** Oldest first: the queries that have waited longest lead. */
    public Uni<List<DataQuery>> inScope(SiteScope scope, QueryStatus status) {
        String where = "(:everySite = true or siteCode in :sites) and (:status is null or status = :status)";
        return list(where + " order by openedAt, id", Parameters.with("everySite", scope.everySite())
                .and("sites", scope.everySite() ? List.of("") : List.copyOf(scope.sites()))
                .and("status", status));
    }

    /**
     * Each of the patient's records that has queries not yet closed or is verified against source, with both marks:
     * one round trip for {@link ReviewMarksFilter}, which runs on every read of a patient's records. The patient is
     * bound as a list of one: Hibernate keeps no plan for a native select with a list, while with a single value each
     * read added a copy of its plan to the cache and the next one walked them (IdArray says more; docs/performance.md,
     * run 41).
     */
    public Uni<List<ReviewMarks>> reviewMarks(UUID patientId) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                select record_id, sum(open_queries), bool_or(verified) from (
                    select record_id, 1 as open_queries, false as verified from data_query
                        where patient_id in (:patient) and status <> 'CLOSED'
                    union all
                    select record_id, 0, true from source_verification where patient_id in (:patient)) marks
                group by record_id""", Object[].class).setParameter("patient", List.of(patientId)).getResultList())
                .map(rows -> rows.stream().map(row -> new ReviewMarks((UUID) row[0], ((Number) row[1]).longValue(),
                        (Boolean) row[2])).toList());
    }

    /** Queries not yet closed, of the site or (null) of every site. */
    public Uni<List<DataQuery>> unresolved(String siteCode) {
        return siteCode == null
                ? list("status <> ?1 order by openedAt", QueryStatus.CLOSED)
                : list("status <> ?1 and siteCode = ?2 order by openedAt", QueryStatus.CLOSED, siteCode);
    }
}
