package org.celltrial.gateway.upstream;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** The review calls of the clients of services that hold reviewed records, besides the lock calls. */
public abstract class ReviewingClient extends ServiceClient {

    @Override
    protected abstract ReviewApi api();

    public Uni<Part> queries(List<String> siteCodes, String status) {
        return Part.answer(service(), api().queries(siteCodes, status));
    }

    public Uni<Part> sourceVerification(List<String> siteCodes) {
        return Part.answer(service(), api().sourceVerification(siteCodes));
    }

    public Uni<Part> signatures(UUID id) {
        return Part.answer(service(), api().signatures(id));
    }

    public Uni<Part> sign(UUID id, JsonNode signature) {
        return Part.outcome(service(), api().sign(id, signature));
    }
}
