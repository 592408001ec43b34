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
 * The revisions of a page of patients' references, for a report that keeps what it computed from them (efficacy's
 * summary): it asks these a page of its patients at a time, then the references of the patients whose revision changed
 * alone ({@code POST …/patients/references}). A POST for the IDs' sake, as that one; it reads and changes nothing. A
 * page, not every patient at once: what the report holds is then a page, whatever the study's size
 * (docs/performance.md, runs 35 and 36).
 */
@Path("/patients/reference-revisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceRevisionsResource {

    @Inject
    ReferenceService references;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR, Roles.SPONSOR})
    @Operation(summary = "The revision of the reference of each of up to 2000 patients the caller may see, by patient "
            + "ID; raised by every change to what GET …/patients/{id}/reference answers; patients the caller may not "
            + "see (or that do not exist) are left out")
    public Uni<ReferenceRevisions> revisions(@NotNull @Valid ReferenceRevisionsRequest request) {
        return references.revisions(request.ids());
    }
}
