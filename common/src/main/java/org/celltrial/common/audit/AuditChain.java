package org.celltrial.common.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.audit.AuditChainVerification.BrokenRow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The hash chain of {@code audit_log}, checked by the database itself (common's migration V1_5). */
@ApplicationScoped
public class AuditChain {

    @WithSession
    public Uni<AuditChainVerification> verify() {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "SELECT verified, rows_checked, broken_chain_seq, broken_id, problem FROM audit_log_verify()",
                        Object[].class)
                .getSingleResult())
                .map(AuditChain::toVerification);
    }

    private static AuditChainVerification toVerification(Object[] row) {
        boolean verified = (Boolean) row[0];
        long rows = ((Number) row[1]).longValue();
        if (verified) {
            return new AuditChainVerification(true, rows, null);
        }
        UUID id = row[3] == null ? null : UUID.fromString(row[3].toString());
        return new AuditChainVerification(false, rows, new BrokenRow(((Number) row[2]).longValue(), id, (String) row[4]));
    }
}
