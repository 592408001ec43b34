package org.celltrial.safety.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A caller that hangs up mid-request does not wedge the service (docs/performance.md, "What changed"): writes sent
 * whole over raw sockets that are closed 0-300 ms later, 32 at a time as wrk does with its connections at the end
 * of a run, each end in a commit or a rollback of their own. A normal write of each of the same patients is
 * answered within seconds; then, with no caller left, no session of the service stays in a transaction or waits on a
 * lock; every connection is back in the pool (the service's own pool of 10, as run); a stored write has its audit
 * row; and nothing was logged as an error (the symptoms were Hibernate Reactive's {@code HR000090: Live transaction
 * detected while closing the connection} and {@code Session/EntityManager is closed}).
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class CancelledRequestTest {

    private static final String BASE = "/api/v1/safety/patients/";
    private static final int ROUNDS = 4;
    private static final int HANG_UPS_PER_ROUND = 32;
    /** The hung-up writes are spread over a few patients, as wrk's are over the benchmark's. */
    private static final int PATIENTS = 4;
    /**
     * A write of a patient waits for those of the callers who hung up before it (one writer per patient): below the
     * gateway's 15 s timeout, well above what the round's writes take here even on a busy machine.
     */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    /** Once that write is answered, what is still held is held by no one who is coming back for it. */
    private static final Duration RELEASED_WITHIN = Duration.ofSeconds(5);

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size")
    int pool;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
    private final AtomicInteger minutes = new AtomicInteger();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Handler errorLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record.getLoggerName() + ": " + record.getMessage() + " " + record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private ExecutorService callers;
    private final List<UUID> patients = new ArrayList<>();
    private String token;

    @BeforeEach
    void infusedPatients() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        callers = Executors.newFixedThreadPool(HANG_UPS_PER_ROUND);
        patients.clear();
        for (int i = 0; i < PATIENTS; i++) {
            patients.add(EnrollmentStub.newInfusedPatient("SITE-01"));
        }
        token = Tokens.of("inv-site01");
        Logger.getLogger("").addHandler(errorLog);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(errorLog);
        callers.shutdownNow();
    }

    @Test
    void writesWhoseCallerHangsUpFinishAndLeaveNothingHeld() throws Exception {
        long slowest = 0;
        for (int round = 0; round < ROUNDS; round++) {
            hangUpMidRequest();
            // the same patients at once: their locks must be free again, and a connection to take them with
            for (UUID patient : patients) {
                slowest = Math.max(slowest, timedWrite(patient));
            }
            awaitNothingHeld("round " + round);
        }
        for (int i = 0; i < pool + 1; i++) {
            timedWrite(patients.get(i % PATIENTS));
        }
        awaitNothingHeld("at the end");
        assertEquals(0, connectionsInUse(), "every connection is back in the pool");

        long stored = 0;
        for (UUID patient : patients) {
            long ofPatient = TestDatabase.count(SafetyTestProfile.DATABASE,
                    "SELECT count(*) FROM vitals WHERE patient_id = ?", patient);
            long audited = TestDatabase.count(SafetyTestProfile.DATABASE, """
                    SELECT count(*) FROM audit_log WHERE entity_type = 'VitalsRecord' AND action = 'CREATE'
                      AND entity_id IN (SELECT id::text FROM vitals WHERE patient_id = ?)""", patient);
            assertEquals(ofPatient, audited, "every stored write committed whole, with its audit row");
            stored += ofPatient;
        }
        assertEquals(List.of(), errors, "errors logged while callers hung up");
        System.out.printf("CancelledRequestTest: %d writes hung up on in %d rounds over %d patients; %d of the %d "
                + "writes stored in all; the slowest normal write of a patient after a round: %d ms%n",
                ROUNDS * HANG_UPS_PER_ROUND, ROUNDS, PATIENTS, stored,
                ROUNDS * (HANG_UPS_PER_ROUND + PATIENTS) + pool + 1, slowest);
    }

    /**
     * Sends complete writes of the patients at once and closes each socket 0-300 ms later (before, during or after
     * its transaction), half of them by a reset.
     */
    private void hangUpMidRequest() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < HANG_UPS_PER_ROUND; i++) {
            String body = vitals();
            boolean reset = i % 2 == 0;
            UUID patient = patients.get(i % PATIENTS);
            sent.add(callers.submit(() -> {
                go.await();
                try (Socket socket = new Socket("localhost", RestAssured.port)) {
                    if (reset) {
                        socket.setSoLinger(true, 0);
                    }
                    byte[] content = body.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST " + BASE + patient + "/vitals HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(content);
                    out.flush();
                    Thread.sleep(ThreadLocalRandom.current().nextInt(300));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> caller : sent) {
            caller.get(30, TimeUnit.SECONDS);
        }
    }

    /** A normal write, answered 201 within {@link #ANSWER_WITHIN}; how long it took. */
    private long timedWrite(UUID of) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + BASE + of
                        + "/vitals"))
                .timeout(ANSWER_WITHIN)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(vitals())).build();
        long started = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("a write was not answered within " + ANSWER_WITHIN.toSeconds()
                    + " s after callers hung up; the service's sessions: " + sessions(), e);
        }
        assertEquals(201, answer.statusCode(), answer.body());
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /**
     * With no caller left, waits (boundedly) until no session of the service is in a transaction or waiting on a
     * lock: a write still running holds its transaction for milliseconds, one a hung-up write left open is held until
     * the database's 60 s idle-in-transaction timeout.
     */
    private void awaitNothingHeld(String when) throws InterruptedException {
        long deadline = System.nanoTime() + RELEASED_WITHIN.toNanos();
        Map<String, Long> held = sessions();
        while (!held.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            held = sessions();
        }
        assertEquals(Map.of(), held, when + ": sessions of the service still in a transaction or waiting on a lock "
                + RELEASED_WITHIN.toSeconds() + " s after the service answered again");
    }

    /** Connections of the service's reactive pool in use, from its metrics ({@code sql_pool_active}). */
    private long connectionsInUse() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/q/metrics")).timeout(ANSWER_WITHIN).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("sql_pool_active{")).findFirst()
                .map(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError("no sql_pool_active in the service's metrics"));
    }

    /** The service's sessions that are in a transaction or waiting on a lock, counted by state and wait. */
    private static Map<String, Long> sessions() {
        Map<String, Long> found = new TreeMap<>();
        for (String state : new String[] {"idle in transaction", "idle in transaction (aborted)", "active"}) {
            long count = TestDatabase.count(SafetyTestProfile.DATABASE, """
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                      AND pid <> pg_backend_pid() AND state = ?""",
                    state);
            if (count > 0) {
                found.put(state, count);
            }
        }
        long waiting = TestDatabase.count(SafetyTestProfile.DATABASE, """
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                  AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'""");
        if (waiting > 0) {
            found.put("waiting on a lock", waiting);
        }
        return found;
    }

    /** Vital signs with a fever, each at a minute of its own, as a bedside series is. */
    private String vitals() {
        Instant at = Instant.parse("2025-03-02T00:00:00Z").plusSeconds(60L * minutes.incrementAndGet());
        return """
                {"at": "%s", "temperatureC": 38.6, "hypotension": "NONE", "oxygen": "NONE",
                 "antipyreticOrAntiCytokine": false}""".formatted(at);
    }
}
