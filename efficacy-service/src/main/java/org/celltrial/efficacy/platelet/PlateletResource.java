package org.celltrial.efficacy.platelet;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/platelet-counts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlateletResource {

    @Inject
    PlateletService platelets;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Record a platelet count and the WHO bleeding grade assessed with it")
    public Uni<Response> record(@PathParam("id") UUID patientId,
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "a count at the day 28 visit",
                    value = """
                            {"date": "2024-03-18", "valuePer1e9L": 31, "bleeding": 0, "source": "central lab"}
                            """))) @NotNull @Valid PlateletCountRequest request) {
        return platelets.record(patientId, idempotencyKey, request).map(Created::toResponse);
    }

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "The patient's platelet counts, oldest first")
    public Uni<Page<PlateletCountView>> list(@PathParam("id") UUID patientId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return platelets.list(patientId, limit, cursor);
    }

    @POST
    @Path("/{recordId}/void")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Void a mistaken platelet count with a reason; If-Match must carry its version")
    public Uni<Response> voidRecord(@PathParam("id") UUID patientId, @PathParam("recordId") UUID recordId,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid VoidRequest request) {
        return platelets.voidRecord(patientId, recordId, ifMatch, request.reason()).replaceWith(Response.noContent().build());
    }
}
