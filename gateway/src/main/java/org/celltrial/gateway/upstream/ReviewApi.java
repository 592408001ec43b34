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
 * Queries, source data verification and signatures, which the services holding reviewed records (safety,
 * efficacy) answer under their own base paths (docs/data-review.md).
 */
public interface ReviewApi extends ServiceApi {

    @GET
    @Path("/queries")
    Uni<JsonNode> queries(@QueryParam("siteCode") List<String> siteCodes, @QueryParam("status") String status);

    @GET
    @Path("/source-verification")
    Uni<JsonNode> sourceVerification(@QueryParam("siteCode") List<String> siteCodes);

    @GET
    @Path("/patients/{id}/signatures")
    Uni<JsonNode> signatures(@PathParam("id") UUID patientId);

    @POST
    @Path("/patients/{id}/signatures")
    Uni<JsonNode> sign(@PathParam("id") UUID patientId, JsonNode signature);
}
