package org.celltrial.safety.course;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The patient's safety views in one answer (GET /patients/{id}/course, which the gateway's course reads), with real
 * tokens and PostgreSQL; enrollment-service is played by WireMock.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class SafetyCourseTest {

    private static final String BASE = "/api/v1/safety/patients/";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID patient;

    @BeforeEach
    void infusedPatient() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, reference(patient, "\"2025-03-01\""));
    }

    @Test
    void everyViewComesInOneAnswerAndEnrollmentIsAskedForThePatientOnce() {
        vitals("2025-03-02T08:00:00Z", 38.6, "NONE");
        vitals("2025-03-02T20:00:00Z", 39.0, "LOW_FLOW");
        as("inv-site01").body(Map.of("at", "2025-03-05T08:00:00Z", "analyte", "ANC", "value", 0.4, "unit", "10*9/L",
                        "lowerLimitNormal", 1.5, "upperLimitNormal", 7.5))
                .post(BASE + patient + "/labs").then().statusCode(201);
        EnrollmentStub.server().resetRequests();

        as("monitor-site01").get(BASE + patient + "/course").then().statusCode(200)
                .body("crs.maxGrade", equalTo(2))
                .body("crs.observations.grade", equalTo(List.of(1, 2)))
                .body("icans.maxGrade", equalTo(0))
                .body("icaht.day0", equalTo("2025-03-01"))
                .body("icaht.early", notNullValue())
                .body("adverseEvents.origin", equalTo(List.of("CRS", "LAB")))
                .body("adverseEvents[0].grade", equalTo(2))
                .body("queries", empty())
                .body("signatures", empty());

        EnrollmentStub.server().verify(1, getRequestedFor(urlEqualTo(EnrollmentStub.path(patient))));
    }

    /** The same fields as the views asked one by one: the adverse events whole, as their list pages them. */
    @Test
    void eachViewIsWhatItsOwnEndpointAnswers() {
        vitals("2025-03-02T08:00:00Z", 38.6, "NONE");

        Map<String, Object> crs = as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200)
                .extract().jsonPath().getMap("");
        List<Object> events = as("safety-officer").get(BASE + patient + "/adverse-events").then().statusCode(200)
                .extract().jsonPath().getList("items");
        as("safety-officer").get(BASE + patient + "/course").then().statusCode(200)
                .body("crs", equalTo(crs))
                .body("adverseEvents", equalTo(events))
                .body("adverseEvents", hasSize(1));
    }

    @Test
    void beforeDayZeroIcahtIsNullAndTheOtherViewsCome() {
        EnrollmentStub.reference(patient, reference(patient, "null"));

        as("inv-site01").get(BASE + patient + "/course").then().statusCode(200)
                .body("icaht", nullValue())
                .body("crs.maxGrade", equalTo(0))
                .body("adverseEvents", empty());
    }

    @Test
    void aPatientEnrollmentDoesNotShowIs404AndEnrollmentDownIs503() {
        EnrollmentStub.status(patient, 404);
        as("inv-site01").get(BASE + patient + "/course").then().statusCode(404)
                .contentType("application/problem+json");

        EnrollmentStub.status(patient, 503);
        as("inv-site01").get(BASE + patient + "/course").then().statusCode(503)
                .contentType("application/problem+json");
    }

    @Test
    void aSponsorMayNotReadAPatientsCourse() {
        as("sponsor-user").get(BASE + patient + "/course").then().statusCode(403);
    }

    private void vitals(String at, double temperature, String oxygen) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("at", at, "temperatureC", temperature,
                "hypotension", "NONE", "oxygen", oxygen, "antipyreticOrAntiCytokine", false));
        if (!"NONE".equals(oxygen)) {
            body.put("oxygenLpm", 4);
        }
        as("inv-site01").body(body).post(BASE + patient + "/vitals").then().statusCode(201);
    }

    private static String reference(UUID patient, String day0) {
        return """
                {"id":"%s","subjectId":"CT-SITE-01-%s","siteCode":"SITE-01","sex":"F","birthDate":"1990-01-01",
                 "ageAtInfusionYears":35,"day0":%s,"lymphodepletionStart":"2025-02-24","weightKg":60.0,
                 "baselinePlateletCountPer1e9L":9,
                 "priorTherapyCount":4,"status":"INFUSED","doseLevel":"DL1","therapies":[]}
                """.formatted(patient, patient.toString().substring(0, 4), day0);
    }
}
