package org.celltrial.safety.ctcae;

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

@Path("/patients/{id}/labs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LabResource {

    @Inject
    LabService labs;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Record a lab result: graded by CTCAE v5.0 against its normal range and the baseline; "
            + "opens or updates the adverse event")
    public Uni<Response> record(@PathParam("id") UUID patientId,
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @NotNull @Valid LabRequest request) {
        return labs.record(patientId, idempotencyKey, request).map(Created::toResponse);
    }

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "The patient's lab results with their CTCAE grades, by analyte and time")
    public Uni<Page<LabView>> list(@PathParam("id") UUID patientId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return labs.list(patientId, limit, cursor);
    }

    @POST
    @Path("/{recordId}/void")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Void a mistaken lab result with a reason; If-Match must carry its version; grades and adverse events are recomputed without it")
    public Uni<Response> voidRecord(@PathParam("id") UUID patientId, @PathParam("recordId") UUID recordId,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid VoidRequest request) {
        return labs.voidRecord(patientId, recordId, ifMatch, request.reason()).replaceWith(Response.noContent().build());
    }
}
