package org.celltrial.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.celltrial.testing.DatabaseRoles;
import org.celltrial.testing.KeycloakServer;
import org.celltrial.testing.PostgresServer;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Faults under a keyed write load: clients report adverse events, each with its own {@code Idempotency-Key}, and after
 * any error (connection refused, 5xx, 409) send the same request with the same key again until it is acknowledged
 * (201). A kill -9 of safety-service in the middle of the load, then its restart; PostgreSQL stopped and started again
 * (same port, same data directory) under a safety-service of its own, which is not restarted. Either way: every
 * acknowledged write is stored exactly once (0 lost, 0 duplicated), and the service serves again.
 */
class FaultsIT {

    private static final int CLIENTS = 6;
    private static final int WRITES_PER_CLIENT = 20;
    private static final Duration DEADLINE = Duration.ofSeconds(150);

    private static RunningSuite suite;
    private static String patientId;

    @BeforeAll
    static void suiteWithAPatient() {
        suite = RunningSuite.get();
        StudyPatients.ensureSite(suite);
        patientId = StudyPatients.infused(suite, "FAULT", "2000-01-01");
    }

    @Test
    void aKilledSafetyServiceLosesNoAcknowledgedWriteAndDuplicatesNone() throws Exception {
        Load load = new Load(suite.safety.url(), "kill");
        load.start();
        load.awaitAcknowledged(CLIENTS * WRITES_PER_CLIENT / 4);
        suite.safety.kill();
        int acknowledgedAtKill = load.acknowledged.get();
        Thread.sleep(1_000);
        long restarting = System.nanoTime();
        suite.safety.restart();
        RunningSuite.awaitReady(suite.safety);
        long downMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarting) + 1_000;
        Map<String, String> acknowledged = load.finish();

