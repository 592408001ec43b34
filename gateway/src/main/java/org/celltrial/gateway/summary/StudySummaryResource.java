package org.celltrial.gateway.summary;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.security.Roles;
import org.celltrial.common.validation.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

@Path("/summary")
@Tag(name = "study", description = "Composite views over the three services")
@Produces(MediaType.APPLICATION_JSON)
public class StudySummaryResource {

    @Inject
    StudySummaryService summaries;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.SPONSOR})
    @Operation(summary = "The study at a cut-off as a paper reports it: enrolled, age, sex, baseline platelets, "
            + "disease duration, prior therapies, follow-up, CRS and ICANS by max grade, IWG response and ORR, "
            + "B-cell aplasia, autoantibody conversion. asOf defaults to today")
    @APIResponse(responseCode = "200", description = "The summary; Content-Digest carries its SHA-256, so a summary "
            + "at a locked cut-off can be shown to be the same bytes on every read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StudySummary.class)))
    public Uni<Response> summary(@QueryParam("asOf") String asOf, @QueryParam("siteCode") List<String> sites) {
        LocalDate given = Params.date(asOf, "asOf");
        return summaries.summary(given != null ? given : LocalDate.now(clock), sites == null ? List.of() : sites)
                .map(summary -> {
                    byte[] body = bytes(summary);
                    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                            .header("Content-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body))
                                    + ":")
                            .build();
                });
    }

    private byte[] bytes(StudySummary summary) {
        try {
            return json.writeValueAsBytes(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the study summary must serialise", e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
