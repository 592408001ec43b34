package org.celltrial.efficacy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.celltrial.efficacy.kinetics.CarTKineticsCalculator;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Efficacy through its REST API with real tokens and real PostgreSQL; enrollment-service is played by WireMock,
 * answering a patient infused on 2025-01-10 with a baseline of 8×10⁹/L and IVIG rescue on 2025-03-01.
 */
@QuarkusTest
@TestProfile(EfficacyTestProfile.class)
class EfficacyWorkflowTest {

    private static final String BASE = "/api/v1/efficacy/patients/";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID patient;

    @BeforeEach
    void infusedPatient() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, reference(patient, "SITE-01"));
    }

    @Test
    void readsAnIwgResponseFromPlateletCountsExcludingTheRescueWindow() {
        post("platelet-counts", Map.of("date", "2025-01-20", "valuePer1e9L", 12, "bleeding", 1));
        post("platelet-counts", Map.of("date", "2025-02-01", "valuePer1e9L", 30, "bleeding", 0));
        post("platelet-counts", Map.of("date", "2025-02-15", "valuePer1e9L", 32, "bleeding", 0));
        // Nine days after IVIG started on 2025-03-01: inside its 28-day exposure window, so it cannot support a
        // response (it would still count as a failing count).
        post("platelet-counts", Map.of("date", "2025-03-10", "valuePer1e9L", 110, "bleeding", 0));

        as("inv-site01").get(BASE + patient + "/response")
                .then().statusCode(200)
                .body("baselinePer1e9L", equalTo(8))
                .body("bestResponse", equalTo("R"))
                .body("firstResponseDate", equalTo("2025-02-01"))
                .body("responseConfirmedOn", equalTo("2025-02-15"))
                .body("timeToResponseDays", equalTo(22))
                .body("counts.find { it.date == '2025-03-10' }.status", nullValue())
                .body("counts.find { it.date == '2025-03-10' }.cannotSupport", containsString("IVIG"))
                .body("protocolVersion", equalTo(1))
                .body("engine", equalTo("IwgResponseEvaluator 2.0 (IWG 2009; 2019 consensus)"))
                .body("decisions", hasItem(containsString("2025-02-15")));

        as("inv-site01").get(BASE + patient + "/response?asOf=2025-02-10")
                .then().statusCode(200)
                .body("bestResponse", equalTo("NR"));
        as("inv-site01").get(BASE + patient + "/platelet-counts")
                .then().statusCode(200).body("items", hasSize(4)).body("items[0].valuePer1e9L", equalTo(12.0f));

        // The confirming count was a transcription error: voided, the response is no longer confirmed.
        String confirming = as("inv-site01").get(BASE + patient + "/platelet-counts").then()
                .extract().path("items.find { it.date == '2025-02-15' }.id");
        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "Value of another patient"))
                .post(BASE + patient + "/platelet-counts/" + confirming + "/void")
                .then().statusCode(204);
        as("inv-site01").get(BASE + patient + "/response").then().statusCode(200)
                .body("bestResponse", equalTo("NR"));
        as("inv-site01").get(BASE + patient + "/platelet-counts").then().body("items", hasSize(3));
    }

    @Test
    void summarisesCarTKineticsByTheTrapezoidalRule() {
        int[][] curve = {{0, 0}, {3, 1000}, {7, 20000}, {10, 50000}, {14, 30000}, {21, 5000}, {28, 1000}};
        for (int[] point : curve) {
            post("car-t-kinetics", Map.of("date", java.time.LocalDate.of(2025, 1, 10).plusDays(point[0]).toString(),
                    "copiesPerUgDna", point[1]));
        }
        // AUC: 1500 + 42000 + 105000 + 160000 + 122500 + 21000 = 452000 copies/µg × day
        as("data-manager").get(BASE + patient + "/car-t-kinetics")
                .then().statusCode(200)
                .body("items", hasSize(7))
                .body("summary.cmax", equalTo(50000.0f))
                .body("summary.tmaxDay", equalTo(10))
                .body("summary.auc0to28", equalTo(452000.0f))
                .body("summary.auc0toLast", nullValue())
                .body("summary.day28Interpolated", equalTo(false))
                .body("summary.lastSampleDay", equalTo(28))
                .body("summary.lastDetectableDay", equalTo(28))
                .body("summary.engine", equalTo(CarTKineticsCalculator.VERSION));

        // At a cut-off on day 22 the samples stop on day 21: no AUC₀₋₂₈, the AUC to day 21 instead.
        as("data-manager").get(BASE + patient + "/car-t-kinetics?asOf=2025-02-01")
                .then().statusCode(200)
                .body("items", hasSize(6))
                .body("summary.auc0to28", nullValue())
                .body("summary.auc0toLast", equalTo(431000.0f))
                .body("summary.lastSampleDay", equalTo(21))
                .body("summary.explanation", containsString("no AUC₀₋₂₈: the samples stop on day 21, before day 28"));
    }

    @Test
    void findsSustainedBCellAplasiaAndAutoantibodyConversion() {
        post("b-cells", Map.of("date", "2025-01-13", "cd19PerUl", 50));
        post("b-cells", Map.of("date", "2025-01-17", "cd19PerUl", 0.5));
        post("b-cells", Map.of("date", "2025-02-07", "cd19PerUl", 0.2));
        post("b-cells", Map.of("date", "2025-03-11", "cd19PerUl", 0.1));
        as("data-manager").get(BASE + patient + "/b-cells")
                .then().statusCode(200)
                .body("summary.aplasiaFromDay", equalTo(7))
                .body("summary.recoveredOnDay", nullValue())
                .body("summary.aplasiaSustained", equalTo(true))
                // the deployment's threshold (application.properties), for the plot's aplasia line
                .body("summary.aplasiaThresholdPerUl", equalTo(1));

        post("autoantibodies", Map.of("date", "2025-01-05", "target", "GPIIB_IIIA", "opticalDensity", 0.8,
                "cutoff", 0.3));
        post("autoantibodies", Map.of("date", "2025-03-01", "target", "GPIIB_IIIA", "opticalDensity", 0.1,
                "cutoff", 0.3));
        post("autoantibodies", Map.of("date", "2025-04-01", "target", "GPIIB_IIIA", "opticalDensity", 0.12,
                "cutoff", 0.3));
        as("data-manager").get(BASE + patient + "/autoantibodies")
                .then().statusCode(200)
                .body("summary.anyPositiveAtBaseline", equalTo(true))
                .body("summary.allNegativeAfterInfusion", equalTo(true))
                .body("summary.allNegativeSince", equalTo("2025-03-01"));

        String subject = "CT-SITE-01-" + patient.toString().substring(0, 4);
        as("sponsor-user").get("/api/v1/efficacy/summary?siteCode=SITE-01")
                .then().statusCode(200)
                .body("patients.find { it.subjectId == '" + subject + "' }.bCellAplasiaSustained", equalTo(true))
                .body("patients.find { it.subjectId == '" + subject + "' }.gpAutoantibodyAllNegativeAfter",
                        equalTo(true));
    }

    /**
     * The summary's N+1 calls to enrollment (one reference per patient) must not come back: one call for the revisions
     * of a page of patients (the tests' pages hold 2), and the references of those whose revision changed alone.
     */
    @Test
    void theSummaryAsksEnrollmentOnceAPageNotOncePerPatient() {
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        EnrollmentStub.reference(second, reference(second, "SITE-01"));
        EnrollmentStub.reference(third, reference(third, "SITE-01"));
        for (UUID each : List.of(patient, second, third)) {
            as("inv-site01").body(Map.of("date", "2025-02-01", "valuePer1e9L", 30))
                    .post(BASE + each + "/platelet-counts").then().statusCode(201);
        }
        long pages = (TestDatabase.count(EfficacyTestProfile.DATABASE, "SELECT count(*) FROM efficacy_patient"
                + " WHERE live_records > 0 AND site_code = 'SITE-01'") + 1) / 2;
        assertTrue(pages >= 2, "the three patients span at least two pages of 2: " + pages);
        EnrollmentStub.server().resetRequests();

        as("data-manager").get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=2025-06-15")
                .then().statusCode(200)
                .body("patients.subjectId", hasItems(subject(patient), subject(second), subject(third)));
        EnrollmentStub.server().verify((int) pages,
                postRequestedFor(urlEqualTo(EnrollmentStub.REFERENCE_REVISIONS_PATH)));
        assertEquals(Set.of(patient, second, third), referencesAskedFor());
        EnrollmentStub.server().verify(0, getRequestedFor(urlMatching(".*/reference")));

        // asked again: every kept row holds for its reference's revision, so no reference is asked for
        EnrollmentStub.server().resetRequests();
        as("data-manager").get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=2025-06-15")
                .then().statusCode(200)
                .body("patients.subjectId", hasItems(subject(patient), subject(second), subject(third)));
        EnrollmentStub.server().verify((int) pages,
                postRequestedFor(urlEqualTo(EnrollmentStub.REFERENCE_REVISIONS_PATH)));
        EnrollmentStub.server().verify(0, postRequestedFor(urlEqualTo(EnrollmentStub.REFERENCES_PATH)));

        // one patient's reference changed (a new revision): its reference alone is asked for
        EnrollmentStub.reference(second, reference(second, "SITE-01"));
        EnrollmentStub.server().resetRequests();
        as("data-manager").get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=2025-06-15")
                .then().statusCode(200)
                .body("patients.subjectId", hasItems(subject(patient), subject(second), subject(third)));
        EnrollmentStub.server().verify(1, postRequestedFor(urlEqualTo(EnrollmentStub.REFERENCES_PATH))
                .withRequestBody(equalToJson("{\"ids\":[\"" + second + "\"]}")));
        EnrollmentStub.server().verify(1, postRequestedFor(urlEqualTo(EnrollmentStub.REFERENCES_PATH)));
    }

    @Test
    void theProtocolInForceIsAskedOnceASummaryNotOnceAPage() {
        // B-cell counts alone grade nothing, so these patients are never graded and are read under the protocol in
        // force; three of them cannot share one page of 2
        for (int i = 0; i < 3; i++) {
            UUID ungraded = UUID.randomUUID();
            EnrollmentStub.reference(ungraded, reference(ungraded, "SITE-01"));
            as("inv-site01").body(Map.of("date", "2025-01-13", "cd19PerUl", 50))
                    .post(BASE + ungraded + "/b-cells").then().statusCode(201);
        }
        EnrollmentStub.server().resetRequests();

        as("data-manager").get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=2025-06-15").then().statusCode(200);
        EnrollmentStub.server().verify(1, getRequestedFor(urlEqualTo("/api/v1/enrollment/protocol")));
    }

    /** The patients whose references enrollment was asked for, at most a page (2) a call, each once. */
    private static Set<UUID> referencesAskedFor() {
        List<UUID> asked = new ArrayList<>();
        for (LoggedRequest request : EnrollmentStub.server()
                .findAll(postRequestedFor(urlEqualTo(EnrollmentStub.REFERENCES_PATH)))) {
            List<String> ids = JsonPath.from(request.getBodyAsString()).getList("ids");
            assertTrue(ids.size() <= 2, "a page of 2 at most: " + ids);
            ids.forEach(id -> asked.add(UUID.fromString(id)));
        }
        assertEquals(asked.size(), Set.copyOf(asked).size(), "each asked for once: " + asked);
        return Set.copyOf(asked);
    }

    @Test
    void theSummaryIs503WhenEnrollmentCannotSayWhoItsPatientsAre() {
        post("platelet-counts", Map.of("date", "2025-02-01", "valuePer1e9L", 30));
        EnrollmentStub.status(patient, 500);
        as("data-manager").get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=2025-06-15")
                .then().statusCode(503).contentType(PROBLEM)
                .body("detail", containsString("enrollment-service"));
        // one call and two retries, on the first page: the summary stops there
        EnrollmentStub.server().verify(3, postRequestedFor(urlEqualTo(EnrollmentStub.REFERENCE_REVISIONS_PATH)));
    }

    @Test
    void impossibleValuesAre400AndStoreNothing() {
        as("inv-site01").body(Map.of("date", "2025-02-01", "valuePer1e9L", 2500, "bleeding", 5))
                .post(BASE + patient + "/platelet-counts")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("valuePer1e9L"))
                .body("violations.field", hasItem("bleeding"));
        as("inv-site01").body(Map.of("date", "2999-02-01", "copiesPerUgDna", -1))
                .post(BASE + patient + "/car-t-kinetics")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("date"))
                .body("violations.field", hasItem("copiesPerUgDna"));
        assertEquals(0, rows("platelet_count") + rows("qpcr_sample"));
    }

    @Test
    void aSecondSampleOnTheSameDayIs409() {
        post("car-t-kinetics", Map.of("date", "2025-01-20", "copiesPerUgDna", 1000));
        as("inv-site01").body(Map.of("date", "2025-01-20", "copiesPerUgDna", 2000))
                .post(BASE + patient + "/car-t-kinetics")
                .then().statusCode(409).contentType(PROBLEM);
        assertEquals(1, rows("qpcr_sample"));
    }

    @Test
    void aPatientEnrollmentDoesNotShowIs404AndNothingIsWritten() {
        EnrollmentStub.status(patient, 404);
        as("inv-site02").body(Map.of("date", "2025-02-01", "valuePer1e9L", 30))
                .post(BASE + patient + "/platelet-counts")
                .then().statusCode(404).contentType(PROBLEM);
        assertEquals(0, rows("platelet_count"));
    }

    @Test
    void storedDataIsScopedByItsSiteWithoutAskingEnrollment() {
        post("platelet-counts", Map.of("date", "2025-02-01", "valuePer1e9L", 30));
        EnrollmentStub.reset();
        as("inv-site02").get(BASE + patient + "/platelet-counts")
                .then().statusCode(404).contentType(PROBLEM);
        as("inv-site01").get(BASE + patient + "/platelet-counts")
                .then().statusCode(200).body("items", hasSize(1));
        EnrollmentStub.server().verify(0, getRequestedFor(urlEqualTo(EnrollmentStub.path(patient))));
    }

    @Test
    void whenEnrollmentFailsWritesAre503AfterRetriesAndNothingIsWrittenWhileStoredReadsWork() {
        post("platelet-counts", Map.of("date", "2025-02-01", "valuePer1e9L", 30));
        EnrollmentStub.reset();
        EnrollmentStub.status(patient, 500);

        String body = as("inv-site01").body(Map.of("date", "2025-02-15", "valuePer1e9L", 32))
                .post(BASE + patient + "/platelet-counts")
                .then().statusCode(503).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:service-unavailable"))
                .body("detail", containsString("enrollment-service"))
                .extract().asString();
        org.celltrial.testing.ServiceFoundationTest.assertNoInternals(body);
        // One call and two retries.
        EnrollmentStub.server().verify(3, getRequestedFor(urlEqualTo(EnrollmentStub.path(patient))));
        assertEquals(1, rows("platelet_count"));
        as("inv-site01").get(BASE + patient + "/platelet-counts")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aSlowEnrollmentTimesOutInto503() {
        EnrollmentStub.slow(patient, reference(patient, "SITE-01"), 5000);
        long started = System.nanoTime();
        as("inv-site01").body(Map.of("date", "2025-02-15", "valuePer1e9L", 32))
                .post(BASE + patient + "/platelet-counts")
                .then().statusCode(503).contentType(PROBLEM);
        assertEquals(0, rows("platelet_count"));
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        org.junit.jupiter.api.Assertions.assertTrue(seconds < 15, "gave up in " + seconds + " s");
    }

    @Test
    void anOpenCircuitAnswers503WithoutCallingEnrollment() {
        EnrollmentStub.status(patient, 500);
        for (int i = 0; i < 3; i++) {
            as("inv-site01").body(Map.of("date", "2025-02-15", "valuePer1e9L", 32))
                    .post(BASE + patient + "/platelet-counts").then().statusCode(503);
        }
        int callsSoFar = EnrollmentStub.server().findAll(getRequestedFor(urlEqualTo(EnrollmentStub.path(patient))))
                .size();
        as("inv-site01").body(Map.of("date", "2025-02-15", "valuePer1e9L", 32))
                .post(BASE + patient + "/platelet-counts").then().statusCode(503).contentType(PROBLEM);
        assertEquals(callsSoFar, EnrollmentStub.server()
                .findAll(getRequestedFor(urlEqualTo(EnrollmentStub.path(patient)))).size(),
                "the open circuit did not call enrollment");
    }

    private void post(String collection, Map<String, Object> body) {
        as("inv-site01").body(body).post(BASE + patient + "/" + collection).then().statusCode(201);
    }

    private long rows(String table) {
        return TestDatabase.count(EfficacyTestProfile.DATABASE, "SELECT count(*) FROM " + table + " WHERE patient_id = ?",
                patient);
    }

    private static String subject(UUID patient) {
        return "CT-SITE-01-" + patient.toString().substring(0, 4);
    }

    private static String reference(UUID patient, String site) {
        return """
                {"id":"%s","subjectId":"CT-%s-%s","siteCode":"%s","sex":"F","ageAtInfusionYears":11,
                 "day0":"2025-01-10","weightKg":32.0,"baselinePlateletCountPer1e9L":8,"priorTherapyCount":4,
                 "status":"INFUSED","doseLevel":"DL1",
                 "therapies":[{"id":"%s","kind":"RESCUE","agent":"IVIG","category":"IVIG","doseValue":1,
                   "doseUnit":"g/kg","start":"2025-03-01","version":0}]}
                """.formatted(patient, site, patient.toString().substring(0, 4), site, UUID.randomUUID());
    }
}
