package org.celltrial.efficacy.course;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.celltrial.efficacy.EfficacyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The patient's efficacy views in one answer (GET /patients/{id}/course, which the gateway's course reads), with real
 * tokens and PostgreSQL; enrollment-service is played by WireMock.
 */
@QuarkusTest
@TestProfile(EfficacyTestProfile.class)
class EfficacyCourseTest {

    private static final String BASE = "/api/v1/efficacy/patients/";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID patient;

    @BeforeEach
    void infusedPatient() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, reference(patient, "\"2025-01-10\""));
    }

    @Test
    void everyViewComesInOneAnswerAndEnrollmentIsAskedForThePatientOnce() {
        post("platelet-counts", Map.of("date", "2025-01-20", "valuePer1e9L", 12, "bleeding", 1));
        post("platelet-counts", Map.of("date", "2025-02-01", "valuePer1e9L", 30, "bleeding", 0));
        post("platelet-counts", Map.of("date", "2025-02-15", "valuePer1e9L", 32, "bleeding", 0));
        post("car-t-kinetics", Map.of("date", "2025-01-17", "copiesPerUgDna", 20000));
        post("b-cells", Map.of("date", "2025-01-17", "cd19PerUl", 0.5));
        EnrollmentStub.server().resetRequests();

        as("monitor-site01").get(BASE + patient + "/course").then().statusCode(200)
                .body("response.bestResponse", equalTo("R"))
                .body("response.firstResponseDate", equalTo("2025-02-01"))
                .body("plateletCounts.date", equalTo(List.of("2025-01-20", "2025-02-01", "2025-02-15")))
                .body("carTKinetics.items", hasSize(1))
                .body("carTKinetics.summary.cmax", equalTo(20000.0f))
                .body("bCells.items[0].cd19PerUl", equalTo(0.5f))
                .body("autoantibodies.items", empty())
                .body("queries", empty())
                .body("signatures", empty());

        EnrollmentStub.server().verify(1, getRequestedFor(urlEqualTo(EnrollmentStub.path(patient))));
    }

    /** The same fields as the views asked one by one: the counts whole, as their list pages them. */
    @Test
    void eachViewIsWhatItsOwnEndpointAnswers() {
        post("platelet-counts", Map.of("date", "2025-01-20", "valuePer1e9L", 12, "bleeding", 1));
        post("b-cells", Map.of("date", "2025-01-17", "cd19PerUl", 0.5));

        Map<String, Object> response = as("data-manager").get(BASE + patient + "/response").then().statusCode(200)
                .extract().jsonPath().getMap("");
        List<Object> counts = as("data-manager").get(BASE + patient + "/platelet-counts").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, Object> bCells = as("data-manager").get(BASE + patient + "/b-cells").then().statusCode(200)
                .extract().jsonPath().getMap("");
        as("data-manager").get(BASE + patient + "/course").then().statusCode(200)
                .body("response", equalTo(response))
                .body("plateletCounts", equalTo(counts))
                .body("bCells", equalTo(bCells));
    }

    /** The response, read first, decides: before Day 0 its 409 is the answer, as the gateway showed it before. */
    @Test
    void beforeDayZeroTheAnswerIsTheResponsesRefusal() {
        EnrollmentStub.reference(patient, reference(patient, "null"));

        as("inv-site01").get(BASE + patient + "/course").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aPatientEnrollmentDoesNotShowIs404AndEnrollmentDownIs503() {
        EnrollmentStub.status(patient, 404);
        as("inv-site01").get(BASE + patient + "/course").then().statusCode(404)
                .contentType("application/problem+json");

        EnrollmentStub.status(patient, 503);
        as("inv-site01").get(BASE + patient + "/course").then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @Test
    void aSponsorMayNotReadAPatientsCourse() {
        as("sponsor-user").get(BASE + patient + "/course").then().statusCode(403);
    }

    private void post(String collection, Map<String, Object> body) {
        as("inv-site01").body(body).post(BASE + patient + "/" + collection).then().statusCode(201);
    }

    private static String reference(UUID patient, String day0) {
        return """
                {"id":"%s","subjectId":"CT-SITE-01-%s","siteCode":"SITE-01","sex":"F","ageAtInfusionYears":11,
                 "day0":%s,"weightKg":32.0,"baselinePlateletCountPer1e9L":8,"priorTherapyCount":4,
                 "status":"INFUSED","doseLevel":"DL1","therapies":[]}
                """.formatted(patient, patient.toString().substring(0, 4), day0);
    }
}
