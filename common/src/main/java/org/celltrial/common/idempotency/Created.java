package org.celltrial.common.idempotency;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** What a create answered: its location and body, replayed as they were for a retry. */
public record Created<T>(URI location, T body) {

    public Response toResponse() {
        return Response.created(location).entity(body).build();
    }
}
