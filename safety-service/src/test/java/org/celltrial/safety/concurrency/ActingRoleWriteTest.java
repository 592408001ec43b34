package org.celltrial.safety.concurrency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.TestUsers;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A clinical record is written at a site only under a role that writes records and has that site (docs/architecture.md,
 * Roles): an investigator of SITE-01 who is also safety officer reads SITE-02 (as safety officer), may report an
 * adverse event there (a safety officer's write), but records vitals, labs and neurological assessments, or voids
 * them, only at SITE-01: 403 at SITE-02 and nothing stored. Real Keycloak users with both roles.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class ActingRoleWriteTest {

    private static final String BASE = "/api/v1/safety/patients/";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID own;
    private UUID other;

    @BeforeEach
    void patients() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        own = patient("SITE-01");
        other = patient("SITE-02");
    }

    @Test
    void anInvestigatorWhoIsAlsoSafetyOfficerRecordsOnlyAtItsOwnSite() {
        String both = TestUsers.token("inv-so-site01", List.of("investigator", "safety-officer"), List.of("SITE-01"));

        given().auth().oauth2(both).contentType("application/json").body(vitals()).post(BASE + own + "/vitals")
                .then().statusCode(201);
        for (String[] write : new String[][] {{"vitals", null}, {"labs", null}, {"neuro-assessments", null}}) {
            given().auth().oauth2(both).contentType("application/json").body(body(write[0]))
                    .post(BASE + other + "/" + write[0])
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:celltrial:problem:forbidden"))
                    .body("detail", equalTo(
                            "Your roles let you read but not write this patient's records at site SITE-02"));
        }
        assertEquals(0, stored(other, "vitals") + stored(other, "lab_result") + stored(other, "neuro_assessment"),
                "nothing stored at SITE-02");

        // A void at SITE-02 by the same caller: refused, the record stays valid.
        String recorded = Tokens.as("data-manager").body(vitals()).post(BASE + other + "/vitals").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(both).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("reason", "entered for the wrong patient"))
                .post(BASE + other + "/vitals/" + recorded + "/void").then().statusCode(403);
        assertEquals(0, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM vitals WHERE patient_id = ? AND voided", other));

        // As safety officer it reads SITE-02 and reports adverse events there.
        given().auth().oauth2(both).get(BASE + other + "/vitals").then().statusCode(200).body("items.size()",
                equalTo(1));
        given().auth().oauth2(both).contentType("application/json").body(Map.of("ctcaeTerm", "Nausea",
                "meddraCode", "10028813", "onset", "2025-03-08", "grade", 1, "serious", false,
                "seriousnessCriteria", List.of(), "treatments", List.of(), "relatedToCarT", "POSSIBLE",
                "expected", false)).post(BASE + other + "/adverse-events").then().statusCode(201);
    }

    @Test
    void anInvestigatorAlsoSponsorOrAdminIsNotShownAnotherSitesPatient() {
        int hour = 8;
        for (String second : List.of("sponsor", "admin")) {
            String token = TestUsers.token("inv-" + second + "-site01", List.of("investigator", second),
                    List.of("SITE-01"));
            Map<String, Object> observed = new java.util.HashMap<>(vitals());
            observed.put("at", "2025-03-02T%02d:00:00Z".formatted(hour++));
            given().auth().oauth2(token).contentType("application/json").body(observed).post(BASE + own + "/vitals")
                    .then().statusCode(201);
            given().auth().oauth2(token).contentType("application/json").body(vitals())
                    .post(BASE + other + "/vitals").then().statusCode(404);
        }
        assertEquals(2, stored(own, "vitals"));
        assertEquals(0, stored(other, "vitals"));
    }

    private long stored(UUID patient, String table) {
        return TestDatabase.count(SafetyTestProfile.DATABASE, "SELECT count(*) FROM " + table + " WHERE patient_id = ?",
                patient);
    }

    private static Object body(String path) {
        return switch (path) {
            case "vitals" -> vitals();
            case "labs" -> Map.of("at", "2025-03-02T08:00:00Z", "analyte", "ANC", "value", 0.4, "unit", "10*9/L",
                    "lowerLimitNormal", 1.5, "upperLimitNormal", 8.0);
            default -> Map.of("at", "2025-03-02T08:00:00Z", "ice", Map.of("orientation", 4, "naming", 3,
                    "commands", 1, "writing", 1, "attention", 1), "consciousness", "AWAKE", "seizure", "NONE",
                    "motorWeakness", "NONE", "cerebralEdema", "NONE");
        };
    }

    private static Map<String, Object> vitals() {
        return Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", BigDecimal.valueOf(389, 1), "hypotension", "NONE",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", false);
    }

    private static UUID patient(String site) {
        UUID patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, """
                {"id":"%s","subjectId":"CT-%s-%s","siteCode":"%s","sex":"F","birthDate":"2000-01-01",
                 "ageAtInfusionYears":25,"day0":"2025-03-01","lymphodepletionStart":"2025-02-24","weightKg":60.0,
                 "baselinePlateletCountPer1e9L":9,"priorTherapyCount":4,"status":"INFUSED","doseLevel":"DL1",
                 "therapies":[]}
                """.formatted(patient, site, patient.toString().substring(0, 4), site));
        return patient;
    }
}
