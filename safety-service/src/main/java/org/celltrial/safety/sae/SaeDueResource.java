package org.celltrial.safety.sae;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/sae/due")
@Produces(MediaType.APPLICATION_JSON)
public class SaeDueResource {

    @Inject
    SaeDueService sae;

    @GET
    @RolesAllowed({Roles.SAFETY_OFFICER, Roles.DATA_MANAGER})
    @Operation(summary = "Serious events and their expedited reporting deadlines (SUSARs: 7 days if fatal or "
            + "life-threatening, else 15, from awareness): overdue first")
    public Uni<SaeDueView> due() {
        return sae.due();
    }
}
