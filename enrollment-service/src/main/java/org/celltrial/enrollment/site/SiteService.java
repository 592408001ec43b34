package org.celltrial.enrollment.site;

import java.net.URI;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SiteService {

    @Inject
    SiteRepository sites;

    @Inject
    AuditTrail audit;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Created<SiteView>> create(String idempotencyKey, SiteRequest request) {
        return idempotent.create(idempotencyKey, request, SiteView.class, () -> sites.findById(request.code())
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "Site " + request.code() + " already exists"));
                    }
                    Site site = new Site();
                    site.code = request.code();
                    site.name = request.name();
                    site.createdAt = clock.instant();
                    return sites.persist(site)
                            .call(saved -> audit.created("Site", saved.code, SiteView.of(saved)))
                            .map(saved -> new Created<>(URI.create("sites/" + saved.code), SiteView.of(saved)));
                }));
    }

    @WithSession
    public Uni<SiteView> get(String code) {
        return sites.findById(code).onItem().ifNull().failWith(() -> ProblemException.notFound("Site " + code))
                .map(SiteView::of);
    }

    @WithSession
    public Uni<Page<SiteView>> list(Integer limit, String cursor) {
        int size = Page.limit(limit);
        return sites.pageAfter(Page.after(cursor), size + 1)
                .map(rows -> Page.of(rows, size, site -> site.code, SiteView::of));
    }
}
