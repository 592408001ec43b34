package org.celltrial.gateway.summary;

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

import org.celltrial.common.security.Roles;
import org.celltrial.common.validation.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/summary")
@Tag(name = "study", description = "Composite views over the three services")
@Produces(MediaType.APPLICATION_JSON)
public class StudySummaryResource {

    @Inject
    StudySummaryService summaries;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.SPONSOR})
    @Operation(summary = "The study at a cut-off as a paper reports it: enrolled, age, sex, baseline platelets, "
            + "disease duration, prior therapies, follow-up, CRS and ICANS by max grade, IWG response and ORR, "
            + "B-cell aplasia, autoantibody conversion. asOf defaults to today")
    public Uni<StudySummary> summary(@QueryParam("asOf") String asOf, @QueryParam("siteCode") List<String> sites) {
        LocalDate given = Params.date(asOf, "asOf");
        return summaries.summary(given != null ? given : LocalDate.now(clock), sites == null ? List.of() : sites);
    }
}
