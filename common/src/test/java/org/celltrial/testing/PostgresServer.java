package org.celltrial.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real PostgreSQL server the tests run against, found or started once per JVM, in this order:
 * <ol>
 * <li>the server named by configuration ({@code CELLTRIAL_DB_HOST} etc., or {@code -Dcelltrial.db.host});</li>
 * <li>a Testcontainers PostgreSQL, where a Docker engine answers;</li>
 * <li>a server already listening on 127.0.0.1:5432 (trust or password auth as configured);</li>
 * <li>an embedded PostgreSQL unpacked from Maven Central (zonky), which also runs as root.</li>
 * </ol>
 * {@code -Dcelltrial.test.postgres=configured|docker|local|embedded} forces one. The choice is logged.
 */
public final class PostgresServer {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    private static PostgresServer instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresServer(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = locate();
        }
        return instance;
    }

    private static PostgresServer locate() {
        String forced = setting("celltrial.test.postgres", "CELLTRIAL_TEST_POSTGRES", "");
        String user = setting("celltrial.db.user", "CELLTRIAL_DB_USER", "postgres");
        String password = setting("celltrial.db.password", "CELLTRIAL_DB_PASSWORD", "");
        String configuredHost = setting("celltrial.db.host", "CELLTRIAL_DB_HOST", "");
        if (!configuredHost.isEmpty() && (forced.isEmpty() || forced.equals("configured"))) {
            int port = Integer.parseInt(setting("celltrial.db.port", "CELLTRIAL_DB_PORT", "5432"));
            LOG.infof("PostgreSQL for tests: the configured server %s:%d", configuredHost, port);
            return new PostgresServer(configuredHost, port, user, password);
        }
        if ((forced.isEmpty() || forced.equals("docker")) && dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            LOG.infof("PostgreSQL for tests: Testcontainers %s", container.getJdbcUrl());
            return new PostgresServer(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                    container.getPassword());
        }
        if ((forced.isEmpty() || forced.equals("local")) && listening("127.0.0.1", 5432)) {
            LOG.info("PostgreSQL for tests: the server already running on 127.0.0.1:5432");
            return new PostgresServer("127.0.0.1", 5432, user, password);
        }
        return startEmbedded(forced.equals("embedded") ? "forced by celltrial.test.postgres"
                : "no Docker engine and nothing on 127.0.0.1:5432");
    }

    private static PostgresServer startEmbedded(String why) {
        try {
            Path dataDir = Files.createTempDirectory("celltrial-pg-");
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    LOG.warn("Could not stop the embedded PostgreSQL", e);
                }
            }));
            LOG.infof("PostgreSQL for tests: an embedded PostgreSQL (zonky) on port %d (%s)", embedded.getPort(), why);
            return new PostgresServer("127.0.0.1", embedded.getPort(), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL: " + e.getMessage()
                    + ". Configure one with CELLTRIAL_DB_HOST/PORT/USER/PASSWORD.", e);
        }
    }

    /**
     * Drops and recreates a service's database so each run starts from an empty schema, owned by its migration role,
     * with its runtime role (both created where missing, with fresh passwords).
     */
    public DatabaseRoles recreateServiceDatabase(String name) {
        DatabaseRoles roles = DatabaseRoles.withRandomPasswords(name);
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            roles.ensureRoles(admin);
            roles.ensureDatabase(admin);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate database " + name + ": " + e.getMessage(), e);
        }
        try (Connection db = connect(name)) {
            roles.handOverSchema(db);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not secure database " + name + ": " + e.getMessage(), e);
        }
        return roles;
    }

    /** What a service needs to run on this database: Flyway as the owner, everything else as the runtime role. */
    public Map<String, String> serviceConfig(DatabaseRoles roles) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(roles.database()),
                "quarkus.datasource.reactive.url", reactiveUrl(roles.database()),
                "quarkus.datasource.username", roles.runtimeRole(),
                "quarkus.datasource.password", roles.runtimePassword(),
                "quarkus.flyway.username", roles.owner(),
                "quarkus.flyway.password", roles.ownerPassword());
    }

    /** As the admin (a superuser in tests), to look at or tamper with what a service wrote. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    public Connection connect(String database, String role, String rolePassword) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), role, rolePassword);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private static boolean dockerAvailable() {
        // Ask Testcontainers only where an engine may be: it logs errors at length when there is none.
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(env);
        }
        return value == null ? fallback : value.trim();
    }
}
