package org.celltrial.enrollment.eligibility;

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

@Path("/patients/{id}/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EligibilityResource {

    @Inject
    EligibilityService eligibility;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Evaluate the protocol's eligibility criteria: each criterion met or not and why; "
            + "moves the patient to ELIGIBLE or INELIGIBLE")
    public Uni<EligibilityResponse> assess(@PathParam("id") UUID patientId,
            @NotNull @Valid EligibilityRequest request) {
        return eligibility.assess(patientId, request);
    }
}
