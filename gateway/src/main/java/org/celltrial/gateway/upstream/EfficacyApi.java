package org.celltrial.gateway.upstream;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** What the composites read from (and the FHIR intake writes to) efficacy-service, with the caller's token. */
@RegisterRestClient(configKey = "efficacy")
@RegisterClientHeaders
@Path("/api/v1/efficacy")
public interface EfficacyApi extends ReviewApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/patients/{id}/platelet-counts")
    Uni<JsonNode> recordPlateletCount(@PathParam("id") UUID patientId,
            @HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode count);
}
