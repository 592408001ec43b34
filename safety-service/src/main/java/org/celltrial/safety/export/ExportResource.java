package org.celltrial.safety.export;

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
import org.jboss.resteasy.reactive.RestMulti;

import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * Adverse events for sponsors' systems, pseudonymised: SDTM AE as CSV and as Dataset-JSON, and a FHIR R4 Bundle of
 * AdverseEvent.
 * <p>
 * Both stream: the events are read page by page and each page is sent as it is read. Everything that can refuse
 * the request (role, parameters, the caller's sites) is settled before the stream starts, and the first chunk
 * leaves only once the first page has been read, so a failure up to then is still a problem+json answer; a
 * failure after it can only cut the response short.
 */
@Path("/export")
public class ExportResource {

    @Inject
    SafetyExports exports;

    @FrozenAtLock("sdtm-ae")
    @GET
    @Path("/sdtm-ae")
    @Produces("text/csv")
    @RolesAllowed({Roles.SAFETY_OFFICER, Roles.DATA_MANAGER, Roles.SPONSOR})
    @Operation(summary = "SDTM AE dataset (CDISC SDTMIG v3.4 AE domain) as CSV, streamed")
    public RestMulti<Buffer> sdtmAe(@QueryParam("asOf") String asOf, @QueryParam("siteCode") List<String> sites) {
        return download(exports.sdtmAe(Params.date(asOf, "asOf"), siteList(sites)), "text/csv;charset=UTF-8",
                "ae.csv").build();
    }

    @FrozenAtLock("sdtm-ae-json")
    @GET
    @Path("/sdtm-ae.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SAFETY_OFFICER, Roles.DATA_MANAGER, Roles.SPONSOR})
    @Operation(summary = "The same SDTM AE dataset as CDISC Dataset-JSON v1.1, with its variables' metadata, streamed")
    public RestMulti<Buffer> sdtmAeDatasetJson(@QueryParam("asOf") String asOf,
            @QueryParam("siteCode") List<String> sites) {
        return download(exports.sdtmAeDatasetJson(Params.date(asOf, "asOf"), siteList(sites)),
                "application/json;charset=UTF-8", "ae.json").encodeAsJsonArray(false).build();
    }

    @FrozenAtLock("fhir")
    @GET
    @Path("/fhir")
    @Produces("application/fhir+json")
    @RolesAllowed({Roles.SAFETY_OFFICER, Roles.DATA_MANAGER, Roles.SPONSOR})
    @Operation(summary = "FHIR R4 Bundle (collection) of AdverseEvent resources, streamed")
    public RestMulti<Buffer> fhirBundle(@QueryParam("asOf") String asOf, @QueryParam("siteCode") List<String> sites) {
        // Quarkus REST would make a JSON array of the chunks of a stream whose media type names JSON; told not to,
        // it ends each chunk with a line break instead, which between two JSON tokens is only whitespace.
        return download(exports.fhirBundle(Params.date(asOf, "asOf"), siteList(sites)),
                "application/fhir+json;charset=UTF-8", "ae-fhir-bundle.json")
                .encodeAsJsonArray(false)
                .build();
    }

    private static List<String> siteList(List<String> sites) {
        return sites == null ? List.of() : sites;
    }

    /** The chunks, as UTF-8 bytes, for the response body of a file to download. */
    private static RestMulti.SyncRestMulti.Builder<Buffer> download(Multi<String> chunks, String contentType,
            String filename) {
        // Bytes, not strings: a string would go through the media type's message body writer, which for JSON
        // types is Jackson's and would quote it.
        return RestMulti.fromMultiData(chunks.map(Buffer::buffer))
                .header("Content-Type", contentType)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
