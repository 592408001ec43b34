package org.celltrial.safety.ctcae;

import static io.restassured.RestAssured.given;
import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Lab results in bulk ({@code POST /labs:batch}, docs/api.md): NDJSON and CSV, several patients in one transaction,
 * graded as single results are (the baseline from the same batch), and a batch with any bad line stores nothing and
 * names every bad line. Enrollment-service is played by WireMock.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class LabBatchApiTest {

    private static final String BATCH = "/api/v1/safety/labs:batch";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID first;
    private UUID second;

    @BeforeEach
    void freshPatients() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        first = EnrollmentStub.newInfusedPatient("SITE-01");
        second = EnrollmentStub.newInfusedPatient("SITE-01");
    }

    @Test
    void anNdjsonBatchOfTwoPatientsIsGradedAndStoredLineByLine() {
        String body = String.join("\n",
                anc(first, "2025-02-20T07:00:00Z", "3.4"),
                anc(first, "2025-03-07T07:00:00Z", "0.4"),
                anc(second, "2025-03-05T07:00:00Z", "0.9"),
                "");
        send("application/x-ndjson", body).then().statusCode(200)
                .body("stored", equalTo(3))
                .body("patients", equalTo(2))
                .body("items.line", equalTo(List.of(1, 2, 3)));

        // graded as single results: 0.4 x10^9/L of neutrophils is CTCAE grade 4, 0.9 grade 3
        as("data-manager").get("/api/v1/safety/patients/" + first + "/labs").then().statusCode(200)
                .body("items.value", equalTo(List.of(3.4f, 0.4f)))
                .body("items.ctcaeGrade", equalTo(List.of(0, 4)));
        as("data-manager").get("/api/v1/safety/patients/" + second + "/labs").then().statusCode(200)
                .body("items.ctcaeGrade", equalTo(List.of(3)));
        assertEquals(3, rows());
        assertEquals(3, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE entity_type = 'LabRecord' AND entity_id IN "
                        + "(SELECT id::text FROM lab_result WHERE patient_id IN (?, ?))", first, second));
    }

    /**
     * A batch that brings a patient's screening result late regrades the result stored before it, which the batch
     * reads as a value (docs/performance.md, run 27): its new grade is written, its version moves, one REGRADE audit
     * row says so, and the adverse event it had opened is gone. The other patient's stored result is left as it was.
     */
    @Test
    void aLateBaselineInABatchRegradesTheResultsStoredBefore() {
        // ALT 130 (ULN 40) on day 4 without a baseline: > 3.0 x ULN, grade 2, which opens an event
        send("application/x-ndjson", alt(first, "2025-03-05T08:00:00Z", "130") + "\n"
                + alt(second, "2025-03-05T08:00:00Z", "130")).then().statusCode(200).body("stored", equalTo(2));
        as("data-manager").get("/api/v1/safety/patients/" + first + "/labs").then().statusCode(200)
                .body("items.ctcaeGrade", equalTo(List.of(2)))
                .body("items.version", equalTo(List.of(0)));
        assertEquals(1, labEvents(first));

        // ALT 100 on 2025-02-20, abnormal (2.5 x ULN, grade 1 by the normal range), is day 4's baseline: day 4 is
        // 1.3 x baseline, below 1.5 x, grade 0
        send("application/x-ndjson", alt(first, "2025-02-20T08:00:00Z", "100") + "\n"
                + alt(second, "2025-03-06T08:00:00Z", "150")).then().statusCode(200).body("stored", equalTo(2));

        as("data-manager").get("/api/v1/safety/patients/" + first + "/labs").then().statusCode(200)
                .body("items.value", equalTo(List.of(100.0f, 130.0f)))
                .body("items.ctcaeGrade", equalTo(List.of(1, 0)))
                .body("items[1].ctcaeRule", containsString("baseline"))
                .body("items.version", equalTo(List.of(0, 1)));
        as("data-manager").get("/api/v1/safety/patients/" + second + "/labs").then().statusCode(200)
                .body("items.ctcaeGrade", equalTo(List.of(2, 2)))
                .body("items.version", equalTo(List.of(0, 0)));
        assertEquals(1, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE action = 'REGRADE' AND entity_type = 'LabRecord' AND entity_id IN "
                        + "(SELECT id::text FROM lab_result WHERE patient_id IN (?, ?))", first, second));
        assertEquals(0, labEvents(first));
        assertEquals(1, labEvents(second));
    }

    /**
     * A batch's patients are graded in groups (docs/performance.md, runs 29 and 30; the tests' groups hold at most 50
     * stored results): a late baseline for each of 120 patients with one stored result each, so three groups,
     * regrades every patient's stored result, the first group's and the last's alike, and each line still answers
     * with its own result.
     */
    @Test
    void lateBaselinesForPatientsOfEveryGroupOfABatchRegradeTheirStoredResults() {
        List<UUID> patients = new ArrayList<>(List.of(first, second));
        while (patients.size() < 120) {
            patients.add(EnrollmentStub.newInfusedPatient("SITE-01"));
        }
        send("application/x-ndjson", patients.stream().map(patient -> alt(patient, "2025-03-05T08:00:00Z", "130"))
                .collect(Collectors.joining("\n"))).then().statusCode(200).body("stored", equalTo(120));

        List<Integer> lines = IntStream.rangeClosed(1, 120).boxed().toList();
        List<String> ids = send("application/x-ndjson", patients.stream()
                .map(patient -> alt(patient, "2025-02-20T08:00:00Z", "100"))
                .collect(Collectors.joining("\n"))).then().statusCode(200)
                .body("stored", equalTo(120))
                .body("patients", equalTo(120))
                .body("items.line", equalTo(lines))
                .extract().path("items.id");
        for (int index : List.of(0, 49, 50, 119)) {
            as("data-manager").get("/api/v1/safety/patients/" + patients.get(index) + "/labs").then().statusCode(200)
                    .body("items.id[0]", equalTo(ids.get(index)))
                    .body("items.ctcaeGrade", equalTo(List.of(1, 0)))
                    .body("items.version", equalTo(List.of(0, 1)));
        }
        String theirs = "patient_id IN ("
                + patients.stream().map(patient -> "'" + patient + "'").collect(Collectors.joining(",")) + ")";
        assertEquals(120, TestDatabase.count(SafetyTestProfile.DATABASE, "SELECT count(*) FROM audit_log "
                + "WHERE action = 'REGRADE' AND entity_type = 'LabRecord' AND entity_id IN "
                + "(SELECT id::text FROM lab_result WHERE " + theirs + ")"));
        assertEquals(120, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM lab_result WHERE version = 1 AND ctcae_grade = 0 AND " + theirs));
        assertEquals(0, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM adverse_event WHERE origin = 'LAB' AND NOT voided AND " + theirs));
    }

    @Test
    void twoEpisodesOpenedOnOneDayInOneBatchAreStoredAsOneEvent() {
        // neutropenia, recovery and neutropenia again on Day 4: the builder sees two episodes with one onset
        String body = String.join("\n",
                anc(first, "2025-03-05T07:00:00Z", "0.4"),
                anc(first, "2025-03-05T11:00:00Z", "3.0"),
                anc(first, "2025-03-05T15:00:00Z", "0.8"));
        send("application/x-ndjson", body).then().statusCode(200).body("stored", equalTo(3));
        assertEquals(1, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM adverse_event WHERE patient_id = ? AND origin = 'LAB' AND NOT voided", first));
    }

    @Test
    void aCsvBatchWithAHeaderLineIsStored() {
        String body = "patientId,at,analyte,value,unit,lowerLimitNormal,upperLimitNormal\n"
                + first + ",2025-03-04T07:00:00Z,PLT,20,10*9/L,150,400\n"
                + second + ",2025-03-04T07:00:00Z,PLT,60,10*9/L,150,\n";
        send("text/csv", body).then().statusCode(200)
                .body("stored", equalTo(2))
                .body("items.line", equalTo(List.of(2, 3)));
        assertEquals(2, rows());
    }

    @Test
    void aBatchWithBadLinesStoresNothingAndNamesEachOfThem() {
        String body = String.join("\n",
                anc(first, "2025-03-04T07:00:00Z", "0.9"),
                "{\"patientId\":\"" + second + "\",\"at\":\"2025-03-04T07:00:00Z\",\"analyte\":\"XYZ\","
                        + "\"value\":1,\"unit\":\"10*9/L\"}",
                "not json",
                "{\"patientId\":\"" + second + "\",\"at\":\"2025-03-04T07:00:00Z\",\"analyte\":\"ANC\","
                        + "\"value\":-1,\"unit\":\"10*9/L\"}",
                anc(UUID.randomUUID(), "2025-03-04T07:00:00Z", "0.9"));
        send("application/x-ndjson", body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:celltrial:problem:validation"))
                .body("violations", hasSize(3))
                .body("violations.field", equalTo(List.of("line 2: analyte", "line 3: line", "line 4: value")));
        assertEquals(0, rows());
    }

    @Test
    void aLineOfAPatientEnrollmentDoesNotShowIsNamedAndNothingIsStored() {
        UUID unknown = UUID.randomUUID();
        EnrollmentStub.status(unknown, 404);
        String body = anc(first, "2025-03-04T07:00:00Z", "0.9") + "\n" + anc(unknown, "2025-03-04T07:00:00Z", "0.9");
        send("application/x-ndjson", body).then().statusCode(400)
                .body("violations.field", equalTo(List.of("line 2: patientId")));
        assertEquals(0, rows());
    }

    @Test
    void onlyTheWritersOfSingleResultsMaySendABatch() {
        send("safety-officer", "application/x-ndjson", anc(first, "2025-03-04T07:00:00Z", "0.9"))
                .then().statusCode(403);
        send("application/x-ndjson", "").then().statusCode(400);
        assertEquals(0, rows());
    }

    /**
     * A batch reads its patients' signatures in one query from the earliest date of any of them, so each patient's
     * are judged by that patient's own earliest result: a signature through a date before it stays valid although it
     * covers another patient's result (docs/data-review.md).
     */
    @Test
    void aBatchInvalidatesOnlyTheSignaturesCoveringEachPatientsOwnResults() {
        String token = Tokens.signedInOnLoginPage("inv-site01", 0);
        String covering = sign(token, first, "2025-03-10");
        String before = sign(token, second, "2025-03-06");

        String body = String.join("\n",
                anc(first, "2025-03-05T07:00:00Z", "0.4"),
                anc(second, "2025-03-08T07:00:00Z", "0.9"));
        String firstResult = send("application/x-ndjson", body).then().statusCode(200)
                .body("stored", equalTo(2))
                .extract().path("items[0].id");

        as("monitor-site01").get("/api/v1/safety/patients/" + first + "/signatures").then().statusCode(200)
                .body("[0].id", equalTo(covering))
                .body("[0].status", equalTo("INVALIDATED"))
                .body("[0].invalidatedByRecord", equalTo(firstResult))
                .body("[0].invalidationReason", containsString("2025-03-05"));
        as("monitor-site01").get("/api/v1/safety/patients/" + second + "/signatures").then().statusCode(200)
                .body("[0].id", equalTo(before))
                .body("[0].status", equalTo("VALID"));
        assertEquals(1, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE action = 'SIGNATURE_INVALIDATE' AND entity_id IN (?, ?)",
                covering, before));
    }

    /**
     * A batch that regrades the derived adverse events of several patients asks review once for all of them: each
     * event's source verification is cleared and each signature covering its onset invalidated by it, each audited
     * once (docs/data-review.md). The new results lie after the signatures' period, so only the events invalidate them.
     */
    @Test
    void aBatchThatRegradesDerivedEventsClearsTheirVerificationAndInvalidatesTheSignaturesCoveringThem() {
        send("application/x-ndjson", String.join("\n",
                anc(first, "2025-03-05T07:00:00Z", "0.9"),
                anc(second, "2025-03-05T07:00:00Z", "0.9"))).then().statusCode(200);
        Map<UUID, String> events = Map.of(first, labEvent(first), second, labEvent(second));
        for (UUID patient : events.keySet()) {
            as("monitor-site01").body(Map.of("all", true))
                    .post("/api/v1/safety/patients/" + patient + "/source-verification")
                    .then().statusCode(200).body("newlyVerified", equalTo(2));
        }
        String token = Tokens.signedInOnLoginPage("inv-site01", 0);
        Map<UUID, String> signatures = Map.of(first, sign(token, first, "2025-03-06"),
                second, sign(token, second, "2025-03-06"));

        // the same neutropenia, worse after the signatures' period: each event regraded from 3 to 4
        send("application/x-ndjson", String.join("\n",
                anc(first, "2025-03-08T07:00:00Z", "0.4"),
                anc(second, "2025-03-08T07:00:00Z", "0.4"))).then().statusCode(200).body("stored", equalTo(2));

        for (UUID patient : events.keySet()) {
            String event = events.get(patient);
            assertEquals(event, labEvent(patient));
            as("data-manager").get("/api/v1/safety/adverse-events/" + event).then().statusCode(200)
                    .body("derivedGrade", equalTo(4));
            as("monitor-site01").get("/api/v1/safety/patients/" + patient + "/signatures").then().statusCode(200)
                    .body("[0].id", equalTo(signatures.get(patient)))
                    .body("[0].status", equalTo("INVALIDATED"))
                    .body("[0].invalidatedByRecord", equalTo(event))
                    .body("[0].invalidationReason", containsString("2025-03-05"));
            assertEquals(1, TestDatabase.count(SafetyTestProfile.DATABASE,
                    "SELECT count(*) FROM audit_log WHERE action = 'SOURCE_VERIFY_CLEAR' AND entity_id = ?", event));
            assertEquals(1, TestDatabase.count(SafetyTestProfile.DATABASE,
                    "SELECT count(*) FROM audit_log WHERE action = 'SIGNATURE_INVALIDATE' AND entity_id = ?",
                    signatures.get(patient)));
            // the first result, unchanged, keeps its mark; the event's is gone
            assertEquals(1, TestDatabase.count(SafetyTestProfile.DATABASE,
                    "SELECT count(*) FROM source_verification WHERE patient_id = ?", patient));
        }
    }

    /** The patient's one derived lab adverse event (not void). */
    private static String labEvent(UUID patient) {
        return TestDatabase.string(SafetyTestProfile.DATABASE,
                "SELECT id::text FROM adverse_event WHERE patient_id = ? AND origin = 'LAB' AND NOT voided", patient);
    }

    private static String sign(String token, UUID patient, String through) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("signedThrough", through, "meaning", "I have reviewed and approve"))
                .post("/api/v1/safety/patients/" + patient + "/signatures")
                .then().statusCode(200).body("status", equalTo("VALID"))
                .extract().path("id");
    }

    /**
     * Batches for the same patients at once run one after the other under each patient's lock: never a 500, every
     * line stored and audited, and the day's neutropenia stays one derived adverse event however they interleave.
     */
    @Test
    void batchesSentAtOnceForTheSamePatientsAreEachStoredWhole() throws Exception {
        int concurrent = 4;
        String token = Tokens.of("data-manager");
        ExecutorService pool = Executors.newFixedThreadPool(concurrent);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < concurrent; i++) {
                String body = String.join("\n",
                        anc(first, "2025-03-05T0" + i + ":00:00Z", "0.4"),
                        anc(first, "2025-03-05T1" + i + ":00:00Z", "0.7"),
                        anc(second, "2025-03-05T0" + i + ":00:00Z", "0.9"));
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(given().auth().oauth2(token), "application/x-ndjson", body).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3L * concurrent, rows());
        assertEquals(3L * concurrent, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE action = 'CREATE' AND entity_type = 'LabRecord' AND entity_id IN "
                        + "(SELECT id::text FROM lab_result WHERE patient_id IN (?, ?))", first, second));
        for (UUID patient : List.of(first, second)) {
            assertEquals(1, TestDatabase.count(SafetyTestProfile.DATABASE,
                    "SELECT count(*) FROM adverse_event WHERE patient_id = ? AND origin = 'LAB' AND NOT voided",
                    patient));
        }
    }

    /**
     * Batches and single writes for the same patients at once all store, each exactly once with its audit row: a batch
     * takes its patients' locks one after the other, and single writes hold them meanwhile. With the audit chain's head
     * taken at each audit row's INSERT (before common's V1_7) such a mix deadlocked in the benchmark (PostgreSQL broke
     * the cycle by refusing a write, 409; docs/performance.md, Run 7); this test did not reproduce that interleaving
     * (it passes on the old chain too), AuditLogDatabaseTest pins the lock's new timing.
     */
    @Test
    void batchesAndSingleWritesForTheSamePatientsAtOnceAllStore() throws Exception {
        int batches = 4;
        int vitals = 16;
        String token = Tokens.of("data-manager");
        ExecutorService pool = Executors.newFixedThreadPool(batches + vitals);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                String body = String.join("\n", anc(first, "2025-03-06T0" + i + ":00:00Z", "0.4"),
                        anc(second, "2025-03-06T0" + i + ":00:00Z", "0.9"));
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(given().auth().oauth2(token), "application/x-ndjson", body).statusCode();
                }));
            }
            for (int i = 0; i < vitals; i++) {
                String body = String.format("{\"at\":\"2025-03-06T12:%02d:00Z\",\"temperatureC\":37.2,"
                        + "\"hypotension\":\"NONE\",\"oxygen\":\"NONE\",\"antipyreticOrAntiCytokine\":false}", i);
                UUID patient = i % 2 == 0 ? first : second; // whichever patient a batch locks second is contended
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType("application/json").body(body)
                            .post("/api/v1/safety/patients/" + patient + "/vitals").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                expected.add(200);
            }
            for (int i = 0; i < vitals; i++) {
                expected.add(201);
            }
            assertEquals(expected, statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2L * batches, rows());
        assertEquals((long) vitals, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM vitals WHERE patient_id IN (?, ?)", first, second));
        assertEquals(2L * batches + vitals, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE action = 'CREATE' AND entity_id IN (SELECT id::text FROM "
                        + "lab_result WHERE patient_id IN (?, ?) UNION SELECT id::text FROM vitals WHERE patient_id IN (?, ?))",
                first, second, first, second));
    }

    private static String anc(UUID patient, String at, String value) {
        return "{\"patientId\":\"" + patient + "\",\"at\":\"" + at + "\",\"analyte\":\"ANC\",\"value\":" + value
                + ",\"unit\":\"10*9/L\",\"lowerLimitNormal\":1.5,\"upperLimitNormal\":8.0}";
    }

    private static String alt(UUID patient, String at, String value) {
        return "{\"patientId\":\"" + patient + "\",\"at\":\"" + at + "\",\"analyte\":\"ALT\",\"value\":" + value
                + ",\"unit\":\"U/L\",\"lowerLimitNormal\":7,\"upperLimitNormal\":40}";
    }

    private static long labEvents(UUID patient) {
        return TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM adverse_event WHERE patient_id = ? AND origin = 'LAB' AND NOT voided", patient);
    }

    private static Response send(String contentType, String body) {
        return send("data-manager", contentType, body);
    }

    /** The path as it is written: REST Assured would encode its colon, which is then no longer the endpoint's. */
    private static Response send(String user, String contentType, String body) {
        return send(as(user), contentType, body);
    }

    private static Response send(RequestSpecification caller, String contentType, String body) {
        return caller.urlEncodingEnabled(false).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post(BATCH);
    }

    private long rows() {
        return TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM lab_result WHERE patient_id IN (?, ?)", first, second);
    }
}
