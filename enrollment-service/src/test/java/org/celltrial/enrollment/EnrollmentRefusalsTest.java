package org.celltrial.enrollment;

import static io.restassured.RestAssured.given;
import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.celltrial.enrollment.EnrollmentRequests.count;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.testing.ServiceFoundationTest;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every refusal answers a problem and writes nothing: bad input, wrong state, stale version, other site, role. */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class EnrollmentRefusalsTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void sites() {
        EnrollmentRequests.ensureSite("SITE-01");
        EnrollmentRequests.ensureSite("SITE-02");
    }

    @Test
    void physiologicallyImpossibleValuesAre400WithEachFieldAndNothingStored() {
        Map<String, Object> patient = new HashMap<>(EnrollmentRequests.referencePatient("SITE-01"));
        patient.put("heightCm", 30);
        patient.put("weightKg", -1);
        patient.put("baselinePlateletCountPer1e9L", 2500);
        patient.put("birthDate", "2999-01-01");
        long before = count("SELECT count(*) FROM patient");

        String body = as("inv-site01").body(patient).post(BASE + "/patients")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:validation"))
                .body("violations.field", hasItem("heightCm"))
                .body("violations.field", hasItem("weightKg"))
                .body("violations.field", hasItem("baselinePlateletCountPer1e9L"))
                .body("violations.field", hasItem("birthDate"))
                .extract().asString();
        ServiceFoundationTest.assertNoInternals(body);
        assertEquals(before, count("SELECT count(*) FROM patient"));
    }

    @Test
    void unreadableBodiesAre4xxProblems() {
        as("inv-site01").body("{\"siteCode\": ").post(BASE + "/patients")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:malformed-request"));
        Map<String, Object> wrongType = new HashMap<>(EnrollmentRequests.referencePatient("SITE-01"));
        wrongType.put("heightCm", "tall");
        as("inv-site01").body(wrongType).post(BASE + "/patients")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("heightCm"))
                .body("violations[0].message", containsString("number"));
        Map<String, Object> misspelt = new HashMap<>(EnrollmentRequests.referencePatient("SITE-01"));
        misspelt.put("weightKilos", 32);
        as("inv-site01").body(misspelt).post(BASE + "/patients")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("weightKilos"))
                .body("violations[0].message", equalTo("unknown field"));
        given().auth().oauth2(Tokens.of("inv-site01")).contentType("text/plain").body("hello")
                .post(BASE + "/patients")
                .then().statusCode(415).contentType(PROBLEM);
        as("data-manager").get(BASE + "/patients?status=DANCING")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void aStepOutOfOrderIs409AndChangesNothing() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));
        as("inv-site01").body(Map.of("consentDate", "2025-01-12", "doseLevel", "DL1"))
                .post(BASE + "/patients/" + id + "/enrollment")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:conflict"))
                .body("detail", containsString("SCREENING"));
        as("inv-site01").get(BASE + "/patients/" + id).then().body("status", equalTo("SCREENING"))
                .body("doseLevel", nullValue());
        as("inv-site01").body(Map.of("date", "2025-02-01", "weightKg", 32, "doseLevel", "DL1",
                "totalCellsInfused", 4.8e6))
                .post(BASE + "/patients/" + id + "/infusion")
                .then().statusCode(409).contentType(PROBLEM);
        assertEquals(0, count("SELECT count(*) FROM infusion WHERE patient_id = ?", UUID.fromString(id)));
    }

    @Test
    void aRecentlyDiagnosedPatientWithoutPriorTherapiesIsScreenedAndThenFoundIneligible() {
        // Diagnosed 7 months before screening: neither chronic nor, untreated, refractory.
        Map<String, Object> naive = new HashMap<>(EnrollmentRequests.referencePatient("SITE-01"));
        naive.put("itpDiagnosisDate", "2024-06-10");
        naive.put("priorTherapies", java.util.List.of());
        String id = EnrollmentRequests.screen("inv-site01", naive);

        as("inv-site01").get(BASE + "/patients/" + id).then().statusCode(200)
                .body("priorTherapies", hasSize(0));
        as("inv-site01").body(Map.of("answers", EnrollmentRequests.allAnswersYes()))
                .post(BASE + "/patients/" + id + "/eligibility")
                .then().statusCode(200)
                .body("outcome", equalTo("INELIGIBLE"))
                .body("criteria.find { it.code == 'CHRONIC_OR_REFRACTORY_ITP' }.met", equalTo(false));
    }

    @Test
    void aSecondInfusionIsRefused() {
        String id = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL1");
        as("inv-site01").body(Map.of("omitted", true, "reason", "Lymphopenic at baseline"))
                .post(BASE + "/patients/" + id + "/lymphodepletion/administrations").then().statusCode(201);
        Map<String, Object> infusion = Map.of("date", "2025-02-01", "weightKg", 32, "doseLevel", "DL1",
                "totalCellsInfused", 4.8e6);
        as("inv-site01").body(infusion).post(BASE + "/patients/" + id + "/infusion").then().statusCode(200);
        as("inv-site01").body(infusion).post(BASE + "/patients/" + id + "/infusion")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("INFUSED"));
    }

    /**
     * No treatment before consent: the study summary's grade-0 counts rely on it (docs/api.md, enrollment-service,
     * Infusion).
     */
    @Test
    void anInfusionBeforeTheConsentDateIs400AndChangesNothing() {
        String id = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL1");
        as("inv-site01").body(Map.of("omitted", true, "reason", "Lymphopenic at baseline"))
                .post(BASE + "/patients/" + id + "/lymphodepletion/administrations").then().statusCode(201);

        as("inv-site01").body(Map.of("date", "2025-01-11", "weightKg", 32, "doseLevel", "DL1",
                        "totalCellsInfused", 4.8e6))
                .post(BASE + "/patients/" + id + "/infusion")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("date"))
                .body("violations[0].message", containsString("before the consent date 2025-01-12"));

        assertEquals(0, count("SELECT count(*) FROM infusion WHERE patient_id = ?", UUID.fromString(id)));
        as("inv-site01").get(BASE + "/patients/" + id).then().statusCode(200)
                .body("status", equalTo("LYMPHODEPLETED"))
                .body("day0", nullValue());
        as("inv-site01").body(Map.of("date", "2025-01-12", "weightKg", 32, "doseLevel", "DL1",
                        "totalCellsInfused", 4.8e6))
                .post(BASE + "/patients/" + id + "/infusion")
                .then().statusCode(200);
        as("inv-site01").get(BASE + "/patients/" + id).then().statusCode(200).body("day0", equalTo("2025-01-12"));
    }

    @Test
    void anUnansweredCriterionIs400AndLeavesThePatientInScreening() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));
        as("inv-site01").body(Map.of("answers", Map.of("NO_SECONDARY_ITP", true, "FAVOURITE_COLOUR", true)))
                .post(BASE + "/patients/" + id + "/eligibility")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("answers.NO_ACTIVE_INFECTION"))
                .body("violations.field", hasItem("answers.FAVOURITE_COLOUR"));
        as("inv-site01").get(BASE + "/patients/" + id).then().body("status", equalTo("SCREENING"));
        assertEquals(0, count("SELECT count(*) FROM eligibility_assessment WHERE patient_id = ?",
                UUID.fromString(id)));
    }

    @Test
    void aStaleOrMissingVersionIsRefused() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));
        Map<String, Object> correction = correction(33);
        as("inv-site01").body(correction).put(BASE + "/patients/" + id)
                .then().statusCode(428).contentType(PROBLEM);
        as("inv-site01").header("If-Match", "\"41\"").body(correction).put(BASE + "/patients/" + id)
                .then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:precondition-failed"));
        as("inv-site01").get(BASE + "/patients/" + id).then().body("weightKg", equalTo(32.0f));
    }

    @Test
    void aCorrectionIsANewVersionWithItsOldAndNewValuesAudited() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));
        String etag = as("inv-site01").get(BASE + "/patients/" + id).then().extract().header("ETag");

        String newEtag = as("inv-site01").header("If-Match", etag).body(correction(33))
                .put(BASE + "/patients/" + id)
                .then().statusCode(200)
                .body("weightKg", equalTo(33.0f))
                .extract().header("ETag");

        assertEquals("\"1\"", newEtag);
        assertEquals("Weight re-measured on the calibrated scale", EnrollmentRequests.string(
                "SELECT reason FROM audit_log WHERE entity_id = ? AND action = 'CORRECT'", id));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'CORRECT' "
                + "AND (old_value->>'weightKg')::numeric = 32 AND (new_value->>'weightKg')::numeric = 33", id));
        assertEquals("inv-site01", EnrollmentRequests.string(
                "SELECT actor FROM audit_log WHERE entity_id = ? AND action = 'CORRECT'", id));
    }

    @Test
    void otherSitesPatientsDoNotExistForAnInvestigator() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));
        as("inv-site02").get(BASE + "/patients/" + id)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:not-found"));
        as("inv-site02").get(BASE + "/patients/" + UUID.randomUUID()).then().statusCode(404);
        long before = count("SELECT count(*) FROM patient");
        as("inv-site02").body(EnrollmentRequests.referencePatient("SITE-01")).post(BASE + "/patients")
                .then().statusCode(404).contentType(PROBLEM);
        assertEquals(before, count("SELECT count(*) FROM patient"));
        as("inv-site02").get(BASE + "/patients").then().statusCode(200)
                .body("items.siteCode.unique()", org.hamcrest.Matchers.not(hasItem("SITE-01")));
    }

    @Test
    void rolesWithoutTheRightAreRefused() {
        long before = count("SELECT count(*) FROM patient");
        as("monitor-site01").body(EnrollmentRequests.referencePatient("SITE-01")).post(BASE + "/patients")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:forbidden"));
        as("sponsor-user").get(BASE + "/patients").then().statusCode(403).contentType(PROBLEM);
        as("inv-site01").body(Map.of("code", "SITE-99", "name", "Rogue")).post(BASE + "/sites")
                .then().statusCode(403);
        assertEquals(before, count("SELECT count(*) FROM patient"));
        assertEquals(0, count("SELECT count(*) FROM site WHERE code = 'SITE-99'"));
    }

    @Test
    void sponsorsReadReferenceDataWithoutIdentifyingFields() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));
        as("sponsor-user").get(BASE + "/patients/" + id + "/reference")
                .then().statusCode(200)
                .body("subjectId", org.hamcrest.Matchers.startsWith("CT-SITE-01-"))
                .body("birthDate", nullValue())
                .body(org.hamcrest.Matchers.not(containsString("2013-03-01")));
        as("data-manager").get(BASE + "/patients/" + id + "/reference")
                .then().statusCode(200).body("birthDate", equalTo("2013-03-01"));
        String etag = as("data-manager").get(BASE + "/patients/" + id + "/reference").then().extract().header("ETag");
        as("data-manager").header("If-None-Match", etag).get(BASE + "/patients/" + id + "/reference")
                .then().statusCode(304);
    }

    /** One reference or many: a patient that does not exist, or is at a site the caller may not see, is not there. */
    @Test
    void aReferenceOfNoPatientOrOfAnotherSitesPatientIsNotFound() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));
        String nobody = UUID.randomUUID().toString();
        as("inv-site01").get(BASE + "/patients/" + nobody + "/reference")
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString(nobody));
        as("inv-site02").get(BASE + "/patients/" + id + "/reference")
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString(id));
        as("inv-site02").body(Map.of("ids", List.of(id, nobody))).post(BASE + "/patients/references")
                .then().statusCode(200).body("", org.hamcrest.Matchers.hasSize(0));
        // an ID that is no UUID names no resource (JAX-RS: a path parameter that cannot be read is a 404)
        as("inv-site01").get(BASE + "/patients/not-a-patient-id/reference")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aRetriedCreateWithTheSameKeyCreatesOnce() {
        Map<String, Object> patient = EnrollmentRequests.referencePatient("SITE-02");
        String key = UUID.randomUUID().toString();
        String first = as("inv-site02").header("Idempotency-Key", key).body(patient).post(BASE + "/patients")
                .then().statusCode(201).extract().path("id");
        String second = as("inv-site02").header("Idempotency-Key", key).body(patient).post(BASE + "/patients")
                .then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        assertEquals(1, count("SELECT count(*) FROM patient WHERE screening_number = ?",
                patient.get("screeningNumber")));
        Map<String, Object> other = new HashMap<>(patient);
        other.put("screeningNumber", "S-OTHER-" + key.substring(0, 6));
        as("inv-site02").header("Idempotency-Key", key).body(other).post(BASE + "/patients")
                .then().statusCode(422).contentType(PROBLEM);
        assertEquals(0, count("SELECT count(*) FROM patient WHERE screening_number = ?",
                other.get("screeningNumber")));
    }

    @Test
    void omittedLymphodepletionAndAnOffTargetDoseAreRecordedDeviations() {
        String id = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL2");
        as("inv-site01").body(Map.of("omitted", true))
                .post(BASE + "/patients/" + id + "/lymphodepletion/administrations")
                .then().statusCode(400).body("violations.field", hasItem("reason"));
        as("inv-site01").body(Map.of("omitted", true, "reason", "Lymphopenic at baseline", "doseMg", 30))
                .post(BASE + "/patients/" + id + "/lymphodepletion/administrations")
                .then().statusCode(400).body("violations.field", hasItem("omitted"));
        as("inv-site01").body(Map.of("omitted", true, "reason", "Lymphopenic at baseline", "date", "2025-01-27"))
                .post(BASE + "/patients/" + id + "/lymphodepletion/administrations").then().statusCode(201);
        // DL2 3e5/kg × 30 kg = 9.0e6 target; 1.2e7 infused is +33.3 %, beyond ±20 %.
        as("inv-site01").body(Map.of("date", "2025-02-01", "weightKg", 30, "doseLevel", "DL2",
                "totalCellsInfused", 1.2e7))
                .post(BASE + "/patients/" + id + "/infusion")
                .then().statusCode(200)
                .body("targetCells", equalTo(9000000.0f))
                .body("deviationPercent", equalTo(33.3f))
                .body("withinTolerance", equalTo(false))
                .body("deviationRecorded", equalTo(true));
        as("inv-site01").get(BASE + "/patients/" + id + "/deviations")
                .then().statusCode(200)
                .body("items.category", org.hamcrest.Matchers.containsInAnyOrder("LYMPHODEPLETION_OMITTED",
                        "CAR_T_DOSE_OUT_OF_TOLERANCE"))
                .body("items.find { it.category == 'LYMPHODEPLETION_OMITTED' }.occurredOn", equalTo("2025-01-27"));
    }

    @Test
    void renalImpairmentReducesFludarabineAndSaysWhy() {
        String id = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL1");
        as("inv-site01").body(Map.of("plannedInfusionDate", "2025-02-01", "heightCm", 140, "weightKg", 32,
                "creatinineClearanceMlMin", 50))
                .post(BASE + "/patients/" + id + "/lymphodepletion/plan")
                .then().statusCode(200)
                // 30 mg/m² × 1.12 m² × 0.8 = 26.88 → 27 mg
                .body("doses.findAll { it.agent == 'fludarabine' }.doseMg", org.hamcrest.Matchers.contains(27, 27, 27))
                .body("doses.findAll { it.agent == 'fludarabine' }[0].adjustment.rule", equalTo("RENAL_REDUCTION"))
                .body("doses.findAll { it.agent == 'cyclophosphamide' }.doseMg",
                        org.hamcrest.Matchers.contains(336, 336, 336));
    }

    @Test
    void aMistakenTherapyIsVoidedWithAReasonAndLeavesTheReference() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));
        String therapy = as("inv-site01").body(Map.of("kind", "RESCUE", "agent", "IVIG", "category", "IVIG",
                "doseValue", 1, "doseUnit", "g/kg", "start", "2025-03-01"))
                .post(BASE + "/patients/" + id + "/therapies").then().statusCode(201).extract().path("id");
        as("inv-site01").get(BASE + "/patients/" + id + "/reference").then().body("therapies", hasSize(1));

        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "Recorded for the wrong patient"))
                .post(BASE + "/patients/" + id + "/therapies/" + therapy + "/void").then().statusCode(204);

        as("inv-site01").get(BASE + "/patients/" + id + "/reference").then().body("therapies", hasSize(0));
        assertEquals(1, count("SELECT count(*) FROM therapy WHERE id = ? AND voided", UUID.fromString(therapy)));
        assertEquals("Recorded for the wrong patient", EnrollmentRequests.string(
                "SELECT reason FROM audit_log WHERE entity_id = ? AND action = 'VOID'", therapy));
        as("inv-site01").header("If-Match", "\"1\"").body(Map.of("reason", "again"))
                .post(BASE + "/patients/" + id + "/therapies/" + therapy + "/void").then().statusCode(409);
    }

    private static Map<String, Object> correction(int weightKg) {
        return Map.of("sex", "F", "birthDate", "2013-03-01", "initials", "AB", "heightCm", 140,
                "weightKg", weightKg, "itpDiagnosisDate", "2018-01-15", "baselinePlateletCountPer1e9L", 9,
                "gpAutoantibodyPositive", true, "reason", "Weight re-measured on the calibrated scale");
    }
}
