package org.celltrial.common.review;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.celltrial.common.review.SourceVerificationViews.SiteProgress;
import org.celltrial.common.review.SourceVerificationViews.Verification;
import org.celltrial.common.review.SourceVerificationViews.VerifyRecords;
import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;

/** Source data verification of this service's records (docs/data-review.md, Source data verification). */
@Path("/")
@IfBuildProperty(name = "celltrial.review.records", stringValue = "true")
public class SourceVerificationResource {

    @Inject
    SourceVerificationService verifications;

    @POST
    @Path("patients/{id}/source-verification")
    @RolesAllowed(Roles.MONITOR)
    @Operation(summary = "Mark the patient's records (or all of them) as verified against source")
    public Uni<Verification> verify(@PathParam("id") UUID patientId, @NotNull @Valid VerifyRecords request) {
        return verifications.verify(patientId, request);
    }

    @GET
    @Path("source-verification")
    @RolesAllowed({Roles.MONITOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER})
    @Operation(summary = "Per site: records verified against source out of those not void")
    public Uni<List<SiteProgress>> progress(@QueryParam("siteCode") List<String> siteCodes) {
        return verifications.progress(siteCodes);
    }
}
