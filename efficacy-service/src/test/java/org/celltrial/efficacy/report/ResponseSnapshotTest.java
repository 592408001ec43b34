package org.celltrial.efficacy.report;

import static io.restassured.RestAssured.given;
import static org.celltrial.efficacy.report.SummaryPatients.subject;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.celltrial.efficacy.EfficacyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The summary's kept rows (docs/performance.md, "The efficacy summary"): used while nothing they were computed from
 * changed, computed again when the patient's data, enrollment's reference or the protocol did. That a kept row is
 * used is shown by altering it in the database: the summary then says what the altered row says, until a change of
 * its inputs replaces it.
 */
@QuarkusTest
@TestProfile(EfficacyTestProfile.class)
class ResponseSnapshotTest {

    private static final String BASE = "/api/v1/efficacy/patients/";
    private static final String DB = EfficacyTestProfile.DATABASE;
    private static final String RESCUE_START = "2025-05-01";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private String investigator;
    private String dataManager;

    @BeforeEach
    void onlyThisTestsPatients() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        investigator = Tokens.of("inv-site01");
        dataManager = Tokens.of("data-manager");
    }

    @Test
    void aKeptRowIsUsedUntilTheDataTheReferenceOrTheProtocolChange() {
        UUID patient = patient("");
        count(patient, "2025-02-01", 30);
        count(patient, "2025-02-15", 32);
        assertEquals("R", row(patient, "2025-06-15").get("bestResponse"));
        assertEquals(1, TestDatabase.count(DB, "SELECT count(*) FROM response_snapshot WHERE patient_id = ?"
                + " AND cut_off_key = '2025-06-15' AND best_response = 'R'", patient));

        // The kept row is what the summary reads: altered, the summary says CR.
        alterKeptRow(patient, "CR");
        assertEquals("CR", row(patient, "2025-06-15").get("bestResponse"));
        // At another cut-off it is computed: R from the counts.
        assertEquals("R", row(patient, "2025-06-16").get("bestResponse"));

        // A new count raises the patient's revision: the row is computed again, R again.
        count(patient, "2025-03-20", 35);
        assertEquals("R", row(patient, "2025-06-15").get("bestResponse"));

        // Enrollment records a subsequent therapy: the reference's digest changes, the response is censored.
        alterKeptRow(patient, "CR");
        EnrollmentStub.reference(patient, reference(patient, """
                ,{"id":"%s","kind":"SUBSEQUENT","agent":"romiplostim","category":"TPO_RA","doseValue":1,
                  "doseUnit":"ug/kg","start":"2025-02-10","version":0}""".formatted(UUID.randomUUID())));
        Map<String, Object> censored = row(patient, "2025-06-15");
        assertAll(() -> assertEquals("NR", censored.get("bestResponse")),
                () -> assertEquals("2025-02-10", censored.get("censoredAt")));

        // Regraded under amendment 2 (a response needs 50): the protocol's digest changes.
        EnrollmentStub.reference(patient, reference(patient, ""));
        assertEquals("R", row(patient, "2025-06-15").get("bestResponse"));
        alterKeptRow(patient, "CR");
        EnrollmentStub.protocolInForce(2, EnrollmentStub.DEFAULT_SAFETY_GRADING,
                EnrollmentStub.DEFAULT_EFFICACY_RESPONSE.replace("\"responsePer1e9L\":30", "\"responsePer1e9L\":50"));
        given().auth().oauth2(dataManager).contentType("application/json").body(Map.of("reason", "Amendment 2"))
                .post(BASE + patient + "/regrade").then().statusCode(200);
        try {
            assertEquals("NR", row(patient, "2025-06-15").get("bestResponse"));
        } finally {
            EnrollmentStub.protocolInForce(1, EnrollmentStub.DEFAULT_SAFETY_GRADING,
                    EnrollmentStub.DEFAULT_EFFICACY_RESPONSE);
        }
    }

    @Test
    void aPatientWhoseEveryRecordIsVoidedLeavesTheSummary() {
        UUID patient = patient("");
        count(patient, "2025-02-01", 30);
        assertEquals(1, summary("2025-06-15").getInt("patientsEvaluated"));
        assertEquals(1, TestDatabase.count(DB, "SELECT live_records FROM efficacy_patient WHERE patient_id = ?",
                patient));

        String id = given().auth().oauth2(investigator).get(BASE + patient + "/platelet-counts").then()
                .statusCode(200).extract().path("items[0].id");
        given().auth().oauth2(investigator).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("reason", "Value of another patient"))
                .post(BASE + patient + "/platelet-counts/" + id + "/void").then().statusCode(204);

        assertEquals(0, TestDatabase.count(DB, "SELECT live_records FROM efficacy_patient WHERE patient_id = ?",
                patient));
        assertEquals(0, summary("2025-06-15").getInt("patientsEvaluated"));
    }

    @Test
    void onlyTheLastEightCutOffsKeepTheirRows() {
        UUID patient = patient("");
        count(patient, "2025-02-01", 30);
        for (int day = 1; day <= 10; day++) {
            summary("2025-07-%02d".formatted(day));
        }
        assertEquals(8, TestDatabase.count(DB, "SELECT count(*) FROM response_cut_off"));
        assertEquals(1, TestDatabase.count(DB, "SELECT count(*) FROM response_snapshot WHERE patient_id = ?"
                + " AND cut_off_key = '2025-07-10'", patient));
        assertEquals(0, TestDatabase.count(DB, "SELECT count(*) FROM response_snapshot WHERE patient_id = ?"
                + " AND cut_off_key IN ('2025-07-01', '2025-07-02')", patient));
    }

    /**
     * Counts written while summaries are read (two at a time: a third summary at once would be a 503 by design):
     * every answer is a success, and the last summary has every count.
     */
    @Test
    void summariesReadWhileCountsAreWrittenEndWithEveryCount() throws Exception {
        UUID patient = patient("");
        count(patient, "2025-01-20", 12);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int week = 0; week < 6; week++) {
                String date = "2025-02-%02d".formatted(1 + week * 4);
                calls.add(() -> given().auth().oauth2(investigator).contentType("application/json")
                        .body(Map.of("date", date, "valuePer1e9L", 120, "bleeding", 0))
                        .post(BASE + patient + "/platelet-counts").statusCode());
                calls.add(() -> given().auth().oauth2(dataManager)
                        .get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=2025-06-15").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertEquals(List.of(201, 200, 201, 200, 201, 200, 201, 200, 201, 200, 201, 200), statuses);
        } finally {
            pool.shutdown();
        }
        JsonPath own = given().auth().oauth2(dataManager).get(BASE + patient + "/response?asOf=2025-06-15").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> row = row(patient, "2025-06-15");
        assertAll(() -> assertEquals("CR", own.getString("bestResponse")),
                () -> assertEquals("CR", row.get("bestResponse")),
                () -> assertEquals(22, row.get("timeToResponseDays")),
                () -> assertEquals(own.getInt("timeToResponseDays"), row.get("timeToResponseDays")));
    }

    private void alterKeptRow(UUID patient, String bestResponse) {
        assertEquals(bestResponse, TestDatabase.string(DB, "UPDATE response_snapshot SET best_response = ?"
                + " WHERE patient_id = ? AND cut_off_key = '2025-06-15' RETURNING best_response", bestResponse,
                patient));
    }

    private JsonPath summary(String asOf) {
        return given().auth().oauth2(dataManager).get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=" + asOf)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The patient's row of the summary at this cut-off, the only row in scope. */
    private Map<String, Object> row(UUID patient, String asOf) {
        JsonPath summary = summary(asOf);
        assertEquals(1, summary.getInt("patientsEvaluated"), "only this test's patient is in scope");
        return summary.getMap("patients.find { it.subjectId == '" + subject(patient) + "' }");
    }

    /** An IVIG rescue late (2025-05-01), after the counts that matter here, then these therapies. */
    private static UUID patient(String moreTherapies) {
        return SummaryPatients.infused(RESCUE_START, moreTherapies);
    }

    private static String reference(UUID patient, String moreTherapies) {
        return SummaryPatients.reference(patient, RESCUE_START, moreTherapies);
    }

    private void count(UUID patient, String date, int value) {
        given().auth().oauth2(investigator).contentType("application/json")
                .body(Map.of("date", date, "valuePer1e9L", value, "bleeding", 0))
                .post(BASE + patient + "/platelet-counts").then().statusCode(201);
    }
}
