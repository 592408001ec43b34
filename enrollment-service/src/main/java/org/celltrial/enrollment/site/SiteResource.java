package org.celltrial.enrollment.site;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.paging.Page;
import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteResource {

    @Inject
    SiteService sites;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Open a trial site")
    public Uni<Response> create(@HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @NotNull @Valid SiteRequest request) {
        return sites.create(idempotencyKey, request).map(Created::toResponse);
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(summary = "One trial site")
    public Uni<SiteView> get(@PathParam("code") String code) {
        return sites.get(code);
    }

    @GET
    @Authenticated
    @Operation(summary = "The trial sites, by code")
    public Uni<Page<SiteView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return sites.list(limit, cursor);
    }
}
