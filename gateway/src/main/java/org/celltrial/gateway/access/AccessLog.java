package org.celltrial.gateway.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.celltrial.common.security.Caller;
import org.celltrial.gateway.edge.EdgeOrder;
import org.celltrial.gateway.edge.RequestIds;
import org.celltrial.gateway.edge.RoutingCallers;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Who read or wrote which patient's data: one JSON line per API request, on the {@code celltrial.access} logger,
 * which application.properties sends to its own file, apart from the application log. A line holds the caller's
 * token subject and client, the method, the path (never the query string), the patient's ID when the path names
 * one, the status and its outcome. Never the token, never a name, initials or birth date.
 */
@ApplicationScoped
public class AccessLog {

    public static final String CATEGORY = "celltrial.access";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final Pattern PATIENT = Pattern.compile("/patients/([0-9a-fA-F-]{36})(?:/|$)");

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route(EdgeOrder.API).order(EdgeOrder.ACCESS_LOG).handler(this::record);
    }

    private void record(RoutingContext ctx) {
        long started = System.nanoTime();
        ctx.addEndHandler(ignored -> LOG.info(line(ctx, started)));
        ctx.next();
    }

    private String line(RoutingContext ctx, long started) {
        Caller caller = RoutingCallers.of(ctx);
        String path = ctx.request().path();
        int status = ctx.response().getStatusCode();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", Instant.now().toString());
        entry.put("requestId", RequestIds.of(ctx));
        entry.put("subject", caller.subject());
        entry.put("client", caller.client());
        entry.put("roles", caller.roles());
        entry.put("method", ctx.request().method().name());
        entry.put("path", path);
        entry.put("patientId", patientId(path));
        entry.put("status", status);
        entry.put("outcome", AccessOutcome.of(status).label());
        entry.put("millis", (System.nanoTime() - started) / 1_000_000);
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An access log entry of plain values cannot fail to serialise", e);
        }
    }

    static String patientId(String path) {
        Matcher matcher = PATIENT.matcher(path);
        return matcher.find() ? matcher.group(1) : null;
    }
}
