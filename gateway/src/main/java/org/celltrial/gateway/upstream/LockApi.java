package org.celltrial.gateway.upstream;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * The data lock every service answers under its own base path (docs/data-review.md, Lock); each service's REST
 * client interface extends this one, so the paths are written once.
 */
public interface LockApi {

    @GET
    @Path("/locks")
    Uni<JsonNode> locks();

    @POST
    @Path("/locks")
    Uni<JsonNode> lock(JsonNode lock);

    @POST
    @Path("/locks/{lockId}/unlock")
    Uni<JsonNode> unlock(@PathParam("lockId") UUID lockId, JsonNode reason);
}
