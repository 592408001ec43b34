package org.celltrial.safety.regrade;

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

import org.celltrial.common.protocol.RegradeRequest;
import org.celltrial.common.protocol.RegradeView;
import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/regrade")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegradeResource {

    @Inject
    RegradeService regrades;

    @POST
    @RolesAllowed(Roles.SAFETY_OFFICER)
    @Operation(summary = "Regrade a patient's CRS, ICANS and lab grades under the protocol in force (after an "
            + "amendment); audited with the reason")
    public Uni<RegradeView> regrade(@PathParam("id") UUID patientId, @NotNull @Valid RegradeRequest request) {
        return regrades.regrade(patientId, request.reason());
    }
}
