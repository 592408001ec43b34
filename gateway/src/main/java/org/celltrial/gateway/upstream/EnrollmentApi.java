package org.celltrial.gateway.upstream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** What the composites read from enrollment-service, with the caller's token (its site rules apply). */
@RegisterRestClient(configKey = "enrollment")
@RegisterClientHeaders
@Path("/api/v1/enrollment")
public interface EnrollmentApi extends ServiceApi {

    @GET
    @Path("/patients")
    Uni<JsonNode> patients(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);
}
