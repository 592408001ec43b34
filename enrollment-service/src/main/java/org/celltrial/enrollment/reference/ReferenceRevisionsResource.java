package org.celltrial.enrollment.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/**
 * The revisions of every visible patient's reference, for a report that keeps what it computed from them (efficacy's
 * summary): it asks these once, then the references of the patients whose revision changed alone
 * ({@code POST …/patients/references}). One query whatever the study's size, where a page of IDs each cost a plan and
 * a scan (docs/performance.md, runs 25 and 26).
 */
@Path("/patients/reference-revisions")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceRevisionsResource {

    @Inject
    ReferenceService references;

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR, Roles.SPONSOR})
    @Operation(summary = "The revision of the reference of every patient the caller may see, by patient ID; raised "
            + "by every change to what GET …/patients/{id}/reference answers")
    public Uni<ReferenceRevisions> revisions() {
        return references.revisions();
    }
}
