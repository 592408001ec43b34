package org.celltrial.common.enrollment;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

    /** The references of those of these patients (at most {@link #MAX_REFERENCES}) the caller may see. */
    @POST
    @Path("/patients/references")
    Uni<List<PatientReference>> references(ReferencesRequest request);

    /** As many IDs as enrollment-service takes in one call. */
    int MAX_REFERENCES = 500;

    record ReferencesRequest(List<UUID> ids) {
    }

    /** The revision of the reference of those of these patients (at most {@link #MAX_REVISIONS}) the caller may see. */
    @POST
    @Path("/patients/reference-revisions")
    Uni<ReferenceRevisions> referenceRevisions(ReferencesRequest request);

    /**
     * As many IDs as enrollment-service takes in one call for their revisions: a number each, so more than references,
     * and a report's page of patients asks once (a call took 13–20 ms for 500 IDs and 22–45 ms for 2 000, warm;
     * docs/performance.md, runs 35 and 36).
     */
    int MAX_REVISIONS = 2000;

    @GET
    @Path("/protocol")
    Uni<ProtocolReference> protocolInForce();

    @GET
    @Path("/protocol/versions/{version}")
    Uni<ProtocolReference> protocol(@PathParam("version") int version);
}
