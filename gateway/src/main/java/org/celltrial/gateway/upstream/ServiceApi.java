package org.celltrial.gateway.upstream;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * What every service answers under its own base path: a patient's part of the course, the study's figures, and the
 * data lock (docs/data-review.md, Lock). Each service's REST client interface extends this one, so the paths are
 * written once.
 */
public interface ServiceApi {

    @GET
    @Path("/patients/{id}/course")
    Uni<JsonNode> course(@PathParam("id") UUID patientId);

    @GET
    @Path("/summary")
    Uni<JsonNode> summary(@QueryParam("asOf") String asOf, @QueryParam("siteCode") List<String> siteCodes,
            @QueryParam("patients") boolean patients);

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
