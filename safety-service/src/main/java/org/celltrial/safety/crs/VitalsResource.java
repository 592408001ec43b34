package org.celltrial.safety.crs;

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

@Path("/patients/{id}/vitals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VitalsResource {

    @Inject
    CrsService crs;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Record vital signs; CRS is regraded (ASTCT) and its adverse events kept in step")
    public Uni<Response> record(@PathParam("id") UUID patientId,
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "fever, no hypotension, no oxygen (CRS 1)",
                    value = """
                            {"at": "2024-02-20T08:00:00Z", "temperatureC": 38.6, "hypotension": "NONE",
                             "oxygen": "NONE", "antipyreticOrAntiCytokine": false}
                            """))) @NotNull @Valid VitalsRequest request) {
        return crs.record(patientId, idempotencyKey, request).map(Created::toResponse);
    }


    @POST
    @Path("/{recordId}/void")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Void a mistaken vital signs record with a reason; If-Match must carry its version; grades and adverse events are recomputed without it")
    public Uni<Response> voidRecord(@PathParam("id") UUID patientId, @PathParam("recordId") UUID recordId,
            @HeaderParam("If-Match") String ifMatch, @NotNull @Valid VoidRequest request) {
        return crs.voidRecord(patientId, recordId, ifMatch, request.reason()).replaceWith(Response.noContent().build());
    }

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "The patient's vital signs as observed, oldest first")
    public Uni<Page<VitalsView>> list(@PathParam("id") UUID patientId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return crs.vitals(patientId, limit, cursor);
    }
}
