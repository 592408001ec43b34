package org.celltrial.enrollment.membership;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/sites/{code}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SiteMemberResource {

    @Inject
    SiteMemberService members;

    @GET
    @Operation(summary = "The site's staff: the Keycloak users whose site claim names it, with their roles")
    public Uni<SiteMembers> list(@PathParam("code") String code) {
        return members.members(code);
    }

    @POST
    @Operation(summary = "Add an existing user to the site (audited); the user's next token carries it")
    public Uni<SiteMember> add(@PathParam("code") String code, @NotNull @Valid MemberRequest request) {
        return members.add(code, request.username());
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Remove a user from the site (audited); the user's next token no longer carries it")
    public Uni<Response> remove(@PathParam("code") String code, @PathParam("username") String username) {
        return members.remove(code, username).replaceWith(Response.noContent().build());
    }
}
