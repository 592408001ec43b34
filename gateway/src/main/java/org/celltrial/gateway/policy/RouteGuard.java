package org.celltrial.gateway.policy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemRouteHandlers;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.security.Caller;
import org.celltrial.gateway.edge.EdgeOrder;
import org.celltrial.gateway.edge.RoutingCallers;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Applies the {@link RoutePolicy} to every API request, forwarded or composed, before it goes further. Quarkus has
 * already refused invalid tokens; this refuses requests that carry none (an HTTP path permission would too, but
 * its challenge is an empty 401, not a problem), those the policy does not allow for the caller's roles, and an
 * investigator's or monitor's list query for a site not theirs (the services check every patient's site again).
 */
@ApplicationScoped
public class RouteGuard {

    /** The query parameter by which every list, summary and export is filtered by site (docs/api.md). */
    private static final String SITE_FILTER = "siteCode";

    private final RoutePolicy policy = new RoutePolicy();

    @Inject
    ProblemRouteHandlers problems;

    void install(@Observes Router router) {
        router.route(EdgeOrder.API).order(EdgeOrder.ROUTE_POLICY).handler(this::guard);
    }

    private void guard(RoutingContext ctx) {
        Caller caller = RoutingCallers.of(ctx);
        if (caller.isAnonymous()) {
            problems.write(ctx, Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required"));
            return;
        }
        if (!policy.allows(caller.roles(), ctx.request().method().name(), ctx.normalizedPath())) {
            problems.write(ctx, Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this request"));
            return;
        }
        List<String> otherSites = otherSites(caller, ctx.queryParam(SITE_FILTER));
        if (!otherSites.isEmpty()) {
            problems.write(ctx, Problem.of(ProblemType.FORBIDDEN,
                    "You may not list data of site(s) " + String.join(", ", otherSites)));
            return;
        }
        ctx.next();
    }

    /** Sites named in the query that an investigator or monitor is not assigned to. */
    private static List<String> otherSites(Caller caller, List<String> requested) {
        return requested.stream().filter(site -> !caller.maySeeSite(site)).distinct().toList();
    }
}
