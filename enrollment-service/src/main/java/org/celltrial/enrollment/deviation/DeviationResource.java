package org.celltrial.enrollment.deviation;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.paging.Page;
import org.celltrial.common.record.VoidRequest;
import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/deviations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviationResource {

    @Inject
    DeviationService deviations;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Report a protocol deviation")
    public Uni<Response> report(@PathParam("id") UUID patientId,
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @NotNull @Valid DeviationRequest request) {
        return deviations.report(patientId, idempotencyKey, request).map(Created::toResponse);
    }

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "The patient's protocol deviations, oldest first")
    public Uni<Page<DeviationView>> list(@PathParam("id") UUID patientId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return deviations.list(patientId, limit, cursor);
    }

    @POST
    @Path("/{deviationId}/void")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Void a mistaken protocol deviation with a reason; If-Match must carry its version")
    public Uni<Response> voidDeviation(@PathParam("id") UUID patientId, @PathParam("deviationId") UUID deviationId,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid VoidRequest request) {
        return deviations.voidDeviation(patientId, deviationId, ifMatch, request.reason())
                .replaceWith(Response.noContent().build());
    }
}
