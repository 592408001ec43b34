package org.celltrial.common.audit;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.http.RequestId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;

/**
 * Writes audit rows. Call it inside the service's transaction (a {@code @WithTransaction} method) so the
 * change and its audit row commit or fail together.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    public Uni<AuditEntry> created(String entityType, Object entityId, Object newValue) {
        return record(AuditAction.CREATE, entityType, entityId, null, newValue, null);
    }

    public Uni<AuditEntry> record(AuditAction action, String entityType, Object entityId, Object oldValue,
            Object newValue, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.occurredAt = clock.instant();
        entry.actor = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        entry.action = action.name();
        entry.entityType = entityType;
        entry.entityId = String.valueOf(entityId);
        entry.oldValue = toJson(oldValue);
        entry.newValue = toJson(newValue);
        entry.reason = reason;
        entry.requestId = request.getCurrent() != null
                ? RequestId.of(request.getCurrent())
                : null;
        return entry.persist();
    }

    /** Values are stored as JSON objects; a bare value (a status, say) is wrapped as {@code {"value": ...}}. */
    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode tree = json.valueToTree(value);
            return json.writeValueAsString(tree.isContainerNode() ? tree : json.createObjectNode().set("value", tree));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Audited values must serialise to JSON", e);
        }
    }
}
