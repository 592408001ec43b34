package org.celltrial.enrollment.protocol;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class ProtocolRepository implements PanacheRepositoryBase<ProtocolVersion, Integer> {

    public Uni<ProtocolVersion> current() {
        return find("order by version desc").firstResult();
    }
}
