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

import org.celltrial.common.review.SignatureViews.Sign;
import org.celltrial.common.review.SignatureViews.SignatureView;
import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;

/** Investigators' signatures of this service's part of a patient's casebook (docs/data-review.md, Signatures). */
@Path("/patients/{id}/signatures")
@IfBuildProperty(name = "celltrial.review.records", stringValue = "true")
public class SignatureResource {

    @Inject
    SignatureService signatures;

    @POST
    @RolesAllowed(Roles.INVESTIGATOR)
    @Operation(summary = "Sign the patient's casebook through a date; needs a sign-in within the last minutes "
            + "(else 401 reauthentication-required)")
    public Uni<SignatureView> sign(@PathParam("id") UUID patientId, @NotNull @Valid Sign request) {
        return signatures.sign(patientId, request);
    }

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "The patient's casebook signatures, valid or invalidated by a later change")
    public Uni<List<SignatureView>> ofPatient(@PathParam("id") UUID patientId) {
        return signatures.ofPatient(patientId);
    }
}
