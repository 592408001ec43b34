package org.celltrial.common.review;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** How many queries not yet closed each of the patient's records has. */
    public Uni<Map<UUID, Long>> unresolvedByRecord(UUID patientId) {
        return getSession().flatMap(session -> session.createQuery("select recordId, count(*) from DataQuery "
                + "where patientId = ?1 and status <> ?2 group by recordId", Object[].class)
                .setParameter(1, patientId).setParameter(2, QueryStatus.CLOSED).getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1])));
    }

    /** Queries not yet closed, of the site or (null) of every site. */
    public Uni<List<DataQuery>> unresolved(String siteCode) {
        return siteCode == null
                ? list("status <> ?1 order by openedAt", QueryStatus.CLOSED)
                : list("status <> ?1 and siteCode = ?2 order by openedAt", QueryStatus.CLOSED, siteCode);
    }
}
