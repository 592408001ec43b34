package org.celltrial.gateway.upstream;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** What the composites read from enrollment-service, with the caller's token (its site rules apply). */
@RegisterRestClient(configKey = "enrollment")
@RegisterClientHeaders
@Path("/api/v1/enrollment")
public interface EnrollmentApi extends LockApi {

    @GET
    @Path("/patients/{id}/course")
    Uni<JsonNode> course(@PathParam("id") UUID patientId);

    @GET
    @Path("/summary")
    Uni<JsonNode> summary(@QueryParam("asOf") String asOf, @QueryParam("siteCode") List<String> siteCodes,
            @QueryParam("patients") boolean patients);

    @GET
    @Path("/patients")
    Uni<JsonNode> patients(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);
}
