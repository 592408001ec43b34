package org.celltrial.common.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/**
 * {@code GET .../audit/verify}: whether this service's audit trail is as it was written, for administrators
 * (docs/architecture.md, Audit trail). Reads only the chain's hashes and row numbers, no clinical data.
 */
@Path("/audit/verify")
@RolesAllowed(Roles.ADMIN)
public class AuditChainResource {

    @Inject
    AuditChain chain;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Checks the hash chain of this service's audit trail and names the first broken row")
    public Uni<AuditChainVerification> verify() {
        return chain.verify();
    }
}
