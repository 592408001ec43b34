package org.celltrial.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The safety grading rules across services, through the gateway with real tokens: safety reads the grading settings
 * from enrollment's protocol (docs/clinical-rules.md, Protocol settings), keeps observations of a patient not yet
 * infused ungraded, refuses an attribution without its cause, and lets only a safety officer regrade.
 */
class SafetyGradingIT {

    private static final String SITE = "SITE-01";
    private static RunningSuite suite;
    private static String patientId;

    @BeforeAll
    static void aScreenedPatient() {
        suite = RunningSuite.get();
        Response site = as("admin-user").body(Map.of("code", SITE, "name", "First site"))
                .post(suite.gateway.url() + "/api/v1/enrollment/sites");
        assertTrue(site.statusCode() == 201 || site.statusCode() == 409, "site created or there: " + site.asString());
        patientId = as("inv-site01")
                .body(Map.of("siteCode", SITE, "screeningNumber", "GRADE-" + UUID.randomUUID().toString().substring(0, 8),
                        "sex", "M", "birthDate", "1990-05-01", "heightCm", 180, "weightKg", 80,
                        "itpDiagnosisDate", "2015-01-01", "baselinePlateletCountPer1e9L", 12, "priorTherapies", List.of()))
                .post(suite.gateway.url() + "/api/v1/enrollment/patients")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void theProtocolNamesTheSafetyGradingSettings() {
        as("safety-officer").get(suite.gateway.url() + "/api/v1/enrollment/protocol")
                .then().statusCode(200)
                .body("safetyGrading.episodeResolutionWindowHours", equalTo(24))
                .body("safetyGrading.capdMaxAgeYears", equalTo(12))
                .body("safetyGrading.ctcaeVersion", equalTo("5.0"))
                .body("safetyGrading.labBaselineAnchor", equalTo("FIRST_LYMPHODEPLETION_DAY"))
                .body("safetyGrading.labBaselineLookBackDays", equalTo(14));
    }

    @Test
    void aFeverBeforeTheInfusionIsKeptUngradedAndOpensNoCrs() {
        String safety = suite.gateway.url() + "/api/v1/safety/patients/" + patientId;
        as("inv-site01").body(Map.of("at", "2025-02-26T08:00:00Z", "temperatureC", 38.9, "hypotension", "NONE",
                        "oxygen", "NONE", "antipyreticOrAntiCytokine", true))
                .post(safety + "/vitals").then().statusCode(201);

        as("safety-officer").get(safety + "/crs").then().statusCode(200)
                .body("maxGrade", equalTo(0))
                .body("episodes", hasSize(0))
                .body("observations[0].grade", nullValue())
                .body("observations[0].reason", equalTo("not infused"))
                .body("protocolVersion", equalTo(1));
        as("safety-officer").get(safety + "/adverse-events").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badGradingInputIsRefusedAndNothingIsStored() {
        String safety = suite.gateway.url() + "/api/v1/safety/patients/" + patientId;
        int before = as("safety-officer").get(safety + "/neuro-assessments").then().statusCode(200)
                .extract().path("items.size()");
        as("inv-site01").body(Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", 37.0,
                        "hypotension", "ONE_VASOPRESSOR", "oxygen", "NONE", "antipyreticOrAntiCytokine", false,
                        "attributedToOtherCause", "HYPOTENSION"))
                .post(safety + "/vitals").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("otherCause"));
        as("inv-site01").body(Map.of("at", "2025-03-02T08:00:00Z", "consciousness", "DROWSY", "seizure", "NONE",
                        "motorWeakness", "NONE", "cerebralEdema", "NONE"))
                .post(safety + "/neuro-assessments").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("consciousness"));
        as("safety-officer").get(safety + "/neuro-assessments").then().statusCode(200)
                .body("items", hasSize(before));
    }

    @Test
    void onlyASafetyOfficerRegradesUnderTheProtocolInForce() {
        String regrade = suite.gateway.url() + "/api/v1/safety/patients/" + patientId + "/regrade";
        as("inv-site01").body(Map.of("reason", "amendment")).post(regrade)
                .then().statusCode(403).contentType("application/problem+json");
        as("safety-officer").body(Map.of("reason", "Protocol version 1 confirmed for this patient")).post(regrade)
                .then().statusCode(200)
                .body("patientId", equalTo(patientId))
                .body("toProtocolVersion", equalTo(1));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }
}
