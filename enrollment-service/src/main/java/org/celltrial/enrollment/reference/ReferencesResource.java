package org.celltrial.enrollment.reference;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/**
 * Many patients' references in one call, for the other services' reports (efficacy's summary): a POST because the
 * IDs of a page do not fit in a URL; it reads and changes nothing.
 */
@Path("/patients/references")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReferencesResource {

    @Inject
    ReferenceService references;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR, Roles.SPONSOR})
    @Operation(summary = "The references of up to 500 patients, as GET …/patients/{id}/reference answers each; "
            + "patients the caller may not see (or that do not exist) are left out")
    public Uni<List<PatientReference>> references(@NotNull @Valid ReferencesRequest request) {
        return references.references(request.ids());
    }
}
