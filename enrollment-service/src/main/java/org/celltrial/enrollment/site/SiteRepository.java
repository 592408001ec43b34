package org.celltrial.enrollment.site;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class SiteRepository implements PanacheRepositoryBase<Site, String> {

    public Uni<List<Site>> pageAfter(String code, int limitPlusOne) {
        return find("code > ?1 order by code", code).range(0, limitPlusOne - 1).list();
    }

    /** The site, locked for this transaction, so two screenings never draw the same subject number. */
    public Uni<Site> lockForNextSubject(String code) {
        return findById(code, LockModeType.PESSIMISTIC_WRITE);
    }
}
