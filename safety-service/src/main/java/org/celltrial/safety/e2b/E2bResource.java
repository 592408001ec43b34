package org.celltrial.safety.e2b;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.security.Roles;
import org.celltrial.common.validation.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/** ICH E2B(R3) individual case safety reports of serious adverse events, for sponsors' safety databases. */
@Path("/sae")
public class E2bResource {

    @Inject
    E2bService reports;

    @GET
    @Path("/{aeId}/e2b")
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed({Roles.SAFETY_OFFICER, Roles.DATA_MANAGER, Roles.SPONSOR})
    @Operation(summary = "The serious adverse event's current version as an ICH E2B(R3) ICSR (HL7 v3 "
            + "MCCI_IN200100UV01 batch of one PORR_IN049016UV), audited; 409 names each required fact the case lacks")
    public Uni<Response> report(@PathParam("aeId") UUID eventId) {
        return reports.report(eventId).map(xml -> Response.ok(xml, MediaType.APPLICATION_XML).build());
    }

    @GET
    @Path("/e2b")
    @Produces(MediaType.APPLICATION_XML)
    @RolesAllowed({Roles.SAFETY_OFFICER, Roles.DATA_MANAGER, Roles.SPONSOR})
    @Operation(summary = "Every serious adverse event with an onset from 'from' to 'to' (both included), of the sites "
            + "asked for (siteCode, repeatable), as one E2B(R3) batch, audited; 204 when there is none; 409 names each "
            + "required fact a case lacks")
    public Uni<Response> batch(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("siteCode") List<String> sites) {
        LocalDate first = required(from, "from");
        LocalDate last = required(to, "to");
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return reports.batch(first, last, sites == null ? List.of() : sites).map(xml -> xml
                .map(found -> Response.ok(found, MediaType.APPLICATION_XML))
                .orElseGet(Response::noContent)
                .build());
    }

    private static LocalDate required(String value, String parameter) {
        LocalDate date = Params.date(value, parameter);
        if (date == null) {
            throw ProblemException.invalid(parameter, "is required (yyyy-MM-dd)");
        }
        return date;
    }
}
