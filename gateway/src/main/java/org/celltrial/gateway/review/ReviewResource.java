package org.celltrial.gateway.review;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/** Data review and lock over the services (docs/data-review.md). */
@Path("/")
@Tag(name = "study", description = "Composite views over the three services")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewService review;

    @GET
    @Path("queries")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "Queries of every service for the sites asked for (siteCode, repeatable), oldest first, "
            + "each with its service; status narrows them")
    public Uni<ObjectNode> queries(@QueryParam("siteCode") List<String> siteCodes,
            @QueryParam("status") String status) {
        return review.queries(siteCodes, status);
    }

    @GET
    @Path("source-verification")
    @RolesAllowed({Roles.MONITOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER})
    @Operation(summary = "Per site: records verified against source out of those not void, over every service")
    public Uni<ObjectNode> sourceVerification(@QueryParam("siteCode") List<String> siteCodes) {
        return review.sourceVerification(siteCodes);
    }

    @GET
    @Path("patients/{id}/signatures")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "The patient's casebook signatures: valid while every service's part is")
    public Uni<ObjectNode> signatures(@PathParam("id") UUID patientId) {
        return review.signatures(patientId);
    }

    @POST
    @Path("patients/{id}/signatures")
    @RolesAllowed(Roles.INVESTIGATOR)
    @Operation(summary = "Sign the patient's casebook through a date, in every service under one id; needs a sign-in "
            + "within the last minutes (else 401 reauthentication-required)")
    public Uni<ObjectNode> sign(@PathParam("id") UUID patientId, @NotNull ObjectNode signature) {
        return review.sign(patientId, signature);
    }

    @GET
    @Path("locks")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR, Roles.SPONSOR})
    @Operation(summary = "Every lock with its state in every service and what each froze")
    public Uni<ObjectNode> locks() {
        return review.locks();
    }

    @POST
    @Path("locks")
    @RolesAllowed(Roles.DATA_MANAGER)
    @Operation(summary = "Lock the study (or one site) at a cut-off in every service, once no query is unresolved")
    public Uni<ObjectNode> lock(@NotNull ObjectNode lock) {
        return review.lock(lock);
    }

    @POST
    @Path("locks/{lockId}/unlock")
    @RolesAllowed(Roles.DATA_MANAGER)
    @Operation(summary = "Lift a lock in every service, with a reason")
    public Uni<ObjectNode> unlock(@PathParam("lockId") UUID lockId, @NotNull ObjectNode reason) {
        return review.unlock(lockId, reason);
    }
}
