package org.celltrial.enrollment.membership;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/sites/{code}/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteUserResource {

    @Inject
    SiteMemberService members;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a Keycloak user of this site with one site role (investigator or monitor), "
            + "audited; Keycloak asks the user to set a password and verify the email at the first login")
    public Uni<Response> create(@PathParam("code") String code, @NotNull @Valid SiteUserRequest request) {
        return members.createUser(code, request).map(member -> Response
                .created(URI.create("sites/" + code + "/members")).entity(member).build());
    }
}
