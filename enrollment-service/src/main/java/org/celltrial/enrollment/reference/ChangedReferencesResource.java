package org.celltrial.enrollment.reference;

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
 * Many patients' references for a report that keeps what it computed from them (efficacy's summary): each one's
 * revision, and only the references changed since the revisions the report holds. It reads and changes nothing.
 */
@Path("/patients/changed-references")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChangedReferencesResource {

    @Inject
    ReferenceService references;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR, Roles.SPONSOR})
    @Operation(summary = "For up to 500 patients: the revision of each one's reference the caller may see, and those "
            + "references whose revision is not the one given in known (by patient ID); others left out")
    public Uni<ReferenceChanges> changed(@NotNull @Valid ChangedReferencesRequest request) {
        return references.changed(request.ids(), request.knownRevisions());
    }
}
