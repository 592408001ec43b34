package org.celltrial.enrollment.infusion;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/infusion")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InfusionResource {

    @Inject
    InfusionService infusions;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Record the CAR-T infusion (Day 0): target cells, cells infused, deviation from target")
    public Uni<InfusionView> infuse(@PathParam("id") UUID patientId, @NotNull @Valid InfusionRequest request) {
        return infusions.infuse(patientId, request);
    }
}
