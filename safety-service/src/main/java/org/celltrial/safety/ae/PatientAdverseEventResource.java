package org.celltrial.safety.ae;

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
import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/adverse-events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatientAdverseEventResource {

    @Inject
    AdverseEventService events;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER})
    @Operation(summary = "Report an adverse event (CTCAE v5.0 term, MedDRA code, grade 1-5, seriousness)")
    public Uni<Response> report(@PathParam("id") UUID patientId,
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @NotNull @Valid AdverseEventRequest request) {
        return events.report(patientId, idempotencyKey, request).map(Created::toResponse);
    }

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "The patient's adverse events, reported and derived (labs, CRS, ICANS), by onset")
    public Uni<Page<AdverseEventView>> list(@PathParam("id") UUID patientId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return events.list(patientId, limit, cursor);
    }

}
