package org.celltrial.enrollment.protocol;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.versioning.Versions;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The protocol in force and its amendments; a patient keeps the version in force when enrolled. */
@ApplicationScoped
public class ProtocolService {

    @Inject
    ProtocolRepository protocols;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @WithSession
    public Uni<ProtocolView> current() {
        return protocols.current().map(this::view);
    }

    @WithSession
    public Uni<ProtocolView> version(int version) {
        return protocols.findById(version).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Protocol version " + version))
                .map(this::view);
    }

    /** Adds a version after the current one; If-Match must name the current version. */
    @WithTransaction
    public Uni<ProtocolView> amend(String ifMatch, ProtocolUpdate update) {
        return protocols.current().flatMap(current -> {
            Versions.requireMatch(ifMatch, current.version);
            ProtocolVersion next = new ProtocolVersion();
            next.version = current.version + 1;
            next.definition = update.definition;
            next.createdAt = clock.instant();
            next.createdBy = identity.getPrincipal().getName();
            next.reason = update.reason;
            return protocols.persist(next)
                    .call(saved -> audit.record(AuditAction.CREATE, "ProtocolVersion", saved.version,
                            current.definition, update.definition, update.reason))
                    .map(this::view);
        });
    }

    ProtocolView view(ProtocolVersion stored) {
        return new ProtocolView(stored.version, stored.createdAt, stored.reason, stored.definition);
    }
}
