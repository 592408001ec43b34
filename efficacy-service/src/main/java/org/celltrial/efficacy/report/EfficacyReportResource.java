package org.celltrial.efficacy.report;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.review.FrozenAtLock;
import org.celltrial.common.security.Roles;
import org.celltrial.common.validation.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.smallrye.mutiny.Uni;

@Path("/summary")
@Produces(MediaType.APPLICATION_JSON)
public class EfficacyReportResource {

    @Inject
    EfficacyReportService reports;

    @FrozenAtLock("summary")
    @GET
    @RolesAllowed({Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.SPONSOR})
    @Operation(summary = "Efficacy at a cut-off: patients by best response, ORR, CR rate, median time to response, "
            + "sustained B-cell aplasia, autoantibody conversion (pseudonymised)")
    public Uni<EfficacySummary> summary(@QueryParam("asOf") String asOf,
            @QueryParam("siteCode") List<String> siteCodes,
            @Parameter(description = "false: the figures without a row per patient (the gateway's study summary)")
            @QueryParam("patients") String patients) {
        return reports.summary(Params.date(asOf, "asOf"), siteCodes == null ? List.of() : siteCodes,
                Params.flag(patients, "patients", true));
    }
}
