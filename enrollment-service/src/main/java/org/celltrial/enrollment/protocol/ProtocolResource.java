package org.celltrial.enrollment.protocol;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/protocol")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProtocolResource {

    @Inject
    ProtocolService protocols;

    @GET
    @Authenticated
    @Operation(summary = "The protocol in force: dose levels, lymphodepletion, dosing rules, visits, eligibility")
    @APIResponse(responseCode = "200", description = "The protocol; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProtocolView.class)))
    public Uni<Response> current() {
        return protocols.current().map(ProtocolResource::withETag);
    }

    @GET
    @Path("/versions/{version}")
    @Authenticated
    @Operation(summary = "One version of the protocol, e.g. the one a patient was enrolled under")
    public Uni<Response> version(@PathParam("version") int version) {
        return protocols.version(version).map(ProtocolResource::withETag);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Amend the protocol: adds a version; If-Match must carry the current version's ETag")
    public Uni<Response> amend(@HeaderParam("If-Match") String ifMatch, @NotNull @Valid ProtocolUpdate update) {
        return protocols.amend(ifMatch, update).map(ProtocolResource::withETag);
    }

    private static Response withETag(ProtocolView view) {
        return Response.ok(view).tag(Versions.etag(view.version)).build();
    }
}
