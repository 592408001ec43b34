package org.celltrial.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.celltrial.testing.DatabaseRoles;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL side of {@code ./suite}, in Java because a fresh machine may have no {@code psql}.
 * <ul>
 * <li>{@code ensure HOST PORT USER}: connects to the server (password from {@code CELLTRIAL_DB_PASSWORD}) and
 * creates the databases the services need where missing, each with its two roles ({@link DatabaseRoles}, passwords
 * from {@code CELLTRIAL_DB_OWNER_PASSWORD} and {@code CELLTRIAL_DB_RUNTIME_PASSWORD}, set again on every run), and
 * hands a database made before the roles were split to its owner role; never drops anything. Exit 0 when they all
 * exist, 2 when the server cannot be reached or refuses the login, 1 on any other failure.</li>
 * <li>{@code embedded PORT DATA_DIR}: starts an embedded real PostgreSQL (zonky binaries from Maven Central)
 * on 127.0.0.1:PORT, keeping its data in DATA_DIR across runs, ensures the databases, prints
 * {@code DEVPOSTGRES READY ...} and blocks until the JVM is told to stop (SIGTERM/SIGINT), when the server is
 * shut down cleanly.</li>
 * </ul>
 * Run as {@code java -jar celltrial-dev-tools-runnable.jar postgres ensure|embedded ...} (see {@link DevTools}).
 */
public final class DevPostgres {

    /** One database per service; see each service's {@code celltrial.db.name}. */
    static final List<String> DATABASES = List.of("enrollment", "safety", "efficacy");

    private DevPostgres() {
    }

    /** Runs {@code ensure} or {@code embedded} (which returns only when its server could not be set up). */
    public static int run(String[] args) throws IOException, InterruptedException {
        String mode = args.length > 0 ? args[0] : "";
        switch (mode) {
            case "ensure" -> {
                if (args.length != 4) {
                    return usage();
                }
                String password = System.getenv().getOrDefault("CELLTRIAL_DB_PASSWORD", "");
                return ensure(args[1], Integer.parseInt(args[2]), args[3], password);
            }
            case "embedded" -> {
                if (args.length != 3) {
                    return usage();
                }
                return embedded(Integer.parseInt(args[1]), Path.of(args[2]));
            }
            default -> {
                return usage();
            }
        }
    }

    private static int usage() {
        System.err.println("usage: java -jar celltrial-dev-tools-runnable.jar postgres ensure HOST PORT USER"
                + "   (password from CELLTRIAL_DB_PASSWORD)");
        System.err.println("       java -jar celltrial-dev-tools-runnable.jar postgres embedded PORT DATA_DIR");
        System.err.println("  both: the roles' passwords from CELLTRIAL_DB_OWNER_PASSWORD, CELLTRIAL_DB_RUNTIME_PASSWORD");
        return 64;
    }

    static int ensure(String host, int port, String user, String password) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres?connectTimeout=5";
        Connection admin;
        try {
            admin = DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            System.err.printf("DevPostgres: cannot log in to PostgreSQL at %s:%d as %s: %s%n", host, port, user,
                    e.getMessage());
            return 2;
        }
        String ownerPassword = System.getenv().getOrDefault("CELLTRIAL_DB_OWNER_PASSWORD", "");
        String runtimePassword = System.getenv().getOrDefault("CELLTRIAL_DB_RUNTIME_PASSWORD", "");
        if (ownerPassword.isEmpty() || runtimePassword.isEmpty()) {
            // Quarkus takes an empty Flyway password for none and would then migrate as the runtime role.
            System.err.println("DevPostgres: set CELLTRIAL_DB_OWNER_PASSWORD and CELLTRIAL_DB_RUNTIME_PASSWORD");
            return 1;
        }
        try (admin) {
            for (String name : DATABASES) {
                DatabaseRoles roles = DatabaseRoles.of(name, ownerPassword, runtimePassword);
                roles.ensureRoles(admin);
                boolean existed = roles.databaseExists(admin);
                roles.ensureDatabase(admin);
                try (Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://" + host + ":" + port + "/" + name + "?connectTimeout=5", user, password)) {
                    roles.handOverSchema(db);
                }
                System.out.printf("DevPostgres: %s database %s on %s:%d, owned by %s, used by the service as %s%n",
                        existed ? "checked" : "created", name, host, port, roles.owner(), roles.runtimeRole());
            }
            return 0;
        } catch (SQLException e) {
            System.err.printf("DevPostgres: could not create the databases on %s:%d as %s: %s%n", host, port, user,
                    e.getMessage());
            return 1;
        }
    }

    private static int embedded(int port, Path dataDir) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        // Kept across runs (initdb only when the directory holds no cluster yet); zonky refuses a data
        // directory another embedded server still holds (epg-lock), so two suites cannot share it.
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        // zonky registers a shutdown hook of its own too; close() is idempotent, so whichever runs first stops
        // the server (pg_ctl stop, fast mode) and the JVM waits for both before it exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("DevPostgres: stopping the embedded PostgreSQL");
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("DevPostgres: could not stop the embedded PostgreSQL: " + e.getMessage());
            }
        }, "devpostgres-stop"));
        int ensured = ensure("127.0.0.1", port, "postgres", "");
        if (ensured != 0) {
            return ensured;
        }
        System.out.printf("DEVPOSTGRES READY host=127.0.0.1 port=%d user=postgres data=%s%n", port,
                dataDir.toAbsolutePath());
        System.out.flush();
        new CountDownLatch(1).await(); // until the JVM is told to stop
        return 0;
    }
}
