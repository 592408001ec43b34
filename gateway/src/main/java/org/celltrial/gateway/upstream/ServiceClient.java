package org.celltrial.gateway.upstream;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * What every service's client asks: the patient's part of a course, the study's figures and the locks. Subclasses are
 * the beans and carry the fault tolerance at class level, which applies to these inherited methods too (each subclass
 * has its own circuit per operation; {@link #summary} keeps its own timeout and retries). Their overrides of
 * {@link #service()} and {@link #api()} are plain accessors, excluded from it with {@code @NoClassInterceptors}.
 */
public abstract class ServiceClient {

    /** The service's name in {@link Part}s. */
    protected abstract String service();

    protected abstract ServiceApi api();

    /** The patient's views in the service in one answer (its part of the course). */
    public Uni<Part> course(UUID id) {
        return Part.answer(service(), api().course(id));
    }

    /**
     * The figures without a row per patient, which the study summary does not show: over 10 000 patients the rows
     * were 2.5 to 3 MB of JSON a service to write, send and parse for each study summary, and the gateway held them
     * all (docs/performance.md, runs 13 and 34). Asked once, with a report's timeout ({@link Part#REPORT_TIMEOUT_MS}).
     */
    @Timeout(Part.REPORT_TIMEOUT_MS)
    @Retry(maxRetries = 0)
    public Uni<Part> summary(String asOf, List<String> siteCodes) {
        return Part.answer(service(), api().summary(asOf, siteCodes, false));
    }

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
