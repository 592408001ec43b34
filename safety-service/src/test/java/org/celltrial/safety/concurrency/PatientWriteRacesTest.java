package org.celltrial.safety.concurrency;

import static io.restassured.RestAssured.given;
import static org.celltrial.testing.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.LongForm;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * One writer per patient: observations of one patient posted at the same time are stored and graded one after the
 * other, so none is lost, none answers 5xx, and the adverse events derived from them are those a fresh grading of
 * everything stored gives (no duplicate from two writers grading two snapshots).
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class PatientWriteRacesTest {

    private static final String BASE = "/api/v1/safety/patients/";
    private static final LocalDate DAY0 = LocalDate.parse("2025-03-01");
    /**
     * Rounds in all, and per patient (each round regrades everything the patient has, so the long form spreads its
     * rounds over fresh patients): 30 on one patient; long form ({@code -Dcelltrial.long=true}) 1000 over 20 patients.
     */
    private static final int ROUNDS = LongForm.size(30, 1000);
    private static final int ROUNDS_PER_PATIENT = 50;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID patient;
    private ExecutorService pool;

    @BeforeEach
    void infusedChild() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        pool = Executors.newFixedThreadPool(8);
    }

    private void newPatient() {
        patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, """
                {"id":"%s","subjectId":"CT-SITE-01-%s","siteCode":"SITE-01","sex":"F","birthDate":"2016-01-01",
                 "ageAtInfusionYears":9,"day0":"2025-03-01","lymphodepletionStart":"2025-02-24","weightKg":30.0,
                 "baselinePlateletCountPer1e9L":9,
                 "priorTherapyCount":4,"status":"INFUSED","doseLevel":"DL1","therapies":[]}
                """.formatted(patient, patient.toString().substring(0, 4)));
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /**
     * Rounds of 2 to 8 vital signs posted at once, each at its own time: fevers of one day (every one of them
     * opening or growing the same episode, so that two writers grading apart would both open its event), and every
     * other round ending afebrile so that the next fever is a new episode.
     */
    @Test
    void concurrentObservationsAreAllStoredAndTheirEventsMatchAFreshGrading() throws Exception {
        Map<Integer, Integer> all = new TreeMap<>();
        int patients = 0;
        int episodes = 0;
        long started = System.nanoTime();
        for (int done = 0; done < ROUNDS; done += ROUNDS_PER_PATIENT) {
            newPatient();
            Map<Integer, Integer> statuses = new TreeMap<>();
            episodes += racePatient(Math.min(ROUNDS_PER_PATIENT, ROUNDS - done), statuses);
            statuses.forEach((status, count) -> all.merge(status, count, Integer::sum));
            patients++;
        }
        System.out.printf("PatientWriteRacesTest: %d rounds of 2-8 concurrent vitals over %d patients: %s, %d CRS "
                + "episodes each with exactly one adverse event, %d ms%n", ROUNDS, patients, all, episodes,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Six voids of one record sent at once with the same If-Match: one voids it (204), the others find it voided or
     * their version stale (409 or 412), none fails (5xx), and the course is regraded once without it.
     */
    @Test
    void concurrentVoidsOfOneRecordWithOneETagVoidItOnce() throws Exception {
        newPatient();
        String token = Tokens.of("inv-site01");
        String id = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", 38.6, "hypotension", "NONE",
                        "oxygen", "NONE", "antipyreticOrAntiCytokine", false))
                .post(BASE + patient + "/vitals").then().statusCode(201).extract().path("id");
        as("safety-officer").get(BASE + patient + "/adverse-events").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(1));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int writer = 0; writer < 6; writer++) {
            answers.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"0\"")
                        .body(Map.of("reason", "Entered for the wrong patient"))
                        .post(BASE + patient + "/vitals/" + id + "/void").then().extract().statusCode();
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<Integer> answer : answers) {
            statuses.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
        }

        assertEquals(1, statuses.getOrDefault(204, 0), "one void: " + statuses);
        assertEquals(5, statuses.getOrDefault(409, 0) + statuses.getOrDefault(412, 0), "the others refused: "
                + statuses);
        assertEquals(1, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'VOID'", id));
        as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200)
                .body("maxGrade", org.hamcrest.Matchers.equalTo(0))
                .body("observations.size()", org.hamcrest.Matchers.equalTo(0));
    }

    /** The rounds for the current patient; checks them and returns how many CRS episodes they graded as. */
    private int racePatient(int rounds, Map<Integer, Integer> statuses) throws Exception {
        String token = Tokens.of("inv-site01");
        int created = 0;
        for (int round = 0; round < rounds; round++) {
            int writers = 2 + round % 7;
            Instant day = DAY0.plusDays(1 + 2L * round).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                boolean afebrile = round % 2 == 1 && writer == writers - 1;
                Map<String, Object> body = new HashMap<>(Map.of(
                        "at", day.plus(6 + 2L * writer, ChronoUnit.HOURS).toString(),
                        "temperatureC", BigDecimal.valueOf(afebrile ? 369 : 381 + writer, 1),
                        "hypotension", "NONE", "oxygen", "NONE", "antipyreticOrAntiCytokine", false));
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType("application/json").body(body)
                            .post(BASE + patient + "/vitals").then().extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                int status = answer.get(60, TimeUnit.SECONDS);
                statuses.merge(status, 1, Integer::sum);
                if (status == 201) {
                    created++;
                }
            }
        }

        int fiveHundreds = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue)
                .sum();
        assertEquals(0, fiveHundreds, "answers by status: " + statuses);
        int sent = 0;
        for (int round = 0; round < rounds; round++) {
            sent += 2 + round % 7;
        }
        assertEquals(Map.of(201, sent), statuses, "every observation has its own time, so every one is stored");
        assertEquals(created, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM vitals WHERE patient_id = ? AND NOT voided", patient));

        // A fresh grading of everything stored, against the adverse events the writers left behind.
        JsonPath course = as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200).extract()
                .jsonPath();
        List<Integer> onsetDays = course.getList("episodes.onsetDay", Integer.class);
        List<Integer> grades = course.getList("episodes.maxGrade", Integer.class);
        assertTrue(onsetDays.size() > 1, "the rounds grade as several episodes: " + onsetDays);
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < onsetDays.size(); i++) {
            expected.put(DAY0.plusDays(onsetDays.get(i)).toString(), grades.get(i));
        }
        JsonPath events = as("safety-officer").get(BASE + patient + "/adverse-events?limit=200").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> crsEvents = events.<Map<String, Object>>getList("items").stream()
                .filter(event -> "CRS".equals(event.get("origin"))).toList();
        Map<String, Integer> stored = new TreeMap<>();
        for (Map<String, Object> event : crsEvents) {
            stored.merge((String) event.get("onset"), (Integer) event.get("grade"), (a, b) -> -1);
        }
        assertEquals(onsetDays.size(), crsEvents.size(), "one CRS adverse event per episode, none twice");
        assertEquals(expected, stored, "the CRS adverse events have the episodes' onsets and grades");
        assertEquals(onsetDays.size(), TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM adverse_event WHERE patient_id = ? AND origin = 'CRS' AND NOT voided", patient));
        return onsetDays.size();
    }
}
