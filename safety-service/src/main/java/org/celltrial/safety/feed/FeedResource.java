package org.celltrial.safety.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.security.Roles;
import org.celltrial.common.validation.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;

@Path("/feed")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    @Inject
    FeedService feed;

    @GET
    @RolesAllowed({Roles.SPONSOR, Roles.SAFETY_OFFICER, Roles.DATA_MANAGER})
    @Operation(summary = "Every change to adverse events since a cursor, in a stable order with no gaps; the ETag "
            + "names the page, so a poll with If-None-Match answers 304 when nothing is new. A cursor names the database "
            + "it came from: one from another (after a restore, an import or a failover), or one without a database, "
            + "is a 422 that says to restart with from=<date>")
    // the answer is a Response (for the ETag and 304): the document names the page it carries, for typed clients
    @APIResponse(responseCode = "200", description = "A page of changes and the cursor to continue from",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedPage.class)))
    public Uni<Response> since(@QueryParam("since") String since, @QueryParam("from") String from,
            @QueryParam("limit") Integer limit, @Context Request request) {
        return feed.since(since, Params.date(from, "from"), limit).map(page -> {
            EntityTag tag = new EntityTag((since == null ? "" : since) + "-" + (from == null ? "" : from) + "-"
                    + page.nextCursor());
            Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
            return (notModified != null ? notModified : Response.ok(page)).tag(tag).build();
        });
    }
}
