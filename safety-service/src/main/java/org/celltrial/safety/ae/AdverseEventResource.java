package org.celltrial.safety.ae;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.security.Roles;
import org.celltrial.common.versioning.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

@Path("/adverse-events/{aeId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdverseEventResource {

    @Inject
    AdverseEventService events;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "One adverse event, with its version as ETag")
    public Uni<Response> get(@PathParam("aeId") UUID eventId) {
        return events.get(eventId).map(AdverseEventResource::withETag);
    }

    /** RFC 7396: a JSON document whose members replace the target's, null clearing one. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    /**
     * The body is read here, not bound to {@link AdverseEventUpdate}: a follow-up is a merge patch of the stored
     * event, so which fields the client left out matters (they keep their values). Both media types mean the same.
     */
    @PUT
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER})
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
    @Operation(summary = "Follow up an adverse event with a reason, as a JSON Merge Patch (RFC 7396): fields left out "
            + "keep their values, null clears one. Only a safety officer may change confirmedGrade, expected, "
            + "awarenessDate, reportedOn and sponsorRelatedToCarT (both grades are kept). If-Match must carry the "
            + "version read")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdverseEventUpdate.class)),
            @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = AdverseEventUpdate.class)) })
    public Uni<Response> update(@PathParam("aeId") UUID eventId, @HeaderParam("If-Match") String ifMatch,
            String body) throws JsonProcessingException {
        return events.update(eventId, ifMatch, body == null || body.isBlank() ? null : json.readTree(body))
                .map(AdverseEventResource::withETag);
    }

    /** The same follow-up under the method RFC 7396 names. */
    @PATCH
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER})
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "As PUT: a JSON Merge Patch follow-up of an adverse event")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH_JSON,
            schema = @Schema(implementation = AdverseEventUpdate.class)))
    public Uni<Response> patch(@PathParam("aeId") UUID eventId, @HeaderParam("If-Match") String ifMatch,
            String body) throws JsonProcessingException {
        return update(eventId, ifMatch, body);
    }

    private static Response withETag(AdverseEventView view) {
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
