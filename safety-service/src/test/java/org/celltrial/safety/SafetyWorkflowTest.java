package org.celltrial.safety;

import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Safety through its REST API with real tokens and real PostgreSQL; enrollment-service is played by WireMock,
 * answering a 9-year-old lymphodepleted from 2025-02-24 and infused on 2025-03-01 at SITE-01.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class SafetyWorkflowTest {

    private static final String BASE = "/api/v1/safety/patients/";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID patient;

    @BeforeEach
    void infusedChild() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, reference(patient, "2016-01-01"));
    }

    @Test
    void gradesCrsFromVitalsIntoAnEpisodeAndItsAdverseEvent() {
        vitals("2025-03-02T08:00:00Z", 38.6, "NONE", "NONE", null, false);   // fever alone: grade 1
        vitals("2025-03-02T20:00:00Z", 39.0, "NONE", "LOW_FLOW", 4, false);  // fever + 4 L/min: grade 2
        vitals("2025-03-03T08:00:00Z", 37.0, "NONE", "NONE", null, false);
        vitals("2025-03-04T12:00:00Z", 36.8, "NONE", "NONE", null, false);

        as("safety-officer").get(BASE + patient + "/crs")
                .then().statusCode(200)
                .body("maxGrade", equalTo(2))
                .body("episodes", hasSize(1))
                .body("episodes[0].onsetDay", equalTo(1))
                .body("episodes[0].resolvedDay", equalTo(2))
                .body("episodes[0].maxGrade", equalTo(2))
                .body("episodes[0].days[0].rule", containsString("grade 2"))
                .body("observations.grade", equalTo(List.of(1, 2, 0, 0)));

        as("safety-officer").get(BASE + patient + "/adverse-events")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].origin", equalTo("CRS"))
                .body("items[0].ctcaeTerm", equalTo("Cytokine release syndrome"))
                .body("items[0].meddraCode", equalTo("10052015"))
                .body("items[0].grade", equalTo(2))
                .body("items[0].onset", equalTo("2025-03-02"))
                .body("items[0].resolvedOn", equalTo("2025-03-03"))
                .body("items[0].outcome", equalTo("RECOVERED"))
                .body("items[0].derivedRule", containsString("ASTCT CRS max grade 2"))
                .body("items[0].derivedBy", equalTo("CrsGrader 2.0 (ASTCT consensus 2019)"))
                .body("items[0].protocolVersion", equalTo(1));
    }

    @Test
    void voidingAMistakenObservationRegradesTheCourseAndItsEvent() {
        vitals("2025-03-02T08:00:00Z", 38.6, "NONE", "NONE", null, false);
        vitals("2025-03-02T20:00:00Z", 39.0, "NONE", "LOW_FLOW", 4, false);
        as("safety-officer").get(BASE + patient + "/adverse-events").then().body("items[0].grade", equalTo(2))
                .body("items[0].outcome", equalTo("NOT_RECOVERED"));
        String mistaken = as("safety-officer").get(BASE + patient + "/crs").then().extract().path("observations[1].at");
        String id = as("inv-site01").get(BASE + patient + "/vitals").then().statusCode(200)
                .extract().path("items.find { it.at == '" + mistaken + "' }.id");

        as("inv-site01").body(Map.of("reason", "Entered for the wrong patient"))
                .post(BASE + patient + "/vitals/" + id + "/void")
                .then().statusCode(428).contentType(PROBLEM);
        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "Entered for the wrong patient"))
                .post(BASE + patient + "/vitals/" + id + "/void")
                .then().statusCode(204);

        as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200)
                .body("maxGrade", equalTo(1)).body("observations", hasSize(1));
        as("safety-officer").get(BASE + patient + "/adverse-events").then()
                .body("items[0].grade", equalTo(1)).body("items[0].derivedGrade", equalTo(1));
        as("inv-site01").header("If-Match", "\"1\"").body(Map.of("reason", "again"))
                .post(BASE + patient + "/vitals/" + id + "/void")
                .then().statusCode(409).contentType(PROBLEM);
        assertEquals("Entered for the wrong patient", TestDatabase.string(SafetyTestProfile.DATABASE,
                "SELECT reason FROM audit_log WHERE entity_id = ? AND action = 'VOID'", id));
        // One audit shape for every void: the record as it was and as it is, under the name it was created with
        assertEquals("VitalsRecord|39.0|true|null|true|Entered for the wrong patient", TestDatabase.string(
                SafetyTestProfile.DATABASE, "SELECT entity_type || '|' || round((old_value->>'temperatureC')::numeric, 1) "
                        + "|| '|' || (old_value->>'temperatureC' = new_value->>'temperatureC') || '|' "
                        + "|| coalesce(old_value->>'voided', 'null') || '|' || (new_value->>'voided') || '|' "
                        + "|| (new_value->>'voidReason') FROM audit_log "
                        + "WHERE entity_id = ? AND action = 'VOID'", id));
    }

    @Test
    void afterTocilizumabAnAfebrilePatientOnOneVasopressorIsGrade3() {
        vitals("2025-03-02T08:00:00Z", 39.2, "NONE", "NONE", null, true);
        vitals("2025-03-02T14:00:00Z", 37.2, "ONE_VASOPRESSOR", "NONE", null, true);
        as("safety-officer").get(BASE + patient + "/crs")
                .then().statusCode(200)
                .body("maxGrade", equalTo(3))
                .body("observations[1].grade", equalTo(3));
    }

    @Test
    void gradesIcansWithCapdForANineYearOldAndRefusesAnIceScore() {
        neuro(Map.of("at", "2025-03-05T09:00:00Z", "capdScore", 10, "consciousness", "AWAKE", "seizure", "NONE",
                "motorWeakness", "NONE", "cerebralEdema", "NONE"), 201);
        as("safety-officer").get(BASE + patient + "/icans")
                .then().statusCode(200)
                .body("maxGrade", equalTo(3))
                .body("episodes[0].onsetDay", equalTo(4));
        neuro(Map.of("at", "2025-03-05T10:00:00Z", "ice", Map.of("orientation", 4, "naming", 3, "commands", 1,
                "writing", 1, "attention", 1), "consciousness", "AWAKE", "seizure", "NONE", "motorWeakness", "NONE",
                "cerebralEdema", "NONE"), 400);
        assertEquals(1, rows("neuro_assessment"));
    }

    @Test
    void gradesLabsByCtcaeOpensEventsOnlyOnWorseningPlateletsAndGradesIcaht() {
        lab("2025-02-20T08:00:00Z", "ANC", 3.0, 1.8, 7.5);
        lab("2025-03-01T08:00:00Z", "ANC", 0.3, 1.8, 7.5);
        lab("2025-03-16T08:00:00Z", "ANC", 2.0, 1.8, 7.5);
        lab("2025-02-20T08:00:00Z", "PLT", 9, 150, 400);
        lab("2025-03-05T08:00:00Z", "PLT", 5, 150, 400);

        as("safety-officer").get(BASE + patient + "/labs")
                .then().statusCode(200)
                .body("items.find { it.analyte == 'ANC' && it.value == 0.3f }.ctcaeGrade", equalTo(4))
                .body("items.find { it.analyte == 'PLT' && it.value == 5.0f }.ctcaeGrade", equalTo(4))
                .body("items[0].ctcaeEngine", equalTo("CtcaeLabGrader 2.0 (CTCAE v5.0, v6.0)"))
                .body("items[0].ctcaeVersion", equalTo("5.0"))
                .body("items[0].protocolVersion", equalTo(1));
        as("safety-officer").get(BASE + patient + "/adverse-events")
                .then().statusCode(200)
                .body("items.ctcaeTerm", hasItem("Neutrophil count decreased"))
                // Baseline platelets of 9 are already grade 4 in ITP: 5 is no worse, so no event.
                .body("items.ctcaeTerm", not(hasItem("Platelet count decreased")))
                .body("items.find { it.ctcaeTerm == 'Neutrophil count decreased' }.grade", equalTo(4))
                .body("items.find { it.ctcaeTerm == 'Neutrophil count decreased' }.resolvedOn",
                        equalTo("2025-03-16"));
        // ANC 0.3 from day 0 holds until the next sample (2.0, normal) on day 15: 15 days ≤ 0.5 → early ICAHT 3.
        as("safety-officer").get(BASE + patient + "/icaht")
                .then().statusCode(200)
                .body("early.grade", equalTo(3))
                .body("early.daysAtOrBelowSevereThreshold", equalTo(15));

        as("inv-site01").body(Map.of("at", "2025-03-06T08:00:00Z", "analyte", "ANC", "value", 400, "unit", "/uL",
                "lowerLimitNormal", 1800, "upperLimitNormal", 7500))
                .post(BASE + patient + "/labs")
                .then().statusCode(400).contentType(PROBLEM);
        assertEquals(5, rows("lab_result"));
    }

    @Test
    void reportedEventsAreValidatedAndASafetyOfficerConfirmsGradesWithAReason() {
        Map<String, Object> event = new HashMap<>(Map.of("ctcaeTerm", "Febrile neutropenia", "meddraCode", "10016288",
                "onset", "2025-03-04", "grade", 3, "serious", true, "seriousnessCriteria", List.of(),
                "treatments", List.of("meropenem")));
        as("inv-site01").body(event).post(BASE + patient + "/adverse-events")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("seriousnessCriteria"));
        event.put("seriousnessCriteria", List.of("HOSPITALISATION"));
        event.put("grade", 5);
        as("inv-site01").body(event).post(BASE + patient + "/adverse-events")
                .then().statusCode(400).body("violations[0].field", equalTo("outcome"));
        assertEquals(0, rows("adverse_event"));
        event.put("grade", 3);
        String id = as("inv-site01").body(event).post(BASE + patient + "/adverse-events")
                .then().statusCode(201).body("grade", equalTo(3)).extract().path("id");

        String etag = as("safety-officer").get("/api/v1/safety/adverse-events/" + id).then().statusCode(200)
                .extract().header("ETag");
        Map<String, Object> followUp = Map.of("confirmedGrade", 4, "serious", true,
                "seriousnessCriteria", List.of("HOSPITALISATION", "LIFE_THREATENING"), "outcome", "RECOVERING",
                "treatments", List.of("meropenem", "G-CSF"), "reason", "Septic shock on day 4 per discharge letter");
        as("inv-site01").header("If-Match", etag).body(followUp).put("/api/v1/safety/adverse-events/" + id)
                .then().statusCode(403).contentType(PROBLEM);
        as("safety-officer").header("If-Match", etag).body(followUp).put("/api/v1/safety/adverse-events/" + id)
                .then().statusCode(200)
                .body("grade", equalTo(4))
                .body("confirmedGrade", equalTo(4))
                .body("confirmationReason", equalTo("Septic shock on day 4 per discharge letter"));
        as("safety-officer").header("If-Match", etag).body(followUp).put("/api/v1/safety/adverse-events/" + id)
                .then().statusCode(412);
    }

    @Test
    void theSummaryCountsPatientsPerMaxGradeWithoutIdentifyingData() {
        vitals("2025-03-02T08:00:00Z", 38.6, "NONE", "NONE", null, false);
        neuro(Map.of("at", "2025-03-05T09:00:00Z", "capdScore", 10, "consciousness", "AWAKE", "seizure", "NONE",
                "motorWeakness", "NONE", "cerebralEdema", "NONE"), 201);
        String subject = "CT-SITE-01-" + patient.toString().substring(0, 4);
        String body = as("sponsor-user").get("/api/v1/safety/summary?siteCode=SITE-01")
                .then().statusCode(200)
                .body("perPatient.find { it.subjectId == '" + subject + "' }.maxCrsGrade", equalTo(1))
                .body("perPatient.find { it.subjectId == '" + subject + "' }.maxIcansGrade", equalTo(3))
                // two terms (CRS, ICANS), one row
                .body("perPatient.findAll { it.subjectId == '" + subject + "' }", hasSize(1))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("2016-01-01"), "no birth date in a report");
        as("sponsor-user").get("/api/v1/safety/summary?asOf=2025-03-01")
                .then().statusCode(200)
                .body("perPatient.subjectId", not(hasItem(subject)));
        as("inv-site01").get("/api/v1/safety/summary").then().statusCode(403).contentType(PROBLEM);
        as("sponsor-user").get("/api/v1/safety/line-listing?siteCode=SITE-01")
                .then().statusCode(200)
                .body("items.findAll { it.subjectId == '" + subject + "' }", hasSize(2));
    }

    /**
     * The figures alone (the gateway's study summary) are counted by the database without a row per patient: the
     * same figures as the whole summary's, over every test's events so far, at several cut-offs and sites.
     */
    @Test
    void theFiguresAloneAreTheSummarysFiguresWithoutItsRows() {
        vitals("2025-03-02T08:00:00Z", 38.6, "NONE", "NONE", null, false);
        neuro(Map.of("at", "2025-03-05T09:00:00Z", "capdScore", 10, "consciousness", "AWAKE", "seizure", "NONE",
                "motorWeakness", "NONE", "cerebralEdema", "NONE"), 201);
        for (String query : List.of("?asOf=2025-06-01", "?asOf=2025-03-03", "?asOf=2025-06-01&siteCode=SITE-01",
                "?asOf=2025-06-01&siteCode=SITE-02")) {
            Map<String, Object> whole = as("sponsor-user").get("/api/v1/safety/summary" + query)
                    .then().statusCode(200).extract().jsonPath().getMap("$");
            Map<String, Object> alone = as("sponsor-user").get("/api/v1/safety/summary" + query + "&patients=false")
                    .then().statusCode(200)
                    .body("$", not(hasKey("perPatient")))
                    .body("$", not(hasKey("seriousEvents")))
                    .extract().jsonPath().getMap("$");
            Map<String, Object> figures = new HashMap<>(whole);
            figures.remove("perPatient");
            figures.remove("seriousEvents");
            assertEquals(figures, alone, query);
        }
        as("sponsor-user").get("/api/v1/safety/summary?asOf=2025-06-01&patients=false")
                .then().statusCode(200)
                .body("patients", greaterThan(0))
                .body("crsPatientsByMaxGrade.'1'", greaterThan(0))
                .body("icansPatientsByMaxGrade.'3'", greaterThan(0));
        as("sponsor-user").get("/api/v1/safety/summary?patients=no")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("patients"));
    }

    @Test
    void theSummaryNamesATermByTheMeddraCodeOfItsFirstEventBySubjectOnsetAndCreation() {
        UUID first = UUID.fromString("0000" + patient.toString().substring(4));
        UUID second = UUID.fromString("ffff" + patient.toString().substring(4));
        EnrollmentStub.reference(first, reference(first, "2016-01-01"));
        EnrollmentStub.reference(second, reference(second, "2016-01-01"));
        nausea(second, "10028801", "2025-03-02", 2);   // the earliest onset, but not the first subject
        nausea(first, "10028802", "2025-03-05", 1);
        nausea(first, "10028803", "2025-03-04", 3);    // the first subject's first onset
        nausea(first, "10028804", "2025-03-04", 1);    // same onset, created after
        as("sponsor-user").get("/api/v1/safety/summary?asOf=2025-06-01")
                .then().statusCode(200)
                .body("adverseEventsByTerm.find { it.ctcaeTerm == 'Nausea' }.meddraCode", equalTo("10028803"))
                .body("adverseEventsByTerm.find { it.ctcaeTerm == 'Nausea' }.patients", equalTo(2))
                .body("adverseEventsByTerm.find { it.ctcaeTerm == 'Nausea' }.patientsByMaxGrade.'3'", equalTo(1))
                .body("adverseEventsByTerm.find { it.ctcaeTerm == 'Nausea' }.patientsByMaxGrade.'2'", equalTo(1))
                // each of the two patients once, with no CRS or ICANS: grade 0 of both
                .body("perPatient.findAll { it.subjectId in ['CT-SITE-01-0000', 'CT-SITE-01-ffff'] }", hasSize(2))
                .body("perPatient.findAll { it.subjectId in ['CT-SITE-01-0000', 'CT-SITE-01-ffff'] }.maxCrsGrade",
                        everyItem(equalTo(0)))
                .body("perPatient.findAll { it.subjectId in ['CT-SITE-01-0000', 'CT-SITE-01-ffff'] }.maxIcansGrade",
                        everyItem(equalTo(0)));
        // before the first subject's first event, the term is named by the second subject's
        as("sponsor-user").get("/api/v1/safety/summary?asOf=2025-03-03")
                .then().statusCode(200)
                .body("adverseEventsByTerm.find { it.ctcaeTerm == 'Nausea' }.meddraCode", equalTo("10028801"))
                .body("adverseEventsByTerm.find { it.ctcaeTerm == 'Nausea' }.patients", equalTo(1));
    }

    private static void nausea(UUID patient, String meddraCode, String onset, int grade) {
        as("inv-site01").body(Map.of("ctcaeTerm", "Nausea", "meddraCode", meddraCode, "onset", onset, "grade", grade,
                "serious", false, "seriousnessCriteria", List.of(), "treatments", List.of()))
                .post(BASE + patient + "/adverse-events")
                .then().statusCode(201);
    }

    @Test
    void whenEnrollmentIsDownVitalsAre503AndNothingIsWritten() {
        EnrollmentStub.reset();
        EnrollmentStub.status(patient, 503);
        as("inv-site01").body(vitalsBody("2025-03-02T08:00:00Z", 38.6, "NONE", "NONE", null, false))
                .post(BASE + patient + "/vitals")
                .then().statusCode(503).contentType(PROBLEM)
                .body("detail", containsString("enrollment-service"));
        assertEquals(0, rows("vitals") + rows("adverse_event"));
    }

    @Test
    void impossibleVitalsAre400() {
        as("inv-site01").body(vitalsBody("2025-03-02T08:00:00Z", 60, "NONE", "LOW_FLOW", 10, false))
                .post(BASE + patient + "/vitals")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("temperatureC"));
        as("inv-site01").body(vitalsBody("2025-03-02T08:00:00Z", 38.0, "NONE", "LOW_FLOW", 10, false))
                .post(BASE + patient + "/vitals")
                .then().statusCode(400).body("violations[0].field", equalTo("oxygenLpm"));
        assertEquals(0, rows("vitals"));
        as("safety-officer").get(BASE + patient + "/crs").then().statusCode(200).body("maxGrade", equalTo(0))
                .body("episodes", hasSize(0)).body("observations", hasSize(0));
        as("safety-officer").get("/api/v1/safety/adverse-events/" + UUID.randomUUID()).then().statusCode(404)
                .body("detail", not(nullValue()));
    }

    private void vitals(String at, double temperature, String hypotension, String oxygen, Integer lpm,
            boolean masked) {
        as("inv-site01").body(vitalsBody(at, temperature, hypotension, oxygen, lpm, masked))
                .post(BASE + patient + "/vitals").then().statusCode(201);
    }

    private static Map<String, Object> vitalsBody(String at, double temperature, String hypotension, String oxygen,
            Integer lpm, boolean masked) {
        Map<String, Object> body = new HashMap<>(Map.of("at", at, "temperatureC", temperature,
                "hypotension", hypotension, "oxygen", oxygen, "antipyreticOrAntiCytokine", masked));
        if (lpm != null) {
            body.put("oxygenLpm", lpm);
        }
        return body;
    }

    private void neuro(Map<String, Object> body, int status) {
        as("inv-site01").body(body).post(BASE + patient + "/neuro-assessments").then().statusCode(status);
    }

    private void lab(String at, String analyte, double value, double lln, double uln) {
        as("inv-site01").body(Map.of("at", at, "analyte", analyte, "value", value, "unit", "10*9/L",
                "lowerLimitNormal", lln, "upperLimitNormal", uln))
                .post(BASE + patient + "/labs").then().statusCode(201);
    }

    private long rows(String table) {
        return TestDatabase.count(SafetyTestProfile.DATABASE, "SELECT count(*) FROM " + table + " WHERE patient_id = ?",
                patient);
    }

    private static String reference(UUID patient, String birthDate) {
        return """
                {"id":"%s","subjectId":"CT-SITE-01-%s","siteCode":"SITE-01","sex":"F","birthDate":"%s",
                 "ageAtInfusionYears":9,"day0":"2025-03-01","lymphodepletionStart":"2025-02-24","weightKg":30.0,
                 "baselinePlateletCountPer1e9L":9,
                 "priorTherapyCount":4,"status":"INFUSED","doseLevel":"DL1","therapies":[]}
                """.formatted(patient, patient.toString().substring(0, 4), birthDate);
    }
}
