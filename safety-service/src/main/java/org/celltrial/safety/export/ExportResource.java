package org.celltrial.safety.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.security.Roles;
import org.celltrial.common.validation.Params;
import org.celltrial.safety.report.SafetyReportService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/** Adverse events for sponsors' systems, pseudonymised: SDTM AE as CSV, and a FHIR R4 Bundle of AdverseEvent. */
@Path("/export")
public class ExportResource {

    private final SdtmAeWriter sdtm = new SdtmAeWriter();
    private final FhirAdverseEventBundle fhir = new FhirAdverseEventBundle();

    @Inject
    SafetyReportService reports;

    @ConfigProperty(name = "celltrial.study-id")
    String studyId;

    @GET
    @Path("/sdtm-ae")
    @Produces("text/csv")
    @RolesAllowed({Roles.SAFETY_OFFICER, Roles.DATA_MANAGER, Roles.SPONSOR})
    @Operation(summary = "SDTM-style AE dataset (CDISC SDTMIG AE domain) as CSV")
    public Uni<Response> sdtmAe(@QueryParam("asOf") String asOf, @QueryParam("siteCode") List<String> sites) {
        return reports.exportRows(Params.date(asOf, "asOf"), sites == null ? List.of() : sites).map(rows -> {
            StringWriter out = new StringWriter();
            try {
                sdtm.write(studyId, rows, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Response.ok(out.toString(), "text/csv;charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"ae.csv\"").build();
        });
    }

    @GET
    @Path("/fhir")
    @Produces("application/fhir+json")
    @RolesAllowed({Roles.SAFETY_OFFICER, Roles.DATA_MANAGER, Roles.SPONSOR})
    @Operation(summary = "FHIR R4 Bundle (collection) of AdverseEvent resources")
    public Uni<Response> fhirBundle(@QueryParam("asOf") String asOf, @QueryParam("siteCode") List<String> sites) {
        return reports.exportRows(Params.date(asOf, "asOf"), sites == null ? List.of() : sites)
                .map(rows -> Response.ok(fhir.toJson(studyId, rows), "application/fhir+json").build());
    }
}
