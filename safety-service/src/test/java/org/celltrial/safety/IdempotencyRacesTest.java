package org.celltrial.safety;

import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import jakarta.inject.Inject;

import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.LongForm;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A client's retries of one create with one {@code Idempotency-Key}, sent all at once (as after a timeout): one
 * create, every other answer the same 201 replayed or a 409 "still in progress" with Retry-After, never a 5xx. The
 * key is bound to the method, path and body it was first used with.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class IdempotencyRacesTest {

    private static final String BASE = "/api/v1/safety/patients/";
    private static final String PROBLEM = "application/problem+json";
    /** Retries sent at once per key, and keys; long form ({@code -Dcelltrial.long=true}) 50 x 100. */
    private static final int CONCURRENT = LongForm.size(20, 50);
    private static final int ROUNDS = LongForm.size(5, 100);

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID patient;
    private UUID otherPatient;

    @BeforeEach
    void twoInfusedPatients() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        patient = UUID.randomUUID();
        otherPatient = UUID.randomUUID();
        EnrollmentStub.reference(patient, reference(patient));
        EnrollmentStub.reference(otherPatient, reference(otherPatient));
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOnceAndNeverFail() throws Exception {
        String token = Tokens.of("inv-site01");
        Map<Integer, Integer> statusesSeen = new TreeMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String key = UUID.randomUUID().toString();
                Map<String, Object> body = vitalsBody(java.time.Instant.parse("2025-03-02T00:00:00Z")
                        .plusSeconds(60L * round).toString(), 38.6);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < CONCURRENT; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return io.restassured.RestAssured.given().auth().oauth2(token)
                                .contentType("application/json").header("Idempotency-Key", key).body(body)
                                .post(BASE + patient + "/vitals").andReturn();
                    }));
                }
                start.countDown();

                String location = null;
                String createdBody = null;
                int created = 0;
                for (Future<Response> answer : answers) {
                    Response response = answer.get(60, TimeUnit.SECONDS);
                    int status = response.statusCode();
                    statusesSeen.merge(status, 1, Integer::sum);
                    assertTrue(status == 201 || status == 409,
                            "round " + round + ": " + status + " " + response.body().asString());
                    if (status == 201) {
                        created++;
                        if (location == null) {
                            location = response.header("Location");
                            createdBody = response.body().asString();
                        }
                        assertEquals(location, response.header("Location"), "every 201 names the same record");
                        assertEquals(createdBody, response.body().asString(), "every 201 has the same body");
                    } else {
                        assertEquals(PROBLEM, response.contentType());
                        assertEquals("urn:celltrial:problem:conflict", response.jsonPath().getString("type"));
                        String retryAfter = response.header("Retry-After");
                        assertNotNull(retryAfter, "a 409 in progress says when to retry");
                        assertTrue(Integer.parseInt(retryAfter) > 0);
                    }
                }
                assertTrue(created >= 1, "round " + round + ": the create itself answered 201");
                assertEquals(round + 1, rows(patient), "round " + round + ": exactly one row per key");
                assertEquals(round + 1, TestDatabase.count(SafetyTestProfile.DATABASE,
                        "SELECT count(*) FROM audit_log WHERE action = 'CREATE' AND entity_id IN"
                                + " (SELECT id::text FROM vitals WHERE patient_id = ?)", patient),
                        "round " + round + ": one audit row per key");

                // A retry after the race replays the very same answer.
                as("inv-site01").header("Idempotency-Key", key).body(body).post(BASE + patient + "/vitals")
                        .then().statusCode(201).header("Location", equalTo(location));
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(statusesSeen.keySet().stream().anyMatch(s -> s >= 500), "statuses seen: " + statusesSeen);
        assertEquals(ROUNDS, rows(patient), "one record per key");
        assertEquals(ROUNDS * CONCURRENT, statusesSeen.values().stream().mapToInt(Integer::intValue).sum());
        System.out.println("IdempotencyRacesTest statuses over " + ROUNDS + " rounds of " + CONCURRENT + ": "
                + statusesSeen + ", " + rows(patient) + " records, "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }

    @Test
    void theSameKeyAndBodyForAnotherPatientIsRefusedAndStoresNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = vitalsBody("2025-03-02T08:00:00Z", 38.6);
        String location = as("inv-site01").header("Idempotency-Key", key).body(body).post(BASE + patient + "/vitals")
                .then().statusCode(201).extract().header("Location");
        assertTrue(location.contains(patient.toString()));

        as("inv-site01").header("Idempotency-Key", key).body(body).post(BASE + otherPatient + "/vitals")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:unprocessable"));
        assertEquals(0, rows(otherPatient));
        assertEquals(1, rows(patient));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndStoresNothing() {
        String key = UUID.randomUUID().toString();
        as("inv-site01").header("Idempotency-Key", key).body(vitalsBody("2025-03-02T08:00:00Z", 38.6))
                .post(BASE + patient + "/vitals").then().statusCode(201);

        as("inv-site01").header("Idempotency-Key", key).body(vitalsBody("2025-03-02T08:00:00Z", 39.4))
                .post(BASE + patient + "/vitals")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:unprocessable"));
        assertEquals(1, rows(patient));
    }

    @Test
    void theSameKeyOnAnotherPathOfTheSamePatientIsRefused() {
        String key = UUID.randomUUID().toString();
        as("inv-site01").header("Idempotency-Key", key).body(vitalsBody("2025-03-02T08:00:00Z", 38.6))
                .post(BASE + patient + "/vitals").then().statusCode(201);

        as("inv-site01").header("Idempotency-Key", key)
                .body(Map.of("at", "2025-03-02T08:00:00Z", "analyte", "ANC", "value", 0.4,
                        "unit", "10*9/L", "lowerLimitNormal", 1.5, "upperLimitNormal", 8.0))
                .post(BASE + patient + "/labs")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:unprocessable"));
        assertEquals(0, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM lab_result WHERE patient_id = ?", patient));
    }

    private long rows(UUID patientId) {
        return TestDatabase.count(SafetyTestProfile.DATABASE, "SELECT count(*) FROM vitals WHERE patient_id = ?",
                patientId);
    }

    private static Map<String, Object> vitalsBody(String at, double temperature) {
        return Map.of("at", at, "temperatureC", temperature, "hypotension", "NONE", "oxygen", "NONE",
                "antipyreticOrAntiCytokine", false);
    }

    private static String reference(UUID patient) {
        return """
                {"id":"%s","subjectId":"CT-SITE-01-%s","siteCode":"SITE-01","sex":"F","birthDate":"2016-01-01",
                 "ageAtInfusionYears":9,"day0":"2025-03-01","lymphodepletionStart":"2025-02-24","weightKg":30.0,
                 "baselinePlateletCountPer1e9L":9,
                 "priorTherapyCount":4,"status":"INFUSED","doseLevel":"DL1","therapies":[]}
                """.formatted(patient, patient.toString().substring(0, 4));
    }
}
