package org.celltrial.safety.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.LongForm;
import org.celltrial.testing.PostgresServer;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The feed under 20 concurrent writers with random rollbacks, pulled in small pages all along: every committed change
 * is delivered exactly once, in the feed's order (transaction, then sequence), each writer's changes in the order it
 * committed them, and nothing of a rolled-back transaction. Five writers report adverse events through the API; fifteen
 * write adverse-event audit rows straight into the database in transactions of one to three rows that last up to 40 ms
 * and roll back one time in four, so transactions overlap and finish out of their id order. Long form:
 * {@code -Dcelltrial.long=true}.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class FeedUnderConcurrentWritersTest {

    private static final String FEED = "/api/v1/safety/feed";
    private static final int WRITERS = 20;
    private static final int TRANSACTIONS_PER_WRITER = LongForm.size(8, 150);

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID patient;

    @BeforeEach
    void patient() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        patient = EnrollmentStub.newInfusedPatient("SITE-02");
    }

    @Test
    void everyCommittedChangeOnceInOrderAndNothingRolledBack() throws Exception {
        String sponsor = Tokens.sponsorSystem();
        String investigator = Tokens.of("inv-site02");
        String start = drain(sponsor, null, new ArrayList<>());
        String run = UUID.randomUUID().toString();

        // What each writer committed, in its commit order; what was rolled back.
        Map<Integer, List<String>> committed = new ConcurrentHashMap<>();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        AtomicInteger apiFailures = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            committed.put(writer, Collections.synchronizedList(new ArrayList<>()));
            writers.add(pool.submit(() -> {
                go.await();
                if (writer % 4 == 0) {
                    for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
                        var answer = given().auth().oauth2(investigator).contentType("application/json")
                                .body(event("Writer " + writer + " event " + t))
                                .post("/api/v1/safety/patients/" + patient + "/adverse-events");
                        if (answer.statusCode() == 201) {
                            committed.get(writer).add(answer.path("id"));
                        } else {
                            apiFailures.incrementAndGet();
                        }
                    }
                } else {
                    writeDirectly(writer, run, committed.get(writer), rolledBack);
                }
                return null;
            }));
        }

        // One reader pulls pages of 7 while the writers write.
        List<Map<String, Object>> delivered = Collections.synchronizedList(new ArrayList<>());
        Future<String> reader = pool.submit(() -> {
            String cursor = start;
            while (writing.get()) {
                cursor = page(sponsor, cursor, 7, delivered);
            }
            return cursor;
        });
        go.countDown();
        for (Future<?> writer : writers) {
            writer.get(10, TimeUnit.MINUTES);
        }
        writing.set(false);
        String cursor = reader.get(1, TimeUnit.MINUTES);
        drain(sponsor, cursor, delivered);
        pool.shutdownNow();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertEquals(0, apiFailures.get(), "every API report answered 201");
        // Only this test's changes: the API writers' events of this patient, the direct writers' rows of this run.
        List<String> seen = new ArrayList<>();
        Map<String, Integer> writerOf = new HashMap<>();
        committed.forEach((writer, ids) -> ids.forEach(id -> writerOf.put(id, writer)));
        BigInteger[] last = {BigInteger.valueOf(-1), BigInteger.valueOf(-1)};
        for (Map<String, Object> item : delivered) {
            String[] position = FeedCursorTest.decode((String) item.get("cursor"));
            BigInteger txid = new BigInteger(position[2]);
            BigInteger seq = new BigInteger(position[3]);
            int order = txid.compareTo(last[0]) != 0 ? txid.compareTo(last[0]) : seq.compareTo(last[1]);
            assertTrue(order > 0, "the feed's order is strictly increasing: " + txid + "/" + seq + " after "
                    + last[0] + "/" + last[1]);
            last[0] = txid;
            last[1] = seq;
            String id = (String) item.get("adverseEventId");
            if (writerOf.containsKey(id) || rolledBack.contains(id)) {
                seen.add(id);
            }
        }
        int expected = committed.values().stream().mapToInt(List::size).sum();
        assertEquals(0, seen.stream().filter(rolledBack::contains).count(), "nothing of a rolled-back transaction");
        assertEquals(expected, seen.size(), "every committed change once (no more)");
        assertEquals(expected, new HashSet<>(seen).size(), "no change twice");
        for (Map.Entry<Integer, List<String>> writer : committed.entrySet()) {
            List<String> inFeed = seen.stream().filter(id -> writerOf.get(id).equals(writer.getKey())).toList();
            assertEquals(writer.getValue(), inFeed, "writer " + writer.getKey() + "'s changes in its commit order");
        }
        System.out.printf("FeedUnderConcurrentWritersTest: %d writers x %d transactions, %d changes committed, "
                + "%d rolled back, %d feed items pulled (pages of 7 while writing, then a drain), %d ms%n", WRITERS,
                TRANSACTIONS_PER_WRITER, expected, rolledBack.size(), delivered.size(), millis);
    }

    /** Transactions of 1-3 adverse-event audit rows, each lasting up to 40 ms, one in four rolled back. */
    private static void writeDirectly(int writer, String run, List<String> committed, Set<String> rolledBack)
            throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Connection db = PostgresServer.get().connect(SafetyTestProfile.DATABASE)) {
            db.setAutoCommit(false);
            for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
                List<String> rows = new ArrayList<>();
                int size = 1 + random.nextInt(3);
                for (int r = 0; r < size; r++) {
                    String id = UUID.randomUUID().toString();
                    try (PreparedStatement insert = db.prepareStatement("""
                            INSERT INTO audit_log (id, occurred_at, actor, action, entity_type, entity_id, new_value,
                                                   reason, request_id)
                            VALUES (?, ?, 'feed-race', 'CREATE', 'AdverseEvent', ?, CAST(? AS jsonb), null, ?)""")) {
                        insert.setObject(1, UUID.randomUUID());
                        insert.setTimestamp(2, Timestamp.from(Instant.now()));
                        insert.setString(3, id);
                        insert.setString(4, "{\"run\":\"" + run + "\",\"writer\":" + writer + ",\"n\":" + t + "}");
                        insert.setString(5, run);
                        insert.executeUpdate();
                    }
                    rows.add(id);
                    if (random.nextInt(3) == 0) {
                        Thread.sleep(random.nextInt(20));
                    }
                }
                Thread.sleep(random.nextInt(20));
                if (random.nextInt(4) == 0) {
                    db.rollback();
                    rolledBack.addAll(rows);
                } else {
                    db.commit();
                    committed.addAll(rows);
                }
            }
        }
    }

    private static Map<String, Object> event(String term) {
        return Map.of("ctcaeTerm", term, "meddraCode", "10028813", "onset", "2025-03-08", "grade", 1,
                "serious", false, "seriousnessCriteria", List.of(), "treatments", List.of(),
                "relatedToCarT", "POSSIBLE", "expected", false);
    }

    private static String page(String token, String cursor, int limit, List<Map<String, Object>> into) {
        JsonPath page = given().auth().oauth2(token).queryParam("since", cursor == null ? "" : cursor)
                .queryParam("limit", limit).get(FEED).then().statusCode(200).extract().jsonPath();
        into.addAll(page.getList("items"));
        return page.getString("nextCursor");
    }

    private static String drain(String token, String cursor, List<Map<String, Object>> into) {
        while (true) {
            int before = into.size();
            String next = page(token, cursor, 200, into);
            if (into.size() == before) {
                return next;
            }
            cursor = next;
        }
    }
}
