package org.celltrial.safety.report;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.paging.Page;
import org.celltrial.common.review.FrozenAtLock;
import org.celltrial.common.security.Roles;
import org.celltrial.common.validation.Params;
import org.celltrial.safety.ae.AdverseEventView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.smallrye.mutiny.Uni;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SafetyReportResource {

    @Inject
    SafetyReportService reports;

    @FrozenAtLock("summary")
    @GET
    @Path("summary")
    @RolesAllowed({Roles.SAFETY_OFFICER, Roles.DATA_MANAGER, Roles.SPONSOR})
    @Operation(summary = "Safety at a cut-off: max CRS and ICANS grade per patient, patients per max grade, "
            + "adverse events by term and max grade, serious events (pseudonymised)")
    public Uni<SafetySummary> summary(@QueryParam("asOf") String asOf, @QueryParam("siteCode") List<String> sites,
            @Parameter(description = "false: the figures without a row per patient or serious event (the gateway's "
                    + "study summary)")
            @QueryParam("patients") String patients) {
        boolean withPatients = Params.flag(patients, "patients", true);
        return reports.summary(Params.date(asOf, "asOf"), sites == null ? List.of() : sites, withPatients);
    }

    @FrozenAtLock("line-listing")
    @GET
    @Path("line-listing")
    @RolesAllowed({Roles.SAFETY_OFFICER, Roles.DATA_MANAGER, Roles.SPONSOR})
    @Operation(summary = "One row per adverse event, pseudonymised (subject ID only), by subject and onset")
    public Uni<Page<AdverseEventView>> lineListing(@QueryParam("asOf") String asOf,
            @QueryParam("siteCode") List<String> sites, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return reports.lineListing(Params.date(asOf, "asOf"), sites == null ? List.of() : sites, limit, cursor);
    }
}
