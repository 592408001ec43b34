package org.celltrial.common.enrollment;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * enrollment-service's patient reference and protocol, called with the caller's own token (so its site rules apply):
 * {@code @RegisterClientHeaders} passes on the headers named in
 * {@code org.eclipse.microprofile.rest.client.propagateHeaders}.
 */
@RegisterRestClient(configKey = "enrollment")
@RegisterClientHeaders
@Path("/api/v1/enrollment")
public interface EnrollmentApi {

    @GET
    @Path("/patients/{id}/reference")
    Uni<PatientReference> reference(@PathParam("id") UUID patientId);

    @GET
    @Path("/protocol")
    Uni<ProtocolReference> protocolInForce();

    @GET
    @Path("/protocol/versions/{version}")
    Uni<ProtocolReference> protocol(@PathParam("version") int version);
}