        load.assertExactlyOnce(acknowledged, PostgresServer.get().jdbcUrl("safety_e2e"), PostgresServer.get().user(),
                PostgresServer.get().password());
        assertTrue(load.statuses.keySet().stream().noneMatch(status -> status >= 500), "answers: " + load.statuses);
        given().auth().oauth2(Tokens.of("inv-site01"))
                .get(suite.safety.url() + "/api/v1/safety/patients/" + patientId + "/adverse-events?limit=1")
                .then().statusCode(200);
        awaitRoutedAgain("/api/v1/safety/patients/" + patientId + "/adverse-events?limit=1");
        System.out.printf("FaultsIT kill -9: %d keyed writes by %d clients, %d acknowledged when killed, down about "
                + "%d ms; answers %s, %d retries; %d stored once each, 0 lost, 0 duplicated%n",
                acknowledged.size(), CLIENTS, acknowledgedAtKill, downMillis, load.statuses, load.retries.get(),
                acknowledged.size());
    }

    @Test
    void aPostgresRestartUnderLoadLosesNothingAndTheServiceServesAgainUnrestarted() throws Exception {
        Path data = Files.createTempDirectory("celltrial-faults-pg-");
        int port = freePort();
        EmbeddedPostgres postgres = embedded(data, port);
        ServiceProcess safety = null;
        try {
            // The database's owner and runtime roles, as everywhere (docs/architecture.md, Audit trail)
            DatabaseRoles roles = DatabaseRoles.withRandomPasswords("safety_faults");
            try (Connection admin = DriverManager.getConnection(jdbc(port, "postgres"), "postgres", "")) {
                roles.ensureRoles(admin);
                roles.ensureDatabase(admin);
            }
            try (Connection db = DriverManager.getConnection(jdbc(port, "safety_faults"), "postgres", "")) {
                roles.handOverSchema(db);
            }
            safety = ServiceProcess.start("safety-service", Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/safety_faults",
                    "quarkus.datasource.jdbc.url", jdbc(port, "safety_faults"),
                    "quarkus.datasource.username", roles.runtimeRole(),
                    "quarkus.datasource.password", roles.runtimePassword(),
                    "quarkus.flyway.username", roles.owner(),
                    "quarkus.flyway.password", roles.ownerPassword(),
                    "celltrial.keycloak.url", KeycloakServer.get().url(),
                    "quarkus.rest-client.enrollment.url", suite.enrollment.url()));
            RunningSuite.awaitReady(safety);

            Load load = new Load(safety.url(), "pg");
            load.start();
            load.awaitAcknowledged(CLIENTS * WRITES_PER_CLIENT / 4);
            postgres.close();
            int acknowledgedAtStop = load.acknowledged.get();
            Thread.sleep(2_000);
            postgres = embedded(data, port);
            Map<String, String> acknowledged = load.finish();

            load.assertExactlyOnce(acknowledged, jdbc(port, "safety_faults"), "postgres", "");
            assertTrue(!load.statuses.containsKey(500), "a restarting database is a 503, never a 500: " + load.statuses);
            given().auth().oauth2(Tokens.of("inv-site01"))
                    .get(safety.url() + "/api/v1/safety/patients/" + patientId + "/adverse-events?limit=1")
                    .then().statusCode(200);
            System.out.printf("FaultsIT PostgreSQL restart: %d keyed writes by %d clients, %d acknowledged when "
                    + "stopped, down about 2 s plus its start; answers %s, %d retries; %d stored once each, 0 lost, "
                    + "0 duplicated; the service was not restarted%n", acknowledged.size(), CLIENTS, acknowledgedAtStop,
                    load.statuses, load.retries.get(), acknowledged.size());
        } finally {
            if (safety != null) {
                safety.close();
            }
            postgres.close();
        }
    }

    /** The keyed write load: each client's writes one after the other, each retried with its key until 201. */
    private final class Load {

        final String base;
        final String run;
        final Map<String, String> acknowledgedIds = new ConcurrentHashMap<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        private final List<Future<?>> clients = new ArrayList<>();

        Load(String base, String run) {
            this.base = base;
            this.run = run + "-" + UUID.randomUUID().toString().substring(0, 8);
        }

        void start() {
            String token = Tokens.of("inv-site01");
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int w = 0; w < WRITES_PER_CLIENT; w++) {
                        String key = run + "-" + client + "-" + w;
                        Map<String, Object> body = Map.of("ctcaeTerm", "Fault " + key, "meddraCode", "10028813",
                                "onset", "2025-02-10", "grade", 1, "serious", false, "seriousnessCriteria", List.of(),
                                "treatments", List.of(), "relatedToCarT", "POSSIBLE", "expected", false);
                        while (true) {
                            if (System.nanoTime() > deadline) {
                                throw new AssertionError("write " + key + " never acknowledged");
                            }
                            int status;
                            String id = null;
                            try {
                                Response answer = given().auth().oauth2(token).contentType("application/json")
                                        .header("Idempotency-Key", key).body(body)
                                        .post(base + "/api/v1/safety/patients/" + patientId + "/adverse-events");
                                status = answer.statusCode();
                                if (status == 201) {
                                    id = answer.path("id");
                                }
                            } catch (Exception refused) {
                                status = 0;
                            }
                            synchronized (statuses) {
                                statuses.merge(status, 1, Integer::sum);
                            }
                            if (id != null) {
                                String before = acknowledgedIds.putIfAbsent(key, id);
                                assertTrue(before == null, "one acknowledgement per key");
                                acknowledged.incrementAndGet();
                                break;
                            }
                            retries.incrementAndGet();
                            Thread.sleep(200);
                        }
                    }
                    return null;
                }));
            }
        }

        void awaitAcknowledged(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(acknowledged.get() >= count, "the load got going: " + acknowledged.get());
        }

        Map<String, String> finish() throws Exception {
            try {
                for (Future<?> client : clients) {
                    client.get(DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            return acknowledgedIds;
        }

        /** Every acknowledged write stored once, with its audit row; nothing stored that was not acknowledged. */
        void assertExactlyOnce(Map<String, String> acknowledged, String jdbcUrl, String user, String password)
                throws SQLException {
            assertEquals(CLIENTS * WRITES_PER_CLIENT, acknowledged.size(), "every write acknowledged in the end");
            assertEquals(acknowledged.size(), new HashSet<>(acknowledged.values()).size(), "one event per key");
            Set<String> stored = new HashSet<>();
            long rows = 0;
            long audited;
            try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
                try (PreparedStatement query = db.prepareStatement(
                        "SELECT id::text FROM adverse_event WHERE patient_id = ?::uuid AND ctcae_term LIKE ?")) {
                    query.setString(1, patientId);
                    query.setString(2, "Fault " + run + "-%");
                    try (ResultSet found = query.executeQuery()) {
                        while (found.next()) {
                            stored.add(found.getString(1));
                            rows++;
                        }
                    }
                }
                try (PreparedStatement query = db.prepareStatement("SELECT count(*) FROM audit_log WHERE "
                        + "entity_type = 'AdverseEvent' AND action = 'CREATE' AND entity_id = ANY (?)")) {
                    query.setArray(1, db.createArrayOf("varchar", acknowledged.values().toArray()));
                    try (ResultSet found = query.executeQuery()) {
                        found.next();
                        audited = found.getLong(1);
                    }
                }
            }
            assertEquals(acknowledged.size(), rows, "stored once each: 0 lost, 0 duplicated");
            assertEquals(new HashSet<>(acknowledged.values()), stored, "exactly the acknowledged events");
            assertEquals(acknowledged.size(), audited, "one audit row each");
        }
    }

    /** A PostgreSQL on this port and data directory: initialised when the directory is empty, else started on it. */
    private static EmbeddedPostgres embedded(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static String jdbc(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitRoutedAgain(String path) throws InterruptedException {
        String token = Tokens.of("inv-site01");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = given().auth().oauth2(token).get(suite.gateway.url() + path).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the gateway still answers " + status + " for the restarted safety service");
    }
}
