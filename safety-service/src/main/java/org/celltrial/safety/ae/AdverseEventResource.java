package org.celltrial.safety.ae;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.security.Roles;
import org.celltrial.common.versioning.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/adverse-events/{aeId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdverseEventResource {

    @Inject
    AdverseEventService events;

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "One adverse event, with its version as ETag")
    public Uni<Response> get(@PathParam("aeId") UUID eventId) {
        return events.get(eventId).map(AdverseEventResource::withETag);
    }

    @PUT
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER})
    @Operation(summary = "Follow up an adverse event with a reason; a safety officer may confirm or override the "
            + "grade (both grades are kept). If-Match must carry the version read")
    public Uni<Response> update(@PathParam("aeId") UUID eventId, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid AdverseEventUpdate update) {
        return events.update(eventId, ifMatch, update).map(AdverseEventResource::withETag);
    }

    private static Response withETag(AdverseEventView view) {
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
