package org.celltrial.common.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.review.QueryViews.OpenQuery;
import org.celltrial.common.review.QueryViews.QueryView;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.Caller.Action;
import org.celltrial.common.security.SiteScope;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Data queries (docs/data-review.md, Queries): a monitor or data manager questions a record, the site answers, the
 * monitor closes or re-opens. Site scoping is the records' own: a query of a site the caller may not read is a 404;
 * answering needs the right to write the site's records.
 */
@ApplicationScoped
public class QueryService {

    @Inject
    QueryRepository queries;

    @Inject
    ReviewedRecordRepository records;

    @Inject
    PatientGate patients;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<QueryView> open(UUID patientId, OpenQuery request) {
        return records.find(patientId, request.recordType(), request.recordId()).flatMap(record -> {
            if (!caller().maySeeSite(record.siteCode)) {
                throw ProblemException.notFound("Patient " + patientId);
            }
            if (record.voided) {
                throw ProblemException.conflict("Record " + request.recordId() + " is void: " + record.voidReason);
            }
            DataQuery query = new DataQuery();
            query.id = UUID.randomUUID();
            query.patientId = patientId;
            query.siteCode = record.siteCode;
            query.subjectId = record.subjectId;
            query.recordType = request.recordType();
            query.recordId = record.id;
            query.field = request.field();
            query.status = QueryStatus.OPEN;
            query.openedAt = clock.instant();
            query.openedBy = caller().username();
            query.thread = List.of(new QueryStep(query.openedAt, query.openedBy, QueryAction.OPEN, request.text()));
            return queries.persist(query).call(queries::flush)
                    .map(this::view)
                    .call(view -> audit.record(AuditAction.QUERY, "DataQuery", query.id, null, view, null));
        });
    }

    /** A step after the opening; the workflow ({@link QueryWorkflow}) decides whether it may be taken now. */
    @WithTransaction
    public Uni<QueryView> step(UUID queryId, QueryAction action, String text) {
        return queries.forUpdate(queryId).map(query -> {
            if (query == null || !caller().maySeeSite(query.siteCode)) {
                throw ProblemException.notFound("Query " + queryId);
            }
            if (action == QueryAction.ANSWER && !caller().may(Action.WRITE, query.siteCode)) {
                throw new ProblemException(ProblemType.FORBIDDEN,
                        "Only the site's investigators (or a data manager) answer its queries");
            }
            return query;
        }).flatMap(query -> {
            QueryView before = view(query);
            try {
                query.take(new QueryStep(clock.instant(), caller().username(), action, text));
            } catch (QueryWorkflow.Refused refused) {
                throw ProblemException.conflict(refused.getMessage());
            }
            return queries.flush().map(flushed -> view(query))
                    .call(after -> audit.record(AuditAction.QUERY, "DataQuery", queryId, before, after, text));
        });
    }

    public Uni<List<QueryView>> ofPatient(UUID patientId) {
        return queries.ofPatient(patientId)
                .call(found -> patients.readable(patientId, found.isEmpty() ? null : found.get(0).siteCode))
                .map(found -> found.stream().map(this::view).toList());
    }

    public Uni<List<QueryView>> list(List<String> siteCodes, QueryStatus status) {
        SiteScope scope = SiteScope.of(caller(), siteCodes);
        if (scope.coversNone()) {
            return Uni.createFrom().item(List.of());
        }
        return queries.inScope(scope, status).map(found -> found.stream().map(this::view).toList());
    }

    QueryView view(DataQuery query) {
        Instant until = query.closedAt != null ? query.closedAt : clock.instant();
        return new QueryView(query.id, query.patientId, query.subjectId, query.siteCode, query.recordType,
                query.recordId, query.field, query.status, query.openedAt, query.openedBy, query.closedAt,
                Duration.between(query.openedAt, until).toDays(), query.thread, query.version);
    }

    private Caller caller() {
        return Caller.of(identity);
    }
}
