package org.celltrial.efficacy.bcell;

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
import org.celltrial.common.record.VoidRequest;
import org.celltrial.common.security.Roles;
import org.celltrial.common.validation.Params;
import org.celltrial.efficacy.measurement.Series;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/b-cells")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BCellResource {

    @Inject
    BCellService service;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Record a CD19⁺ B-cell count (flow cytometry, cells per µL)")
    public Uni<Response> record(@PathParam("id") UUID patientId,
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @NotNull @Valid BCellRequest request) {
        return service.record(patientId, idempotencyKey, request).map(Created::toResponse);
    }

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "The CD19⁺ counts with aplasia start, recovery and whether aplasia is sustained")
    public Uni<Series<BCellView, BCellAssessment>> series(@PathParam("id") UUID patientId,
            @QueryParam("asOf") String asOf) {
        return service.series(patientId, Params.date(asOf, "asOf"));
    }

    @POST
    @Path("/{recordId}/void")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Void a mistaken CD19 count with a reason; If-Match must carry its version")
    public Uni<Response> voidRecord(@PathParam("id") UUID patientId, @PathParam("recordId") UUID recordId,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid VoidRequest request) {
        return service.voidRecord(patientId, recordId, ifMatch, request.reason()).replaceWith(Response.noContent().build());
    }
}
