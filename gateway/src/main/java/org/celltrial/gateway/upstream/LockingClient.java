package org.celltrial.gateway.upstream;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * The lock calls of a service's client. Subclasses are the beans and carry the fault tolerance at class level, which
 * applies to these inherited methods too (each subclass has its own circuit per operation). Their overrides of
 * {@link #service()} and {@link #api()} are plain accessors, excluded from it with {@code @NoClassInterceptors}.
 */
public abstract class LockingClient {

    /** The service's name in {@link Part}s. */
    protected abstract String service();

    protected abstract LockApi api();

    public Uni<Part> locks() {
        return Part.answer(service(), api().locks());
    }

    public Uni<Part> lock(JsonNode lock) {
        return Part.outcome(service(), api().lock(lock));
    }

    public Uni<Part> unlock(UUID lockId, JsonNode reason) {
        return Part.outcome(service(), api().unlock(lockId, reason));
    }
}
