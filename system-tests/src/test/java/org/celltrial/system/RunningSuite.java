package org.celltrial.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.celltrial.testing.KeycloakServer;
import org.celltrial.testing.PostgresServer;
import org.celltrial.testing.Tokens;

/**
 * The whole suite as it runs in production, once per test JVM: the packaged enrollment, safety and efficacy
 * services (each on a fresh database of its own) and the gateway in front of them, as child processes on
 * free ports, against the real PostgreSQL and Keycloak of the test support.
 */
final class RunningSuite {

    private static final Path ROOT = Path.of(System.getProperty("celltrial.root", ".."));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    static final int MACHINE_REQUESTS_PER_MINUTE = 30;
    /**
     * People keep a limit, far above what the production 600/min allows, so that the fuzzing and matrix suites
     * (thousands of requests by one user within a minute) measure the route policy and validation, not the rate
     * limiter; GatewayLimitsTest tests the person limit itself.
     */
    static final int PERSON_REQUESTS_PER_MINUTE = 1_000_000;
    private static RunningSuite instance;

    final ServiceProcess enrollment;
    final ServiceProcess safety;
    final ServiceProcess efficacy;
    final ServiceProcess gateway;

    private RunningSuite(ServiceProcess enrollment, ServiceProcess safety, ServiceProcess efficacy,
            ServiceProcess gateway) {
        this.enrollment = enrollment;
        this.safety = safety;
        this.efficacy = efficacy;
        this.gateway = gateway;
    }

    /** The suite if a test of this JVM started it, else null (nothing is started). */
    static synchronized RunningSuite ifStarted() {
        return instance;
    }

    static synchronized RunningSuite get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static RunningSuite start() {
        KeycloakServer keycloak = KeycloakServer.get();
        PostgresServer postgres = PostgresServer.get();
        List<ServiceProcess> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(RunningSuite::stopQuietly)));
        try {
            // enrollment manages site membership through Keycloak's admin API as its own client
            ServiceProcess enrollment = service("enrollment-service", "enrollment_e2e", postgres, keycloak,
                    Map.of("CELLTRIAL_ENROLLMENT_CLIENT_SECRET", Tokens.enrollmentClientSecret()));
            started.add(enrollment);
            // safety and efficacy read patient references from this enrollment-service, not a default port
            // ... and let a signature's sign-in age past the allowed age in seconds (DataReviewIT), not minutes
            Map<String, String> readsEnrollment = Map.of("quarkus.rest-client.enrollment.url", enrollment.url(),
                    "celltrial.review.signature-max-auth-age", "PT10S");
            ServiceProcess safety = service("safety-service", "safety_e2e", postgres, keycloak, readsEnrollment);
            started.add(safety);
            ServiceProcess efficacy = service("efficacy-service", "efficacy_e2e", postgres, keycloak, readsEnrollment);
            started.add(efficacy);
            ServiceProcess gateway = ServiceProcess.start("gateway", Map.of(
                    "celltrial.keycloak.url", keycloak.url(),
                    "celltrial.gateway.services.enrollment.url", enrollment.url(),
                    "celltrial.gateway.services.safety.url", safety.url(),
                    "celltrial.gateway.services.efficacy.url", efficacy.url(),
                    // small enough for a burst test to reach; people keep the production limit
                    "celltrial.gateway.rate-limits.machine.requests", String.valueOf(MACHINE_REQUESTS_PER_MINUTE),
                    "celltrial.gateway.rate-limits.person.requests", String.valueOf(PERSON_REQUESTS_PER_MINUTE),
                    "CELLTRIAL_ACCESS_LOG", ServiceLogs.gatewayAccessLog().toString(),
                    "celltrial.gateway.services.efficacy.circuit-breaker.open-for", "3s",
                    "celltrial.gateway.services.efficacy.idle-timeout", "5s",
                    // the web front end, where its build ran (WebBrowserIT skips otherwise)
                    "celltrial.web.root", ROOT.resolve("web/target/dist").toAbsolutePath().toString()));
            started.add(gateway);
            CompletableFuture.allOf(started.stream()
                    .map(process -> CompletableFuture.runAsync(() -> awaitReady(process)))
                    .toArray(CompletableFuture[]::new)).join();
            return new RunningSuite(enrollment, safety, efficacy, gateway);
        } catch (RuntimeException e) {
            started.forEach(RunningSuite::stopQuietly);
            throw e;
        }
    }

    private static ServiceProcess service(String module, String database, PostgresServer postgres,
            KeycloakServer keycloak, Map<String, String> more) {
        // Flyway as the database's owner role, the service as its runtime role (docs/architecture.md, Audit trail)
        Map<String, String> config = new HashMap<>(postgres.serviceConfig(postgres.recreateServiceDatabase(database)));
        config.put("celltrial.keycloak.url", keycloak.url());
        // Each service logs every request it receives with the X-Request-Id it came with (test setting): the
        // route-guard fuzzing proves by it that a refused request never reached a service (ServiceLogs).
        config.putAll(ServiceLogs.ACCESS_LOG_SETTINGS);
        config.putAll(more);
        return ServiceProcess.start(module, config);
    }

    static void awaitReady(ServiceProcess process) {
        try {
            process.awaitReady(READY_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stopQuietly(ServiceProcess process) {
        try {
            process.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
