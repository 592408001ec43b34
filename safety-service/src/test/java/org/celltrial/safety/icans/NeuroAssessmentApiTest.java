package org.celltrial.safety.icans;

import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Neurological assessments through the REST API: the ICE and CAPD score statuses stored and shown, the request's
 * score rules and unknown enum values refused with a 400 naming the field (docs/clinical-rules.md, section "ICANS").
 * Enrollment-service is played by WireMock, answering a patient infused on 2025-03-01 at SITE-01.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class NeuroAssessmentApiTest {

    private static final String BASE = "/api/v1/safety/patients/";
    private static final String PROBLEM = "application/problem+json";
    private static final Map<String, Object> NORMAL_ICE = Map.of("orientation", 4, "naming", 3, "commands", 1,
            "writing", 1, "attention", 1);

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID patient;

    @BeforeEach
    void freshPatient() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        patient = UUID.randomUUID();
    }

    @Test
    void aRequestWithoutStatusesReadsAsBeforeAndShowsThem() {
        adult();
        post(assessment("2025-03-05T09:00:00Z", "ice", NORMAL_ICE)).then().statusCode(201)
                .body("iceStatus", equalTo("DONE"))
                .body("iceTotal", equalTo(10))
                .body("capdStatus", equalTo("NOT_PERFORMED"));
        post(assessment("2025-03-06T09:00:00Z", "consciousness", "AWAKENS_SPONTANEOUSLY")).then().statusCode(201)
                .body("iceStatus", equalTo("NOT_PERFORMED"))
                .body("capdStatus", equalTo("NOT_PERFORMED"));

        as("inv-site01").get(BASE + patient + "/neuro-assessments")
                .then().statusCode(200)
                .body("items.iceStatus", equalTo(List.of("DONE", "NOT_PERFORMED")))
                .body("items.capdStatus", equalTo(List.of("NOT_PERFORMED", "NOT_PERFORMED")));
        as("safety-officer").get(BASE + patient + "/icans")
                .then().statusCode(200)
                .body("observations.grade", equalTo(List.of(0, 1)))
                .body("observations[1].rule",
                        equalTo("ASTCT ICANS grade 1: awakens spontaneously; ICE not performed"));
    }

    @Test
    void unableToUndergoIceGradesThreeAndFourWhenUnarousable() {
        adult();
        post(assessment("2025-03-05T09:00:00Z", "iceStatus", "UNABLE")).then().statusCode(201)
                .body("iceStatus", equalTo("UNABLE"));
        post(assessment("2025-03-05T21:00:00Z", "iceStatus", "UNABLE", "consciousness", "UNAROUSABLE"))
                .then().statusCode(201);

        as("safety-officer").get(BASE + patient + "/icans")
                .then().statusCode(200)
                .body("maxGrade", equalTo(4))
                .body("observations.grade", equalTo(List.of(3, 4)));
    }

    @Test
    void unableToPerformCapdIsGradeFour() {
        child();
        post(assessment("2025-03-05T09:00:00Z", "capdStatus", "UNABLE")).then().statusCode(201)
                .body("capdStatus", equalTo("UNABLE"))
                .body("iceStatus", equalTo("NOT_PERFORMED"));

        as("safety-officer").get(BASE + patient + "/icans")
                .then().statusCode(200)
                .body("maxGrade", equalTo(4))
                .body("observations[0].rule", equalTo("ASTCT ICANS grade 4: unable to perform CAPD"));
    }

    @Test
    void aScoreAgainstItsStatusOrTheAgeIsRefusedNamingTheField() {
        adult();
        refused(assessment("2025-03-05T09:00:00Z", "iceStatus", "DONE"), "ice");
        refused(assessment("2025-03-05T09:00:00Z", "iceStatus", "UNABLE", "ice", NORMAL_ICE), "ice");
        refused(assessment("2025-03-05T09:00:00Z", "capdStatus", "UNABLE"), "capdStatus");
        assertEquals(0, rows());
    }

    @Test
    void anUnknownEnumValueIsRefusedNamingTheField() {
        adult();
        refused(assessment("2025-03-05T09:00:00Z", "consciousness", "DROWSY"), "consciousness")
                .body("violations[0].message", containsString("AWAKENS_SPONTANEOUSLY"));
        refused(assessment("2025-03-05T09:00:00Z", "iceStatus", "MAYBE"), "iceStatus");
        assertEquals(0, rows());
    }

    private void adult() {
        EnrollmentStub.reference(patient, reference("1985-01-01", 40));
    }

    private void child() {
        EnrollmentStub.reference(patient, reference("2016-01-01", 9));
    }

    /** A normal assessment at this time, with the fields given (name, value, ...) put over it. */
    private static Map<String, Object> assessment(String at, Object... fields) {
        Map<String, Object> body = new HashMap<>(Map.of("at", at, "consciousness", "AWAKE", "seizure", "NONE",
                "motorWeakness", "NONE", "cerebralEdema", "NONE"));
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    private Response post(Map<String, Object> body) {
        return as("inv-site01").body(body).post(BASE + patient + "/neuro-assessments");
    }

    private ValidatableResponse refused(Map<String, Object> body, String field) {
        return post(body).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo(field));
    }

    private long rows() {
        return TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM neuro_assessment WHERE patient_id = ?", patient);
    }

    private String reference(String birthDate, int ageAtInfusionYears) {
        return """
                {"id":"%s","subjectId":"CT-SITE-01-%s","siteCode":"SITE-01","sex":"F","birthDate":"%s",
                 "ageAtInfusionYears":%d,"day0":"2025-03-01","weightKg":30.0,"baselinePlateletCountPer1e9L":9,
                 "priorTherapyCount":4,"status":"INFUSED","doseLevel":"DL1","therapies":[]}
                """.formatted(patient, patient.toString().substring(0, 4), birthDate, ageAtInfusionYears);
    }
}
