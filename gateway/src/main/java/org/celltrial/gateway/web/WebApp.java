package org.celltrial.gateway.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the web front end (the {@code web} module's bundle) at {@code /web/} from the same origin as the API, so
 * the browser needs no CORS for it (docs/web.md, Serving). The only thing it adds besides the files is
 * {@code /web/config.json}: where browsers sign in (Keycloak's public realm URL, which inside a cluster is not the
 * one the gateway itself reads keys from, and the public {@code web} client). Its pages get a
 * Content-Security-Policy that allows scripts and styles from this origin only and connections to this origin and
 * Keycloak.
 */
@ApplicationScoped
public class WebApp {

    private static final Logger LOG = Logger.getLogger(WebApp.class);
    static final String PATH = "/web/";

    private final Optional<String> root;
    private final String realmUrl;
    private final String clientId;

    WebApp(@ConfigProperty(name = "celltrial.web.root") Optional<String> root,
            @ConfigProperty(name = "celltrial.web.authority") String realmUrl,
            @ConfigProperty(name = "celltrial.web.client-id", defaultValue = "web") String clientId) {
        this.root = root;
        this.realmUrl = realmUrl;
        this.clientId = clientId;
    }

    void install(@Observes Router router) {
        if (root.isEmpty() || !Files.isRegularFile(Path.of(root.get(), "index.html"))) {
            LOG.infof("No web front end served: celltrial.web.root (%s) holds no index.html",
                    root.orElse("not set"));
            return;
        }
        String directory = Path.of(root.get()).toAbsolutePath().toString();
        String policy = contentSecurityPolicy(realmUrl);
        router.get("/").handler(ctx -> ctx.redirect(PATH));
        // a path route "/web" would match "/web/" too (and redirect it forever): only the bare one, by regex
        router.getWithRegex("^/web$").handler(ctx -> ctx.redirect(PATH));
        router.route(PATH + "*").handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", policy);
            ctx.next();
        });
        router.get(PATH + "config.json").handler(this::config);
        router.get(PATH + "*").handler(StaticHandler.create(FileSystemAccess.ROOT, directory)
                .setCachingEnabled(false)
                .setDirectoryListing(false)
                .setIncludeHidden(false));
        LOG.infof("Web front end served at %s from %s", PATH, directory);
    }

    private void config(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(new JsonObject().put("authority", realmUrl).put("clientId", clientId).encode());
    }

    /** Scripts, styles and images from this origin only; API calls here and token calls to Keycloak. */
    static String contentSecurityPolicy(String realmUrl) {
        URI realm = URI.create(realmUrl);
        String keycloak = realm.getScheme() + "://" + realm.getAuthority();
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + keycloak + "; form-action 'self' " + keycloak + "; "
                + "base-uri 'none'; frame-ancestors 'none'";
    }
}
