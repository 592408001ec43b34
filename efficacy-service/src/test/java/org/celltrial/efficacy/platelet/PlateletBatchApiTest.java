package org.celltrial.efficacy.platelet;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
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

import jakarta.inject.Inject;

import org.celltrial.efficacy.EfficacyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.TestUsers;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Platelet counts in bulk ({@code POST /platelet-counts:batch}, docs/api.md): NDJSON and CSV, several patients in one
 * transaction, stored as single counts are; a batch with any bad line, or a line of a patient the caller may not
 * write, stores nothing and names every such line. Enrollment-service is played by WireMock.
 */
@QuarkusTest
@TestProfile(EfficacyTestProfile.class)
class PlateletBatchApiTest {

    private static final String BATCH = "/api/v1/efficacy/platelet-counts:batch";
    private static final String BASE = "/api/v1/efficacy/patients/";
    private static final String NDJSON = "application/x-ndjson";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID first;
    private UUID second;

    @BeforeEach
    void infusedPatients() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        first = patient("SITE-01");
        second = patient("SITE-01");
    }

    @Test
    void anNdjsonBatchOfTwoPatientsIsStoredLineByLineAndAudited() {
        String body = String.join("\n",
                count(first, "2025-01-20", "12", 1),
                count(second, "2025-01-21", "45.5", 0),
                count(first, "2025-02-01", "30", 0),
                "");
        send(NDJSON, body).then().statusCode(200)
                .body("stored", equalTo(3))
                .body("patients", equalTo(2))
                .body("items.line", equalTo(List.of(1, 2, 3)))
                .body("items.id", hasSize(3));

        as("data-manager").get(BASE + first + "/platelet-counts").then().statusCode(200)
                .body("items.date", equalTo(List.of("2025-01-20", "2025-02-01")))
                .body("items.valuePer1e9L", equalTo(List.of(12.0f, 30.0f)))
                .body("items.bleeding", equalTo(List.of(1, 0)))
                .body("items.source", equalTo(List.of("central lab", "central lab")));
        as("data-manager").get(BASE + second + "/platelet-counts").then().statusCode(200)
                .body("items.valuePer1e9L", equalTo(List.of(45.5f)));
        assertEquals(2, rows(first));
        assertEquals(1, rows(second));
        assertEquals(3, audited(first, second));
    }

    @Test
    void aCsvBatchWithAHeaderLineIsStoredEmptyCellsLeftOut() {
        String body = "patientId,date,valuePer1e9L,bleeding,source\n"
                + first + ",2025-01-20,12,1,central lab\n"
                + second + ",2025-01-21,101.5,,\n";
        send("text/csv", body).then().statusCode(200)
                .body("stored", equalTo(2))
                .body("patients", equalTo(2))
                .body("items.line", equalTo(List.of(2, 3)));
        as("data-manager").get(BASE + first + "/platelet-counts").then().statusCode(200)
                .body("items[0].valuePer1e9L", equalTo(12.0f))
                .body("items[0].bleeding", equalTo(1))
                .body("items[0].source", equalTo("central lab"));
        as("data-manager").get(BASE + second + "/platelet-counts").then().statusCode(200)
                .body("items[0].date", equalTo("2025-01-21"))
                .body("items[0].valuePer1e9L", equalTo(101.5f))
                .body("items[0].bleeding", nullValue())
                .body("items[0].source", nullValue());
        assertEquals(1, rows(first));
        assertEquals(1, rows(second));
    }

    @Test
    void aBatchWithABadLineStoresNothingAndNamesEachBadLine() {
        as("inv-site01").contentType("application/json")
                .body(Map.of("date", "2025-01-15", "valuePer1e9L", 9)).post(BASE + first + "/platelet-counts")
                .then().statusCode(201);
        String body = String.join("\n",
                count(first, "2025-01-20", "12", 1),
                count(second, "2025-01-21", "45", 0),
                count(first, "2025-02-01", "-3", 0),
                count(second, "2025-02-02", "2500", 5),
                count(first, "2999-01-01", "30", 0));
        send(NDJSON, body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:celltrial:problem:validation"))
                .body("detail", startsWith("3 of the batch's 5 lines are invalid"))
                .body("violations.field", equalTo(List.of("line 3: valuePer1e9L", "line 4: bleeding",
                        "line 4: valuePer1e9L", "line 5: date")));
        // only the single count posted before
        assertEquals(1, rows(first));
        assertEquals(0, rows(second));
    }

    @Test
    void aLineOfAnotherSitesOrAnUnknownPatientIsNamedAndNothingIsStored() {
        UUID elsewhere = patient("SITE-02");
        UUID unknown = UUID.randomUUID();
        EnrollmentStub.status(unknown, 404);
        String body = String.join("\n",
                count(first, "2025-01-20", "12", 1),
                count(elsewhere, "2025-01-20", "12", 1),
                count(unknown, "2025-01-20", "12", 1));
        send(as("inv-site01"), NDJSON, body).then().statusCode(400)
                .body("violations.field", equalTo(List.of("line 2: patientId", "line 3: patientId")))
                .body("violations.message", equalTo(List.of("Patient " + elsewhere + " was not found",
                        "Patient " + unknown + " was not found")));
        assertEquals(0, rows(first) + rows(elsewhere));

        // An investigator who is also safety officer reads SITE-02 but records counts only at its own site.
        String both = TestUsers.token("inv-so-site01", List.of("investigator", "safety-officer"), List.of("SITE-01"));
        send(given().auth().oauth2(both), NDJSON, count(first, "2025-01-20", "12", 1) + "\n"
                + count(elsewhere, "2025-01-20", "12", 1)).then().statusCode(400)
                .body("violations.field", equalTo(List.of("line 2: patientId")))
                .body("violations[0].message",
                        equalTo("Your roles let you read but not write this patient's records at site SITE-02"));
        assertEquals(0, rows(first) + rows(elsewhere));
    }

    /** A line dated in a locked period is refused when stored, inside the transaction: the whole batch rolls back. */
    @Test
    void aCountIntoALockedPeriodRefusesTheWholeBatch() {
        UUID locked = patient("SITE-08");
        UUID lockId = UUID.randomUUID();
        as("data-manager").contentType("application/json")
                .body(Map.of("id", lockId, "cutoff", "2025-06-15", "siteCode", "SITE-08"))
                .post("/api/v1/efficacy/locks").then().statusCode(200);
        try {
            send(NDJSON, count(first, "2025-02-01", "30", 0) + "\n" + count(locked, "2025-02-01", "30", 0))
                    .then().statusCode(423).contentType("application/problem+json")
                    .body("type", equalTo("urn:celltrial:problem:locked"));
            assertEquals(0, rows(first) + rows(locked));
        } finally {
            as("data-manager").contentType("application/json").body(Map.of("reason", "test over"))
                    .post("/api/v1/efficacy/locks/" + lockId + "/unlock").then().statusCode(200);
        }
    }

    @Test
    void onlyTheWritersOfSingleCountsMaySendABatch() {
        for (String reader : List.of("monitor-site01", "sponsor-user", "safety-officer")) {
            send(as(reader), NDJSON, count(first, "2025-01-20", "12", 1)).then().statusCode(403);
        }
        send(NDJSON, "").then().statusCode(400);
        send("application/json", count(first, "2025-01-20", "12", 1)).then().statusCode(415);
        assertEquals(0, rows(first));
    }

    /**
     * The IWG response is read from the stored counts, so a batch must leave a patient exactly where the same counts
     * posted one by one leave another; enrollment is asked once for the batch's patients, not once per line.
     */
    @Test
    void theResponseAfterABatchIsTheResponseAfterTheSameSingleCounts() {
        String[][] counts = {{"2025-01-20", "12", "1"}, {"2025-02-01", "30", "0"}, {"2025-02-15", "32", "0"},
                {"2025-03-10", "110", "0"}, {"2025-03-20", "120", "0"}};
        for (String[] each : counts) {
            as("inv-site01").contentType("application/json").body(Map.of("date", each[0], "valuePer1e9L", each[1],
                    "bleeding", Integer.parseInt(each[2]), "source", "central lab"))
                    .post(BASE + second + "/platelet-counts").then().statusCode(201);
        }
        EnrollmentStub.server().resetRequests();
        List<String> lines = new ArrayList<>();
        for (String[] each : counts) {
            lines.add(count(first, each[0], each[1], Integer.parseInt(each[2])));
        }
        send(NDJSON, String.join("\n", lines)).then().statusCode(200).body("stored", equalTo(5));
        EnrollmentStub.server().verify(1, postRequestedFor(urlEqualTo(EnrollmentStub.REFERENCES_PATH)));
        EnrollmentStub.server().verify(0, getRequestedFor(urlMatching(".*/reference")));

        Map<String, Object> batched = as("inv-site01").get(BASE + first + "/response?asOf=2025-06-15")
                .then().statusCode(200)
                .body("bestResponse", equalTo("CR"))
                .body("responseConfirmedOn", equalTo("2025-02-15"))
                .extract().jsonPath().getMap("");
        Map<String, Object> single = as("inv-site01").get(BASE + second + "/response?asOf=2025-06-15")
                .then().statusCode(200).extract().jsonPath().getMap("");
        for (String whose : List.of("patientId", "subjectId")) {
            batched.remove(whose);
            single.remove(whose);
        }
        assertEquals(single, batched);
        assertEquals(1, TestDatabase.count(EfficacyTestProfile.DATABASE,
                "SELECT count(*) FROM grading_state WHERE patient_id = ? AND protocol_version = 1", first));
    }

    /**
     * Platelet counts have no one-per-day rule (a single count posted twice without an Idempotency-Key is stored
     * twice), so identical batches for one patient at once are each stored whole, one after the other under the
     * patient's lock: never a 500, exactly the batches' lines.
     */
    @Test
    void identicalBatchesSentAtOnceForOnePatientAreEachStoredWhole() throws Exception {
        int concurrent = 4;
        String body = String.join("\n", count(first, "2025-01-20", "12", 1), count(first, "2025-02-01", "30", 0),
                count(first, "2025-02-15", "32", 0));
        String token = Tokens.of("inv-site01");
        ExecutorService pool = Executors.newFixedThreadPool(concurrent);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < concurrent; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send(given().auth().oauth2(token), NDJSON, body).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3L * concurrent, rows(first));
        assertEquals(3L * concurrent, audited(first, first));
        as("data-manager").get(BASE + first + "/platelet-counts?limit=200").then().statusCode(200)
                .body("items.findAll { it.date == '2025-02-01' }.valuePer1e9L", hasSize(concurrent));
    }

    private static String count(UUID patient, String date, String value, int bleeding) {
        return "{\"patientId\":\"" + patient + "\",\"date\":\"" + date + "\",\"valuePer1e9L\":" + value
                + ",\"bleeding\":" + bleeding + ",\"source\":\"central lab\"}";
    }

    private static Response send(String contentType, String body) {
        return send(as("data-manager"), contentType, body);
    }

    /** The path as it is written: REST Assured would encode its colon, which is then no longer the endpoint's. */
    private static Response send(RequestSpecification caller, String contentType, String body) {
        return caller.urlEncodingEnabled(false).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post(BATCH);
    }

    private static long rows(UUID patient) {
        return TestDatabase.count(EfficacyTestProfile.DATABASE,
                "SELECT count(*) FROM platelet_count WHERE patient_id = ?", patient);
    }

    private static long audited(UUID one, UUID other) {
        return TestDatabase.count(EfficacyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE entity_type = 'PlateletCountRecord' AND entity_id IN "
                        + "(SELECT id::text FROM platelet_count WHERE patient_id IN (?, ?))", one, other);
    }

    /** A patient infused on 2025-01-10 with a baseline of 8×10⁹/L and no therapies, as enrollment answers it. */
    private static UUID patient(String site) {
        UUID patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, """
                {"id":"%s","subjectId":"CT-%s-%s","siteCode":"%s","sex":"F","ageAtInfusionYears":11,
                 "day0":"2025-01-10","weightKg":32.0,"baselinePlateletCountPer1e9L":8,"priorTherapyCount":4,
                 "status":"INFUSED","doseLevel":"DL1","therapies":[]}
                """.formatted(patient, site, patient.toString().substring(0, 4), site));
        return patient;
    }
}
