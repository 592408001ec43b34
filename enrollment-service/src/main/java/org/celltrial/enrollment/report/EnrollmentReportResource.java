package org.celltrial.enrollment.report;

import java.time.Clock;
import java.time.LocalDate;
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
public class EnrollmentReportResource {

    @Inject
    EnrollmentReportService reports;

    @Inject
    Clock clock;

    @FrozenAtLock("summary")
    @GET
    @RolesAllowed({Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.SPONSOR, Roles.MONITOR, Roles.INVESTIGATOR})
    @Operation(summary = "Study demographics at a cut-off (asOf, default today): enrolled, age, sex, baseline "
            + "platelets, disease duration, prior therapies, follow-up, lymphodepletion, and one row per patient "
            + "(pseudonymised); siteCode (repeatable) narrows it, investigators and monitors see their own sites")
    public Uni<EnrollmentSummary> summary(@QueryParam("asOf") String asOf,
            @QueryParam("siteCode") List<String> siteCodes,
            @Parameter(description = "false: the figures without a row per patient (the gateway's study summary)")
            @QueryParam("patients") String patients) {
        LocalDate cutOff = Params.date(asOf, "asOf");
        boolean withPatients = Params.flag(patients, "patients", true);
        return reports.summary(cutOff != null ? cutOff : LocalDate.now(clock), siteCodes, withPatients);
    }
}
