package org.celltrial.enrollment.lymphodepletion;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.record.VoidRequest;
import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/lymphodepletion")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LymphodepletionResource {

    @Inject
    LymphodepletionService lymphodepletion;

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "The latest lymphodepletion plan and what was given")
    public Uni<LymphodepletionView> get(@PathParam("id") UUID patientId) {
        return lymphodepletion.get(patientId);
    }

    @POST
    @Path("/plan")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Plan lymphodepletion: per agent and day the date, BSA, dose and any reduction and why")
    public Uni<PlanView> plan(@PathParam("id") UUID patientId, @NotNull @Valid PlanRequest request) {
        return lymphodepletion.plan(patientId, request);
    }

    @POST
    @Path("/administrations")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Record a lymphodepleting dose as given, or that lymphodepletion was omitted (a deviation)")
    public Uni<Response> administer(@PathParam("id") UUID patientId,
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @NotNull @Valid AdministrationRequest request) {
        return lymphodepletion.administer(patientId, idempotencyKey, request).map(Created::toResponse);
    }

    @POST
    @Path("/administrations/{administrationId}/void")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Void a mistaken dose or omission with a reason (an omission's deviation with it); "
            + "If-Match must carry its version")
    public Uni<Response> voidAdministration(@PathParam("id") UUID patientId,
            @PathParam("administrationId") UUID administrationId, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid VoidRequest request) {
        return lymphodepletion.voidAdministration(patientId, administrationId, ifMatch, request.reason())
                .replaceWith(Response.noContent().build());
    }
}
