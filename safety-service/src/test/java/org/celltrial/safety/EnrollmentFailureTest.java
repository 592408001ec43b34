package org.celltrial.safety;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Safety when enrollment-service fails (common's EnrollmentClient: 2 s timeout, 2 retries, a circuit breaker that
 * opens when half of the last 6 attempts failed): writes and computed views answer a 503 problem quickly and write
 * nothing; reads of stored data need no enrollment and keep working.
 * <p>
 * The circuit breaker is per application, and this class shares its application with the other safety tests: each
 * test starts and ends with every circuit closed, so an open one never outlives the test that opened it.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class EnrollmentFailureTest {

    private static final String BASE = "/api/v1/safety/patients/";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private String investigator;
    private UUID patient;

    @BeforeEach
    void infusedPatient() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        investigator = Tokens.of("inv-site01");
        patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, reference(patient));
    }

    @AfterEach
    void closeTheCircuit() {
        circuitBreakers.resetAll();
    }

    @Test
    void aSlowEnrollmentTimesOutInto503QuicklyAndNothingIsWritten() {
        // Every attempt would be answered after 5 s: without the timeout the first would succeed, after 5 s.
        EnrollmentStub.slow(patient, reference(patient), 5_000);
        long started = System.nanoTime();

        postVitals(patient).statusCode(503).contentType(PROBLEM)
                .body("detail", containsString("enrollment-service"));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // three attempts of 2 s each and two short pauses, not three waits of 5 s
        assertTrue(took.compareTo(Duration.ofSeconds(12)) < 0, "gave up after " + took);
        assertEquals(0, rows(patient, "vitals") + rows(patient, "adverse_event"));
    }

    @Test
    void anOpenCircuitAnswers503WithoutCallingEnrollmentUntilItCloses() {
        EnrollmentStub.status(patient, 500);
        // Each refused write is three failed attempts (a call and two retries): two writes open the circuit.
        for (int i = 0; i < 3; i++) {
            postVitals(patient).statusCode(503).contentType(PROBLEM);
        }
        int callsSoFar = enrollmentCalls();
        UUID another = UUID.randomUUID();
        EnrollmentStub.reference(another, reference(another));

        // Open for every patient, including one enrollment would answer for.
        postVitals(patient).statusCode(503).contentType(PROBLEM).body("detail", containsString("enrollment-service"));
        postVitals(another).statusCode(503).contentType(PROBLEM);
        assertEquals(callsSoFar, enrollmentCalls(), "the open circuit called enrollment");
        assertEquals(0, rows(patient, "vitals") + rows(another, "vitals"));

        circuitBreakers.resetAll();
        postVitals(another).statusCode(201);
        assertEquals(1, rows(another, "vitals"));
    }

    @Test
    void storedDataStaysReadableWhileEnrollmentIsDownButViewsComputedFromDay0Are503() {
        postVitals(patient).statusCode(201);   // 38.6 °C on day 1: CRS grade 1, and its adverse event
        String eventId = given().auth().oauth2(investigator).get(BASE + patient + "/adverse-events")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].id");
        EnrollmentStub.reset();
        EnrollmentStub.status(patient, 503);

        given().auth().oauth2(investigator).get(BASE + patient + "/vitals")
                .then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(investigator).get(BASE + patient + "/adverse-events")
                .then().statusCode(200).body("items[0].id", equalTo(eventId))
                .body("items[0].origin", equalTo("CRS"));
        given().auth().oauth2(investigator).get("/api/v1/safety/adverse-events/" + eventId)
                .then().statusCode(200).body("grade", equalTo(1));
        String safetyOfficer = Tokens.of("safety-officer");
        given().auth().oauth2(safetyOfficer).get("/api/v1/safety/line-listing?siteCode=SITE-01&limit=200")
                .then().statusCode(200);
        given().auth().oauth2(safetyOfficer).get("/api/v1/safety/export/fhir?siteCode=SITE-01")
                .then().statusCode(200).body(containsString(subjectId(patient)));
        assertEquals(0, enrollmentCalls(), "reads of stored data called enrollment");

        // The SDTM AE dataset counts study days (AESTDY) from Day 0 too: a 503 problem before anything streams.
        given().auth().oauth2(safetyOfficer).get("/api/v1/safety/export/sdtm-ae?siteCode=SITE-01")
                .then().statusCode(503).contentType(PROBLEM);

        // CRS, ICANS and ICAHT are graded on study days, counted from Day 0, which only enrollment knows.
        for (String view : new String[] {"crs", "icans", "icaht"}) {
            given().auth().oauth2(investigator).get(BASE + patient + "/" + view)
                    .then().statusCode(503).contentType(PROBLEM);
        }
    }

    private ValidatableResponse postVitals(UUID patientId) {
        return given().auth().oauth2(investigator).contentType("application/json")
                .body(Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", 38.6, "hypotension", "NONE",
                        "oxygen", "NONE", "antipyreticOrAntiCytokine", false))
                .post(BASE + patientId + "/vitals")
                .then();
    }

    private static int enrollmentCalls() {
        return EnrollmentStub.server().findAll(anyRequestedFor(anyUrl())).size();
    }

    private static long rows(UUID patientId, String table) {
        return TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM " + table + " WHERE patient_id = ?", patientId);
    }

    private static String subjectId(UUID patient) {
        return "CT-SITE-01-" + patient.toString().substring(0, 4);
    }

    private static String reference(UUID patient) {
        return """
                {"id":"%s","subjectId":"%s","siteCode":"SITE-01","sex":"F","birthDate":"2016-01-01",
                 "ageAtInfusionYears":9,"day0":"2025-03-01","weightKg":30.0,"baselinePlateletCountPer1e9L":9,
                 "status":"INFUSED","therapies":[]}
                """.formatted(patient, subjectId(patient));
    }
}
