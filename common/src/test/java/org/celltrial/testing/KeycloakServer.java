package org.celltrial.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * The real Keycloak the tests take tokens from, reused when one already serves realm {@code celltrial}
 * (for example the one {@code ./suite up} started), otherwise started once per JVM from the distribution
 * the build unpacked under {@code target/keycloak}, with the committed realm imported afresh.
 */
public final class KeycloakServer {

    public static final String REALM = "celltrial";
    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static KeycloakServer instance;

    private final String url;

    private KeycloakServer(String url) {
        this.url = url;
    }

    public static synchronized KeycloakServer get() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    /** Base URL, e.g. {@code http://localhost:8180}. */
    public String url() {
        return url;
    }

    public String realmUrl() {
        return url + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    private static KeycloakServer locate() {
        String configured = PostgresServer.setting("celltrial.keycloak.url", "CELLTRIAL_KEYCLOAK_URL", "");
        if (!configured.isEmpty()) {
            if (!realmServed(configured)) {
                throw new IllegalStateException("The configured Keycloak " + configured + " does not serve realm "
                        + REALM);
            }
            LOG.infof("Keycloak for tests: the configured server %s", configured);
            return new KeycloakServer(configured);
        }
        int port = Integer.parseInt(PostgresServer.setting("celltrial.keycloak.port", "CELLTRIAL_KEYCLOAK_PORT",
                "8180"));
        String url = "http://localhost:" + port;
        if (realmServed(url)) {
            LOG.infof("Keycloak for tests: reusing the one already serving realm %s at %s", REALM, url);
            return new KeycloakServer(url);
        }
        start(port);
        return new KeycloakServer(url);
    }

    private static void start(int port) {
        Path root = Path.of(System.getProperty("celltrial.root", "."));
        Path home = Path.of(System.getProperty("celltrial.keycloak.home",
                root.resolve("target/keycloak/keycloak-26.5.6").toString()));
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ". Run the build from the "
                    + "project root (./mvnw verify), which unpacks org.keycloak:keycloak-quarkus-dist from Maven "
                    + "Central, or set CELLTRIAL_KEYCLOAK_URL to a running Keycloak.");
        }
        try {
            Path data = home.resolve("data");
            deleteRecursively(data);
            Path imports = Files.createDirectories(data.resolve("import"));
            try (Stream<Path> realmFiles = Files.list(root.resolve("dev/keycloak/import"))) {
                for (Path file : realmFiles.toList()) {
                    Files.copy(file, imports.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path log = root.resolve("target/keycloak/keycloak-test.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(kcSh.toString(), "start-dev",
                    "--http-port=" + port, "--hostname=http://localhost:" + port, "--import-realm"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            long started = System.nanoTime();
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
            String url = "http://localhost:" + port;
            while (!realmServed(url)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
                }
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(START_TIMEOUT) > 0) {
                    stop(process);
                    throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + "; see " + log);
                }
                Thread.sleep(500);
            }
            LOG.infof("Keycloak for tests: started %s at %s in %d ms (log %s)", home.getFileName(), url,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Keycloak", e);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static boolean realmServed(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(url + "/realms/" + REALM + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
