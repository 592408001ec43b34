package org.celltrial.efficacy.response;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.security.Roles;
import org.celltrial.common.validation.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/response")
@Produces(MediaType.APPLICATION_JSON)
public class ResponseResource {

    @Inject
    ResponseService responses;

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "IWG response (CR / R / NR) with every decision and the counts behind it; asOf cuts off "
            + "later counts")
    public Uni<ResponseView> response(@PathParam("id") UUID patientId, @QueryParam("asOf") String asOf) {
        return responses.response(patientId, Params.date(asOf, "asOf"));
    }
}
