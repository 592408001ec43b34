package org.celltrial.safety.concurrency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * No database connection is held while enrollment-service answers: with a pool of 2 connections and enrollment taking
 * 1.5 s per patient reference, 8 writes of 8 patients and 8 reads of 8 others, all at once, complete; more than two
 * writes, and more than two reads, wait on enrollment at the same time; and while enrollment is being waited for the
 * service has no transaction open (no session of its database sits idle in a transaction, none waits on a lock).
 *
 * <p>The overlap is read from the stub's journal, not from a stopwatch: a request that held one of the 2 connections
 * through its 1.5 s call would leave that connection unable to start another call within 1.5 s, so 3 calls of one
 * kind arriving within less than 1.5 s of each other prove that that kind holds no connection, however loaded the
 * machine is. Writes and reads are of different patients, so the journal tells their calls apart.
 */
@QuarkusTest
@TestProfile(SmallPoolProfile.class)
class NoConnectionHeldDuringEnrollmentTest {

    private static final int REQUESTS = 8;
    private static final int DELAY_MILLIS = 1500;
    private static final String BASE = "/api/v1/safety/patients/";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private final List<UUID> writtenPatients = new ArrayList<>();
    private final List<UUID> readPatients = new ArrayList<>();

    @BeforeEach
    void slowEnrollment() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        writtenPatients.clear();
        readPatients.clear();
        for (int i = 0; i < 2 * REQUESTS; i++) {
            UUID patient = UUID.randomUUID();
            (i < REQUESTS ? writtenPatients : readPatients).add(patient);
            EnrollmentStub.slow(patient, """
                    {"id":"%s","subjectId":"CT-SITE-01-%s","siteCode":"SITE-01","sex":"F","birthDate":"2016-01-01",
                     "ageAtInfusionYears":9,"day0":"2025-03-01","lymphodepletionStart":"2025-02-24","weightKg":30.0,
                     "baselinePlateletCountPer1e9L":9,"priorTherapyCount":4,"status":"INFUSED","doseLevel":"DL1",
                     "therapies":[]}
                    """.formatted(patient, patient.toString().substring(0, 4)), DELAY_MILLIS);
        }
    }

    @Test
    void concurrentWritesAndReadsWaitingOnEnrollmentHoldNoConnection() throws Exception {
        String token = Tokens.of("inv-site01");
        Map<String, Long> worst = new TreeMap<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2 * REQUESTS + 1);
        try {
            Future<Integer> samples = pool.submit(() -> watch(watching, worst));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> writes = new ArrayList<>();
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                UUID writtenPatient = writtenPatients.get(i);
                UUID readPatient = readPatients.get(i);
                writes.add(pool.submit(() -> {
                    go.await();
                    return given().auth().oauth2(token).contentType("application/json")
                            .body(Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", BigDecimal.valueOf(389, 1),
                                    "hypotension", "NONE", "oxygen", "NONE", "antipyreticOrAntiCytokine", false))
                            .post(BASE + writtenPatient + "/vitals").statusCode();
                }));
                reads.add(pool.submit(() -> {
                    go.await();
                    return given().auth().oauth2(token).get(BASE + readPatient + "/crs").statusCode();
                }));
            }
            long started = System.nanoTime();
            go.countDown();
            Map<Integer, Integer> writeStatuses = new TreeMap<>();
            Map<Integer, Integer> readStatuses = new TreeMap<>();
            for (Future<Integer> write : writes) {
                writeStatuses.merge(write.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            for (Future<Integer> read : reads) {
                readStatuses.merge(read.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            int overlappingWrites = mostCallsStartedWithinOneDelay(writtenPatients);
            int overlappingReads = mostCallsStartedWithinOneDelay(readPatients);
            watching.set(false);
            int sampled = samples.get(30, TimeUnit.SECONDS);

            System.out.printf("NoConnectionHeldDuringEnrollmentTest: %d writes + %d reads, pool %d, enrollment %d ms: "
                    + "%d ms in all, up to %d writes and %d reads waiting on enrollment at once; %d samples of "
                    + "pg_stat_activity, worst %s%n", REQUESTS, REQUESTS, SmallPoolProfile.POOL, DELAY_MILLIS, millis,
                    overlappingWrites, overlappingReads, sampled, worst);

            assertEquals(Map.of(201, REQUESTS), writeStatuses, "every write stored");
            assertEquals(Map.of(200, REQUESTS), readStatuses, "every read answered");
            for (UUID patient : writtenPatients) {
                assertEquals(1, TestDatabase.count(SafetyTestProfile.DATABASE,
                        "SELECT count(*) FROM vitals WHERE patient_id = ?", patient));
            }
            assertTrue(sampled >= 5, "pg_stat_activity was sampled while enrollment was waited for: " + sampled);
            assertTrue(overlappingWrites > SmallPoolProfile.POOL, "at most " + overlappingWrites + " writes called "
                    + "enrollment within " + DELAY_MILLIS + " ms of each other: each held one of " + SmallPoolProfile.POOL
                    + " connections");
            assertTrue(overlappingReads > SmallPoolProfile.POOL, "at most " + overlappingReads + " reads called "
                    + "enrollment within " + DELAY_MILLIS + " ms of each other: each held one of " + SmallPoolProfile.POOL
                    + " connections");
            assertEquals(0L, worst.getOrDefault("idle in transaction", 0L),
                    "no transaction left open while enrollment answers; worst seen: " + worst);
            // Different patients never wait on each other's lock (the audit chain's head, which every audited write
            // takes briefly at commit, is a row lock and not counted here)
            assertEquals(0L, worst.getOrDefault("waiting on a patient's lock", 0L), "worst seen: " + worst);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The most calls for these patients' references that the stub received within one delay of each other, less 100 ms
     * for the journal's millisecond clock.
     */
    private static int mostCallsStartedWithinOneDelay(List<UUID> of) {
        List<String> paths = of.stream().map(EnrollmentStub::path).toList();
        List<Long> received = EnrollmentStub.server().getAllServeEvents().stream()
                .filter(event -> paths.contains(event.getRequest().getUrl()))
                .map(event -> event.getRequest().getLoggedDate().getTime()).sorted().toList();
        int most = 0;
        for (int first = 0, last = 0; last < received.size(); last++) {
            while (received.get(last) - received.get(first) >= DELAY_MILLIS - 100) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    /**
     * Samples the service's sessions every 50 ms; keeps the worst count per state. A session counts as idle in a
     * transaction when it has been so for 800 ms: a write's own gaps between statements are far shorter (even on a
     * loaded 2-core machine, where the event loop can leave a transaction waiting a few hundred ms), a wait on
     * enrollment (1.5 s) far longer.
     */
    private static int watch(AtomicBoolean watching, Map<String, Long> worst) throws InterruptedException {
        int samples = 0;
        while (watching.get()) {
            long idleInTransaction = TestDatabase.count(SafetyTestProfile.DATABASE, """
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                      AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'
                      AND clock_timestamp() - state_change > interval '800 milliseconds'""");
            long waiting = TestDatabase.count(SafetyTestProfile.DATABASE, """
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                      AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND wait_event = 'advisory'""");
            synchronized (worst) {
                worst.merge("idle in transaction", idleInTransaction, Math::max);
                worst.merge("waiting on a patient's lock", waiting, Math::max);
            }
            samples++;
            Thread.sleep(50);
        }
        return samples;
    }
}
