package org.celltrial.common.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code GET .../me}: the caller as this service sees it, so clients and operators can check a token's roles and sites. */
@Path("/me")
@Authenticated
public class CallerResource {

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's subject, roles and sites, as read from the access token")
    public Caller me() {
        return Caller.of(identity);
    }
}
