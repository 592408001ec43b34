package org.celltrial.common.review;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.security.Caller;
import org.celltrial.common.validation.Params;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Serves a report at a locked cut-off from what the lock froze ({@link FrozenAtLock}): the same bytes on every read,
 * with their SHA-256 in {@code Content-Digest} (RFC 9530) and the lock in {@code Data-Lock}. Only whole reads are
 * frozen: the study's report for a caller who reads every site (no {@code siteCode}), or one site's
 * ({@code siteCode} naming only it) under that site's lock; a paged read with a cursor, or a caller who sees only
 * some sites, is answered from the data as usual.
 */
public class FrozenReportFilter {

    public static final String DATA_LOCK = "Data-Lock";

    @Inject
    DataLockService locks;

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public Uni<Response> serveFrozen(ContainerRequestContext request, ResourceInfo resource) {
        FrozenAtLock frozen = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(FrozenAtLock.class);
        if (frozen == null || !allowed(resource)) {
            return Uni.createFrom().nullItem();
        }
        var query = request.getUriInfo().getQueryParameters();
        String asOf = query.getFirst("asOf");
        List<String> sites = query.getOrDefault("siteCode", List.of());
        if (asOf == null || query.containsKey("cursor") || sites.size() > 1) {
            return Uni.createFrom().nullItem();
        }
        LocalDate cutoff = Params.date(asOf, "asOf");
        String site = sites.isEmpty() ? null : sites.get(0);
        Caller caller = Caller.of(identity);
        boolean whole = site == null ? caller.visibleSites(Caller.Action.READ) == null : caller.maySeeSite(site);
        if (!whole) {
            return Uni.createFrom().nullItem();
        }
        return locks.frozen(frozen.value(), cutoff, site).map(report -> report == null ? null
                : Response.ok(report.content, report.mediaType)
                        .header("Content-Digest", "sha-256=:" + Base64.getEncoder()
                                .encodeToString(HexFormat.of().parseHex(report.sha256)) + ":")
                        .header(DATA_LOCK, report.lockId)
                        .build());
    }

    /** The method's own role check, so a frozen answer never reaches a caller the method would refuse. */
    private boolean allowed(ResourceInfo resource) {
        RolesAllowed roles = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return roles != null && Arrays.stream(roles.value()).anyMatch(identity::hasRole);
    }
}
