package org.celltrial.safety.icaht;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/icaht")
@Produces(MediaType.APPLICATION_JSON)
public class IcahtResource {

    @Inject
    IcahtService icaht;

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "Early (days 0-30) and late ICAHT from ANC (EHA/EBMT 2023) and from platelets (T-ICAHT 2025)")
    public Uni<IcahtView> icaht(@PathParam("id") UUID patientId) {
        return icaht.icaht(patientId);
    }
}
