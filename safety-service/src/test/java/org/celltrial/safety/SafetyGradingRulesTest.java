package org.celltrial.safety;

import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The safety grading rules on sequences real patients produce (docs/clinical-rules.md, CRS, ICANS, CTCAE, Protocol
 * settings), through the REST API with real tokens and real PostgreSQL; enrollment is played by WireMock: a
 * 30-year-old lymphodepleted from 2025-02-24 and infused on 2025-03-01.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class SafetyGradingRulesTest {

    private static final String BASE = "/api/v1/safety/patients/";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID patient;

    @BeforeEach
    void infusedAdult() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, reference("2025-03-01", "2025-02-24"));
    }

    @Test
    void vitalsBeforeDay0AreKeptUngradedAndOpenNoCrs() {
        // A neutropenic fever during lymphodepletion, then an afebrile Day 1.
        vitals(Map.of("at", "2025-02-26T08:00:00Z", "temperatureC", 38.9, "hypotension", "NONE", "oxygen", "NONE",
                "antipyreticOrAntiCytokine", true), 201);
        vitals(Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", 37.0, "hypotension", "NO_VASOPRESSOR",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", false), 201);

        as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200)
                .body("maxGrade", equalTo(0))
                .body("episodes", hasSize(0))
                .body("observations.grade", equalTo(Arrays.asList(null, 0)))
                .body("observations[0].reason", equalTo("before infusion"))
                .body("protocolVersion", equalTo(1))
                .body("engine", equalTo("CrsGrader 2.0 (ASTCT consensus 2019)"));
        as("safety-officer").get(BASE + patient + "/vitals").then().statusCode(200).body("items", hasSize(2));
        as("safety-officer").get(BASE + patient + "/adverse-events").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void premedicationWaivesNothingAndAnAttributionToSepsisIsNoCrs() {
        // Paracetamol at the infusion, then afebrile hypotension two months later: no CRS.
        vitals(Map.of("at", "2025-03-01T10:00:00Z", "temperatureC", 36.9, "hypotension", "NONE", "oxygen", "NONE",
                "antipyreticOrAntiCytokine", true), 201);
        vitals(Map.of("at", "2025-05-01T10:00:00Z", "temperatureC", 37.4, "hypotension", "ONE_VASOPRESSOR",
                "oxygen", "HIGH_FLOW", "antipyreticOrAntiCytokine", false), 201);
        // A CRS episode under tocilizumab, then hypotension the investigator attributes to sepsis within it.
        vitals(Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", 39.0, "hypotension", "NONE", "oxygen", "NONE",
                "antipyreticOrAntiCytokine", true), 201);
        vitals(Map.of("at", "2025-03-02T14:00:00Z", "temperatureC", 37.2, "hypotension", "ONE_VASOPRESSOR",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", false, "attributedToOtherCause", "HYPOTENSION",
                "otherCause", "sepsis (E. coli bacteraemia)"), 201);
        vitals(Map.of("at", "2025-03-02T20:00:00Z", "temperatureC", 37.2, "hypotension", "NO_VASOPRESSOR",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", false), 201);
        vitals(Map.of("at", "2025-03-03T22:00:00Z", "temperatureC", 36.8, "hypotension", "NONE",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", false), 201);

        // In time order: premedication, the episode (fever, attributed hypotension, waived hypotension), its
        // resolution, and the afebrile hypotension two months later.
        as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200)
                .body("observations.grade", equalTo(List.of(0, 1, 0, 2, 0, 0)))
                .body("episodes", hasSize(1))
                .body("observations[2].rule", containsString("hypotension attributed to sepsis (E. coli bacteraemia)"))
                .body("observations[3].rule", containsString("fever waived"))
                .body("maxGrade", equalTo(2));
        as("safety-officer").get(BASE + patient + "/vitals").then().statusCode(200)
                .body("items.find { it.otherCause != null }.attributedToOtherCause", equalTo("HYPOTENSION"));
    }

    @Test
    void anAttributionNeedsItsCauseAndACauseItsFindings() {
        vitals(Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", 37.0, "hypotension", "ONE_VASOPRESSOR",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", false, "attributedToOtherCause", "HYPOTENSION"), 400)
                .body("violations.field", hasItem("otherCause"));
        vitals(Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", 37.0, "hypotension", "ONE_VASOPRESSOR",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", false, "otherCause", "sepsis"), 400)
                .body("violations.field", hasItem("attributedToOtherCause"));
        vitals(Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", 37.0, "hypotension", "ONE_VASOPRESSOR",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", false, "attributedToOtherCause", "FEVER",
                "otherCause", "sepsis"), 400)
                .body("violations.field", hasItem("attributedToOtherCause"));
        assertEquals(0, rows("vitals"));
    }

    @Test
    void aPatientNotYetInfusedIsAcceptedUngradedAndGradedOnceInfused() {
        EnrollmentStub.reference(patient, reference(null, null));
        vitals(Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", 38.6, "hypotension", "NONE", "oxygen", "NONE",
                "antipyreticOrAntiCytokine", false), 201);
        as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200)
                .body("observations[0].grade", nullValue())
                .body("observations[0].reason", equalTo("not infused"));

        // The infusion is recorded (back-dated to the day before): the fever is graded.
        EnrollmentStub.reference(patient, reference("2025-03-01", null));
        as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200)
                .body("observations[0].grade", equalTo(1))
                .body("episodes", hasSize(1));
    }

    @Test
    void aLateFirstResultIsGradedAgainstItsNormalRangeAndOpensAnEvent() {
        // No screening labs: the first ANC on day 3 and the first ALT on day 4 are no baseline.
        lab("2025-03-04T08:00:00Z", "ANC", 0.5, "10*9/L", 1.8, 7.5, 201);
        lab("2025-03-05T08:00:00Z", "ALT", 130, "U/L", 7, 40, 201);

        as("safety-officer").get(BASE + patient + "/labs").then().statusCode(200)
                .body("items.find { it.analyte == 'ANC' }.ctcaeGrade", equalTo(3))
                .body("items.find { it.analyte == 'ALT' }.ctcaeGrade", equalTo(2));
        as("safety-officer").get(BASE + patient + "/adverse-events").then().statusCode(200)
                .body("items.find { it.ctcaeTerm == 'Neutrophil count decreased' }.grade", equalTo(3))
                .body("items.find { it.ctcaeTerm == 'Alanine aminotransferase increased' }.grade", equalTo(2))
                .body("items.find { it.ctcaeTerm == 'Alanine aminotransferase increased' }.protocolVersion",
                        equalTo(1));
    }

    @Test
    void aBackDatedBaselineRegradesTheStoredGradesAndTheirEvents() {
        // ALT 130 (ULN 40) on day 4 without a baseline: > 3.0 × ULN, grade 2.
        lab("2025-03-05T08:00:00Z", "ALT", 130, "U/L", 7, 40, 201);
        // The screening result is entered late: ALT 100 on 2025-02-20, abnormal, so day 4 is graded against it:
        // 1.3 × baseline, below 1.5 × baseline, grade 0; the event is no more.
        lab("2025-02-20T08:00:00Z", "ALT", 100, "U/L", 7, 40, 201);

        as("safety-officer").get(BASE + patient + "/labs").then().statusCode(200)
                .body("items.find { it.value == 130.0f }.ctcaeGrade", equalTo(0))
                .body("items.find { it.value == 130.0f }.ctcaeRule", containsString("baseline"));
        as("safety-officer").get(BASE + patient + "/adverse-events").then().statusCode(200)
                .body("items.findAll { it.ctcaeTerm == 'Alanine aminotransferase increased' }", hasSize(0));
        assertEquals(1, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE action = 'REGRADE' AND entity_type = 'LabRecord' AND entity_id IN "
                        + "(SELECT id::text FROM lab_result WHERE patient_id = ?)", patient));
    }

    @Test
    void voidingABaselineRegradesTheResultsGradedAgainstIt() {
        lab("2025-03-05T08:00:00Z", "ALT", 130, "U/L", 7, 40, 201);
        lab("2025-02-20T08:00:00Z", "ALT", 100, "U/L", 7, 40, 201);
        Map<String, Object> baseline = as("inv-site01").get(BASE + patient + "/labs").then().statusCode(200)
                .extract().path("items.find { it.value == 100.0f }");

        // The screening result was the wrong patient's: without it, day 4 has no baseline again, grade 2, and its
        // event is back; the void is seen by the regrade in the same transaction.
        as("inv-site01").header("If-Match", "\"" + baseline.get("version") + "\"")
                .body(Map.of("reason", "Entered for the wrong patient"))
                .post(BASE + patient + "/labs/" + baseline.get("id") + "/void")
                .then().statusCode(204);
        as("safety-officer").get(BASE + patient + "/labs").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].ctcaeGrade", equalTo(2))
                .body("items[0].ctcaeRule", containsString("5.0 x ULN if baseline was normal"));
        as("safety-officer").get(BASE + patient + "/adverse-events").then().statusCode(200)
                .body("items.findAll { it.ctcaeTerm == 'Alanine aminotransferase increased' }.grade",
                        equalTo(List.of(2)));
        assertEquals(2, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE action = 'REGRADE' AND entity_type = 'LabRecord' AND entity_id IN "
                        + "(SELECT id::text FROM lab_result WHERE patient_id = ?)", patient));
    }

    @Test
    void anAmendmentRegradesOnlyWhenASafetyOfficerSaysSoAndIsAudited() {
        // Two fevers 16 h apart with a grade 0 between: one episode under a 24 h window, two under 12 h.
        vitals(Map.of("at", "2025-03-02T08:00:00Z", "temperatureC", 38.6, "hypotension", "NONE", "oxygen", "NONE",
                "antipyreticOrAntiCytokine", false), 201);
        vitals(Map.of("at", "2025-03-02T10:00:00Z", "temperatureC", 37.0, "hypotension", "NONE", "oxygen", "NONE",
                "antipyreticOrAntiCytokine", false), 201);
        vitals(Map.of("at", "2025-03-03T00:00:00Z", "temperatureC", 38.4, "hypotension", "NONE", "oxygen", "NONE",
                "antipyreticOrAntiCytokine", false), 201);
        as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200).body("episodes", hasSize(1));

        int amendment = 1000 + (int) (Math.random() * 100_000);
        EnrollmentStub.protocolInForce(amendment, EnrollmentStub.DEFAULT_SAFETY_GRADING
                .replace("\"episodeResolutionWindowHours\":24", "\"episodeResolutionWindowHours\":12"),
                EnrollmentStub.DEFAULT_EFFICACY_RESPONSE);
        // Nothing changes silently: the patient stays under version 1, even on a new write.
        vitals(Map.of("at", "2025-03-04T00:00:00Z", "temperatureC", 37.0, "hypotension", "NONE", "oxygen", "NONE",
                "antipyreticOrAntiCytokine", false), 201);
        as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200)
                .body("protocolVersion", equalTo(1)).body("episodes", hasSize(1));

        as("inv-site01").body(Map.of("reason", "amendment 2")).post(BASE + patient + "/regrade")
                .then().statusCode(403).contentType(PROBLEM);
        as("safety-officer").body(Map.of()).post(BASE + patient + "/regrade")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("reason"));
        as("safety-officer").body(Map.of("reason", "Protocol amendment: 12 h episode window"))
                .post(BASE + patient + "/regrade")
                .then().statusCode(200)
                .body("fromProtocolVersion", equalTo(1))
                .body("toProtocolVersion", equalTo(amendment));

        as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200)
                .body("protocolVersion", equalTo(amendment)).body("episodes", hasSize(2));
        as("safety-officer").get(BASE + patient + "/adverse-events").then().statusCode(200)
                .body("items.findAll { it.origin == 'CRS' }.protocolVersion", equalTo(List.of(amendment, amendment)));
        assertEquals(1, TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE action = 'REGRADE' AND entity_type = 'GradingState' "
                        + "AND entity_id = ? AND reason = 'Protocol amendment: 12 h episode window'",
                patient.toString()));
    }

    @Test
    void theProtocolsCtcaeVersionGradesAndIsStampedOnEveryGrade() {
        int amendment = 200_000 + (int) (Math.random() * 100_000);
        EnrollmentStub.protocolInForce(amendment, EnrollmentStub.DEFAULT_SAFETY_GRADING
                .replace("\"ctcaeVersion\":\"5.0\"", "\"ctcaeVersion\":\"6.0\""),
                EnrollmentStub.DEFAULT_EFFICACY_RESPONSE);
        // Platelets 20: v5.0 grade 4 (< 25), v6.0 Thrombocytopenia grade 3 (< 50 - 10).
        lab("2025-03-05T08:00:00Z", "PLT", 20, "10*9/L", 150, 400, 201);
        as("safety-officer").get(BASE + patient + "/labs").then().statusCode(200)
                .body("items[0].ctcaeGrade", equalTo(3))
                .body("items[0].ctcaeVersion", equalTo("6.0"))
                .body("items[0].protocolVersion", equalTo(amendment))
                .body("items[0].ctcaeRule", containsString("CTCAE v6.0 Thrombocytopenia grade 3"));
        // CTCAE v6.0 has no lymphocyte term: refused, naming the field, nothing stored.
        as("inv-site01").body(Map.of("at", "2025-03-05T08:00:00Z", "analyte", "LYM", "value", 0.3, "unit", "10*9/L",
                        "lowerLimitNormal", 1.0, "upperLimitNormal", 4.0))
                .post(BASE + patient + "/labs").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("analyte"));
        assertEquals(1, rows("lab_result"));
    }

    private io.restassured.response.ValidatableResponse vitals(Map<String, Object> body, int status) {
        return as("inv-site01").body(new HashMap<>(body)).post(BASE + patient + "/vitals").then().statusCode(status);
    }

    private void lab(String at, String analyte, double value, String unit, double lln, double uln, int status) {
        as("inv-site01").body(Map.of("at", at, "analyte", analyte, "value", value, "unit", unit,
                "lowerLimitNormal", lln, "upperLimitNormal", uln))
                .post(BASE + patient + "/labs").then().statusCode(status);
    }

    private long rows(String table) {
        return TestDatabase.count(SafetyTestProfile.DATABASE, "SELECT count(*) FROM " + table + " WHERE patient_id = ?",
                patient);
    }

    private String reference(String day0, String lymphodepletionStart) {
        return """
                {"id":"%s","subjectId":"CT-SITE-01-%s","siteCode":"SITE-01","sex":"M","birthDate":"1995-01-01",
                 "day0":%s,"lymphodepletionStart":%s,"weightKg":70.0,"baselinePlateletCountPer1e9L":12,
                 "priorTherapyCount":3,"status":"INFUSED","doseLevel":"DL1","therapies":[]}
                """.formatted(patient, patient.toString().substring(0, 4), quoted(day0), quoted(lymphodepletionStart));
    }

    private static String quoted(String date) {
        return date == null ? "null" : "\"" + date + "\"";
    }
}
