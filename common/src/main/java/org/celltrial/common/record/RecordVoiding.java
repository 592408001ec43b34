package org.celltrial.common.record;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one way any record is voided, in every service, whether a person voids it or a regrade does (a derived adverse
 * event whose source no longer grades): the record is marked void with its reason, flushed, and audited as VOID with
 * the record as it was, the record as it is (the same view, with {@code voided} and {@code voidReason}), the reason
 * and, through the audit trail, who, when and the request ID (docs/architecture.md, Audit). Call it inside the
 * write's transaction, after the write's own checks.
 */
@ApplicationScoped
public class RecordVoiding {

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    /**
     * @param entityType the audit trail's name for the record, as when it was created
     * @param view what the audit row keeps of the record
     */
    public <R extends VoidableRecord> Uni<R> markVoid(R record, String entityType, Function<R, ?> view,
            String reason) {
        Object before = view.apply(record);
        record.markVoid(reason);
        return Panache.getSession().flatMap(session -> session.flush())
                .call(() -> audit.record(AuditAction.VOID, entityType, record.id, before, voided(view.apply(record),
                        reason), reason))
                .replaceWith(record);
    }

    private ObjectNode voided(Object view, String reason) {
        ObjectNode after = json.valueToTree(view);
        after.put("voided", true);
        after.put("voidReason", reason);
        return after;
    }
}
