package org.celltrial.enrollment;

import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.quarkus.test.junit.TestProfile;

/**
 * The reference study's path, screen → eligible → enroll DL1 → plan → three days of fludarabine and
 * cyclophosphamide → infusion, with every computed value asserted (140 cm, 32 kg → BSA 1.12 m²,
 * fludarabine 34 mg/day, cyclophosphamide 336 mg/day, DL1 target 4.8×10⁶ cells).
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class ReferenceStudyWorkflowTest {

    @BeforeEach
    void sites() {
        EnrollmentRequests.ensureSite("SITE-01");
        EnrollmentRequests.ensureSite("SITE-02");
    }

    /**
     * Every field of a reference, one patient and many: the patient's own, the facts from other tables, and the
     * therapies in force (a voided one left out) in the order they started, each as the therapies list shows it.
     */
    @Test
    void theReferenceCarriesEveryFieldAndTheTherapiesInForceInTheOrderTheyStarted() {
        String id = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL2");
        String later = therapy(id, Map.of("kind", "RESCUE", "agent", "IVIG", "category", "IVIG", "doseValue", 1,
                "doseUnit", "g/kg", "start", "2025-03-01"));
        String earlier = therapy(id, Map.of("kind", "CONCOMITANT", "agent", "tranexamic acid",
                "category", "ANTIFIBRINOLYTIC", "doseValue", 12.5, "doseUnit", "mg/kg", "start", "2025-02-10",
                "end", "2025-02-12", "indication", "epistaxis"));
        String voided = therapy(id, Map.of("kind", "SUBSEQUENT", "agent", "daratumumab", "category", "ANTI_CD38",
                "start", "2025-01-20"));
        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "Recorded for the wrong patient"))
                .post(BASE + "/patients/" + id + "/therapies/" + voided + "/void").then().statusCode(204);
        List<Map<String, Object>> listed = as("inv-site01").get(BASE + "/patients/" + id + "/therapies")
                .then().statusCode(200).extract().jsonPath().getList("items");

        for (String path : new String[] {"", "[0]."}) {
            var answer = path.isEmpty() ? as("inv-site01").get(BASE + "/patients/" + id + "/reference")
                    : as("inv-site01").body(Map.of("ids", List.of(id))).post(BASE + "/patients/references");
            var reference = answer.then().statusCode(200)
                    .body(path + "id", equalTo(id))
                    .body(path + "subjectId", matchesPattern("CT-SITE-01-\\d{3}"))
                    .body(path + "siteCode", equalTo("SITE-01"))
                    .body(path + "sex", equalTo("F"))
                    .body(path + "birthDate", equalTo("2013-03-01"))
                    .body(path + "ageAtInfusionYears", nullValue())
                    .body(path + "day0", nullValue())
                    .body(path + "lymphodepletionStart", nullValue())
                    .body(path + "weightKg", equalTo(32.0f))
                    .body(path + "baselinePlateletCountPer1e9L", equalTo(9.0f))
                    .body(path + "itpDiagnosisDate", equalTo("2018-01-15"))
                    .body(path + "priorTherapyCount", equalTo(4))
                    .body(path + "status", equalTo("ENROLLED"))
                    .body(path + "doseLevel", equalTo("DL2"))
                    .body(path + "therapies.id", contains(earlier, later))
                    .body(path + "therapies[0].kind", equalTo("CONCOMITANT"))
                    .body(path + "therapies[0].agent", equalTo("tranexamic acid"))
                    .body(path + "therapies[0].category", equalTo("ANTIFIBRINOLYTIC"))
                    .body(path + "therapies[0].doseValue", equalTo(12.5f))
                    .body(path + "therapies[0].doseUnit", equalTo("mg/kg"))
                    .body(path + "therapies[0].start", equalTo("2025-02-10"))
                    .body(path + "therapies[0].end", equalTo("2025-02-12"))
                    .body(path + "therapies[0].indication", equalTo("epistaxis"))
                    .body(path + "therapies[0].version", equalTo(0))
                    .body(path + "therapies[1].end", nullValue())
                    .extract().jsonPath();
            assertEquals(listed, reference.getList(path + "therapies"), "the therapies as listed, field for field");
        }
    }

    private static String therapy(String patientId, Map<String, Object> therapy) {
        return as("inv-site01").body(therapy).post(BASE + "/patients/" + patientId + "/therapies")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void screensEnrollsPlansDosesAndInfusesTheReferencePatient() {
        Map<String, Object> patient = EnrollmentRequests.referencePatient("SITE-01");
        ExtractableResponse<Response> screened = as("inv-site01").body(patient).post(BASE + "/patients")
                .then().statusCode(201)
                .body("subjectId", matchesPattern("CT-SITE-01-\\d{3}"))
                .body("status", equalTo("SCREENING"))
                .body("birthDate", equalTo("2013-03-01"))
                .body("heightCm", equalTo(140.0f))
                .extract();
        String id = screened.path("id");
        assertTrue(screened.header("Location").endsWith("/api/v1/enrollment/patients/" + id),
                screened.header("Location"));

        as("inv-site01").body(Map.of("answers", EnrollmentRequests.allAnswersYes()))
                .post(BASE + "/patients/" + id + "/eligibility")
                .then().statusCode(200)
                .body("outcome", equalTo("ELIGIBLE"))
                .body("status", equalTo("ELIGIBLE"))
                .body("criteria.find { it.code == 'AGE' }.met", equalTo(true))
                .body("criteria.find { it.code == 'SCREENING_PLATELETS' }.met", equalTo(true))
                .body("criteria.find { it.code == 'CHRONIC_OR_REFRACTORY_ITP' }.met", equalTo(true))
                .body("criteria.find { it.code == 'STABLE_CORTICOSTEROID_DOSE' }.met", equalTo(true));

        as("inv-site01").body(Map.of("consentDate", "2025-01-12", "doseLevel", "DL1"))
                .post(BASE + "/patients/" + id + "/enrollment")
                .then().statusCode(200)
                .body("status", equalTo("ENROLLED"))
                .body("doseLevel", equalTo("DL1"))
                .body("protocolVersion", equalTo(1));

        as("inv-site01").body(Map.of("plannedInfusionDate", "2025-02-01", "heightCm", 140, "weightKg", 32))
                .post(BASE + "/patients/" + id + "/lymphodepletion/plan")
                .then().statusCode(200)
                .body("bsaM2", equalTo(1.12f))
                .body("doses", hasSize(6))
                .body("doses.findAll { it.agent == 'fludarabine' }.doseMg", contains(34, 34, 34))
                .body("doses.findAll { it.agent == 'cyclophosphamide' }.doseMg", contains(336, 336, 336))
                .body("doses.findAll { it.agent == 'fludarabine' }.date",
                        contains("2025-01-27", "2025-01-28", "2025-01-29"))
                .body("doses.findAll { it.agent == 'fludarabine' }.studyDay", contains(-5, -4, -3))
                .body("doses.findAll { it.adjustment != null }", hasSize(0));

        for (String date : new String[] {"2025-01-27", "2025-01-28", "2025-01-29"}) {
            as("inv-site01").body(Map.of("agent", "fludarabine", "date", date, "doseMg", 34))
                    .post(BASE + "/patients/" + id + "/lymphodepletion/administrations").then().statusCode(201);
            as("inv-site01").body(Map.of("agent", "cyclophosphamide", "date", date, "doseMg", 336))
                    .post(BASE + "/patients/" + id + "/lymphodepletion/administrations").then().statusCode(201);
        }

        as("inv-site01").body(Map.of("date", "2025-02-01", "weightKg", 32, "doseLevel", "DL1",
                "totalCellsInfused", 4.8e6))
                .post(BASE + "/patients/" + id + "/infusion")
                .then().statusCode(200)
                .body("day0", equalTo("2025-02-01"))
                .body("targetCells", equalTo(4800000.0f))
                .body("deviationPercent", equalTo(0.0f))
                .body("withinTolerance", equalTo(true))
                .body("deviationRecorded", equalTo(false));

        as("inv-site01").get(BASE + "/patients/" + id)
                .then().statusCode(200)
                .body("status", equalTo("INFUSED"))
                .body("day0", equalTo("2025-02-01"));

        as("inv-site01").get(BASE + "/patients/" + id + "/reference")
                .then().statusCode(200)
                .body("day0", equalTo("2025-02-01"))
                .body("ageAtInfusionYears", equalTo(11))
                .body("weightKg", equalTo(32.0f))
                .body("priorTherapyCount", equalTo(4))
                .body("siteCode", equalTo("SITE-01"));
        // many at once, as efficacy's summary reads them: the same reference; unknown IDs and other sites left out
        as("inv-site01").body(Map.of("ids", List.of(id, UUID.randomUUID().toString())))
                .post(BASE + "/patients/references")
                .then().statusCode(200)
                .body("id", contains(id))
                .body("[0].day0", equalTo("2025-02-01"))
                .body("[0].ageAtInfusionYears", equalTo(11))
                .body("[0].weightKg", equalTo(32.0f))
                .body("[0].priorTherapyCount", equalTo(4))
                .body("[0].lymphodepletionStart", equalTo("2025-01-27"))
                .body("[0].birthDate", equalTo("2013-03-01"));
        as("sponsor-user").body(Map.of("ids", List.of(id)))
                .post(BASE + "/patients/references")
                .then().statusCode(200)
                .body("id", contains(id))
                .body("[0].birthDate", nullValue());
        as("inv-site02").body(Map.of("ids", List.of(id)))
                .post(BASE + "/patients/references")
                .then().statusCode(200)
                .body("", hasSize(0));

        as("inv-site01").get(BASE + "/patients/" + id + "/schedule")
                .then().statusCode(200)
                .body("basis", equalTo("INFUSION"))
                .body("visits.find { it.label == 'D-7' }.date", equalTo("2025-01-25"))
                .body("visits.find { it.label == 'D0' }.date", equalTo("2025-02-01"))
                .body("visits.find { it.label == 'D28' }.studyDay", equalTo(28))
                .body("visits.find { it.label == 'M24' }.date", equalTo("2027-02-01"));
        as("inv-site01").get(BASE + "/patients/" + id + "/deviations")
                .then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void aBulkReferenceReadNeedsOneToFiveHundredIds() {
        as("inv-site01").body(Map.of("ids", List.of()))
                .post(BASE + "/patients/references")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("ids")));
        List<String> tooMany = Collections.nCopies(501, UUID.randomUUID().toString());
        as("inv-site01").body(Map.of("ids", tooMany))
                .post(BASE + "/patients/references")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("ids")));
    }
}
