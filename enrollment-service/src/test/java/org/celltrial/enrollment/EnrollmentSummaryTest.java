package org.celltrial.enrollment;

import static io.restassured.RestAssured.given;
import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.ZoneOffset;
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

/**
 * The study demographics at a cut-off, through the API with real tokens: the reference study (ages 8–25,
 * platelets 2–24 ×10⁹/L, disease 5.1–21.0 years, 3–5 prior therapies) screened, enrolled, lymphodepleted and
 * infused at a site of its own, so other tests' patients do not change the figures.
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class EnrollmentSummaryTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String SUMMARY = BASE + "/summary";

    private static final Map<String, String> PREDNISONE = therapy("GLUCOCORTICOID", "prednisone");
    private static final Map<String, String> DEXAMETHASONE = therapy("GLUCOCORTICOID", "dexamethasone");
    private static final Map<String, String> IVIG = therapy("IVIG", "IVIG");
    private static final Map<String, String> ELTROMBOPAG = therapy("TPO_RA", "eltrombopag");
    private static final Map<String, String> ROMIPLOSTIM = therapy("TPO_RA", "romiplostim");
    private static final Map<String, String> RITUXIMAB = therapy("RITUXIMAB", "rituximab");

    /** The reference study's site, made once for the class; its patients are CT-&lt;site&gt;-001 to -006. */
    private static String site;

    @BeforeEach
    void referenceStudy() {
        EnrollmentRequests.ensureSite("SITE-01");
        EnrollmentRequests.ensureSite("SITE-02");
        if (site != null) {
            return;
        }
        String code = "DEMO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        EnrollmentRequests.ensureSite(code);
        // 8 at screening, her birthday (the registered trial's youngest, docs/clinical-rules.md, Eligibility), so 8
        // on Day 0; followed for 491 days, 16.1 months, by the cut-off.
        String first = enrolled(code, "F", "2016-01-10", "2019-01-05", 2, "2024-01-10", "2024-01-12", "DL1",
                List.of(PREDNISONE, IVIG, ELTROMBOPAG));
        lymphodepleted(first, "2024-02-05");
        infused(first, "2024-02-10", "DL1");
        String second = enrolled(code, "F", "2012-05-01", "2017-03-01", 8, "2024-09-01", "2024-09-03", "DL2",
                List.of(PREDNISONE, IVIG, ELTROMBOPAG, ROMIPLOSTIM));
        lymphodepleted(second, "2024-09-26");
        infused(second, "2024-10-01", "DL2");
        // 14 the day after Day 0; lymphodepletion omitted, so not lymphodepleted.
        String third = enrolled(code, "M", "2011-04-02", "2017-02-01", 10, "2025-03-01", "2025-03-03", "DL1",
                List.of(PREDNISONE, IVIG, ELTROMBOPAG, RITUXIMAB));
        as("data-manager").body(Map.of("omitted", true, "reason", "Neutropenia at screening"))
                .post(BASE + "/patients/" + third + "/lymphodepletion/administrations").then().statusCode(201);
        infused(third, "2025-04-01", "DL1");
        // Lymphodepleted before the cut-off, infused after it at another level: counted at consent, as DL1.
        String fourth = enrolled(code, "F", "1999-06-18", "2004-06-18", 24, "2025-05-25", "2025-06-01", "DL1",
                List.of(PREDNISONE, DEXAMETHASONE, IVIG, ELTROMBOPAG, ROMIPLOSTIM));
        lymphodepleted(fourth, "2025-06-10");
        infused(fourth, "2025-06-20", "DL2");
        // Consented the day after the cut-off, and only screened: neither is enrolled at it.
        enrolled(code, "M", "2010-01-01", "2015-01-01", 5, "2025-06-10", "2025-06-16", "DL1",
                List.of(PREDNISONE, IVIG));
        EnrollmentRequests.screen("data-manager", patient(code, "M", "2010-01-01", "2015-01-01", 5, "2025-06-10",
                List.of(PREDNISONE, IVIG)));
        // A patient at each of two other sites, for the site scoping below.
        EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL1");
        EnrollmentRequests.enrolled("inv-site02", "SITE-02", "DL1");
        site = code;
    }

    @Test
    void referenceStudyFiguresAtTheCutOff() {
        as("data-manager").get(SUMMARY + "?asOf=2025-06-15&siteCode=" + site)
                .then().statusCode(200)
                .body("asOf", equalTo("2025-06-15"))
                .body("siteCodes", contains(site))
                .body("enrolled", equalTo(4))
                .body("ageYears.median", equalTo(12.5f))
                .body("ageYears.min", equalTo(8))
                .body("ageYears.max", equalTo(25))
                .body("femalePercent", equalTo(75.0f))
                .body("baselinePlateletsPer1e9L.median", equalTo(9))
                .body("baselinePlateletsPer1e9L.min", equalTo(2))
                .body("baselinePlateletsPer1e9L.max", equalTo(24))
                .body("diseaseDurationYears.median", equalTo(7.9f))
                .body("diseaseDurationYears.min", equalTo(5.1f))
                .body("diseaseDurationYears.max", equalTo(21.0f))
                .body("diseaseDurationYears.unit", equalTo("years"))
                .body("diseaseDurationYears.rule", containsString("days / 365.25"))
                .body("priorTherapies.median", equalTo(4))
                .body("priorTherapies.min", equalTo(3))
                .body("priorTherapies.max", equalTo(5))
                .body("priorTherapies.patientsByCategory",
                        equalTo(Map.of("GLUCOCORTICOID", 4, "IVIG", 4, "TPO_RA", 4, "RITUXIMAB", 1)))
                .body("followUpMonths.min", equalTo(2.5f))
                .body("followUpMonths.max", equalTo(16.1f))
                .body("followUpMonths.unit", equalTo("months"))
                .body("followUpMonths.rule", containsString("days / 30.4375"))
                .body("lymphodepleted", equalTo(3))
                .body("patients.subjectId", contains("CT-" + site + "-001", "CT-" + site + "-002",
                        "CT-" + site + "-003", "CT-" + site + "-004"))
                .body("patients[0].siteCode", equalTo(site))
                .body("patients[0].sex", equalTo("F"))
                .body("patients[0].ageYears", equalTo(8))
                .body("patients[0].baselinePlateletsPer1e9L", equalTo(2))
                .body("patients[0].diseaseDurationYears", equalTo(5.1f))
                .body("patients[0].priorTherapyCount", equalTo(3))
                .body("patients[0].priorTherapyCategories", contains("GLUCOCORTICOID", "IVIG", "TPO_RA"))
                .body("patients[0].doseLevel", equalTo("DL1"))
                .body("patients[0].lymphodepleted", equalTo(true))
                .body("patients[0].day0", equalTo("2024-02-10"))
                .body("patients[0].followUpMonths", equalTo(16.1f))
                .body("patients[2].ageYears", equalTo(13))
                .body("patients[2].lymphodepleted", equalTo(false))
                .body("patients[2].followUpMonths", equalTo(2.5f))
                .body("patients[3].ageYears", equalTo(25))
                .body("patients[3].diseaseDurationYears", equalTo(21.0f))
                .body("patients[3].doseLevel", equalTo("DL1"))
                .body("patients[3].day0", nullValue())
                .body("patients[3].followUpMonths", nullValue());
    }

    /**
     * The figures alone (the gateway's study summary): the same figures, no rows. The tests' pages hold 2 patients,
     * so the site's 4 enrolled (and every site's patients) are added up over several pages either way.
     */
    @Test
    void theFiguresAloneAreTheSameFiguresWithoutTheRows() {
        for (String sites : List.of("&siteCode=" + site, "")) {
            Map<String, Object> whole = as("data-manager").get(SUMMARY + "?asOf=2025-06-15" + sites)
                    .then().statusCode(200).body("patients", not(empty()))
                    .extract().jsonPath().getMap("$");
            Map<String, Object> alone = as("data-manager").get(SUMMARY + "?asOf=2025-06-15&patients=false" + sites)
                    .then().statusCode(200).body("$", not(hasKey("patients")))
                    .extract().jsonPath().getMap("$");
            Map<String, Object> figures = new HashMap<>(whole);
            figures.remove("patients");
            assertEquals(figures, alone, sites);
        }
        as("data-manager").get(SUMMARY + "?asOf=2025-06-15&patients=false&siteCode=" + site)
                .then().statusCode(200)
                .body("enrolled", equalTo(4))
                .body("ageYears.median", equalTo(12.5f))
                .body("diseaseDurationYears.median", equalTo(7.9f))
                .body("followUpMonths.min", equalTo(2.5f))
                .body("followUpMonths.max", equalTo(16.1f))
                .body("priorTherapies.patientsByCategory.RITUXIMAB", equalTo(1));
        as("data-manager").get(SUMMARY + "?asOf=2025-06-15&patients=none")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("patients"));
    }

    @Test
    void anEarlierCutOffCountsOnlyWhatWasDatedUpToIt() {
        as("safety-officer").get(SUMMARY + "?asOf=2024-02-09&siteCode=" + site)
                .then().statusCode(200)
                .body("enrolled", equalTo(1))
                .body("ageYears.median", equalTo(8))
                .body("lymphodepleted", equalTo(1))
                .body("followUpMonths.min", nullValue())
                .body("followUpMonths.max", nullValue())
                .body("followUpMonths.unit", equalTo("months"))
                .body("patients[0].day0", nullValue());
    }

    @Test
    void aCutOffBeforeAnyConsentGivesAnEmptyStudy() {
        as("data-manager").get(SUMMARY + "?asOf=2020-01-01&siteCode=" + site)
                .then().statusCode(200)
                .body("enrolled", equalTo(0))
                .body("ageYears.median", nullValue())
                .body("femalePercent", nullValue())
                .body("priorTherapies.median", nullValue())
                .body("priorTherapies.patientsByCategory", equalTo(Map.of()))
                .body("followUpMonths.min", nullValue())
                .body("lymphodepleted", equalTo(0))
                .body("patients", empty());
    }

    @Test
    void theCutOffDefaultsToToday() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        as("data-manager").get(SUMMARY + "?siteCode=" + site)
                .then().statusCode(200)
                .body("asOf", equalTo(today))
                .body("enrolled", equalTo(5));
    }

    @Test
    void sponsorsReadItPseudonymised() {
        String body = given().auth().oauth2(Tokens.sponsorSystem())
                .get(SUMMARY + "?asOf=2025-06-15&siteCode=" + site)
                .then().statusCode(200)
                .body("enrolled", equalTo(4))
                .body("patients.subjectId", hasSize(4))
                .extract().asString();
        for (String identifying : List.of("birthDate", "initials", "screeningNumber", "2016-01-10", "SCR-")) {
            assertFalse(body.contains(identifying), identifying + " in " + body);
        }
        as("sponsor-user").get(SUMMARY + "?asOf=2025-06-15&siteCode=" + site)
                .then().statusCode(200).body("enrolled", equalTo(4));
    }

    @Test
    void investigatorsAndMonitorsSeeOnlyTheirOwnSites() {
        as("data-manager").get(SUMMARY + "?siteCode=SITE-02")
                .then().statusCode(200)
                .body("patients.siteCode", hasItem("SITE-02"));
        for (String user : List.of("inv-site01", "monitor-site01")) {
            as(user).get(SUMMARY)
                    .then().statusCode(200)
                    .body("siteCodes", contains("SITE-01"))
                    .body("enrolled", greaterThan(0))
                    .body("patients.siteCode", everyItem(equalTo("SITE-01")));
            as(user).get(SUMMARY + "?siteCode=SITE-01&siteCode=SITE-02&siteCode=" + site)
                    .then().statusCode(200)
                    .body("siteCodes", contains("SITE-01"))
                    .body("patients.siteCode", not(hasItem("SITE-02")));
        }
        as("inv-site01").get(SUMMARY + "?siteCode=" + site)
                .then().statusCode(200)
                .body("siteCodes", empty())
                .body("enrolled", equalTo(0))
                .body("patients", empty());
        as("inv-site02").get(SUMMARY + "?siteCode=SITE-02")
                .then().statusCode(200)
                .body("siteCodes", contains("SITE-02"))
                .body("patients.siteCode", everyItem(equalTo("SITE-02")));
    }

    @Test
    void aBadCutOffIsA400ProblemAndOtherRolesAreRefused() {
        String body = as("data-manager").get(SUMMARY + "?asOf=2025-13-01")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:validation"))
                .body("violations[0].field", equalTo("asOf"))
                .extract().asString();
        ServiceFoundationTest.assertNoInternals(body);
        as("data-manager").get(SUMMARY + "?asOf=yesterday").then().statusCode(400).contentType(PROBLEM);
        as("admin-user").get(SUMMARY).then().statusCode(403).contentType(PROBLEM);
        given().get(SUMMARY).then().statusCode(401);
    }

    private static String enrolled(String siteCode, String sex, String birthDate, String diagnosis, int platelets,
            String screening, String consent, String doseLevel, List<Map<String, String>> priorTherapies) {
        String id = EnrollmentRequests.screen("data-manager",
                patient(siteCode, sex, birthDate, diagnosis, platelets, screening, priorTherapies));
        as("data-manager").body(Map.of("answers", EnrollmentRequests.allAnswersYes()))
                .post(BASE + "/patients/" + id + "/eligibility")
                .then().statusCode(200).body("outcome", equalTo("ELIGIBLE"));
        as("data-manager").body(Map.of("consentDate", consent, "doseLevel", doseLevel))
                .post(BASE + "/patients/" + id + "/enrollment").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> patient(String siteCode, String sex, String birthDate, String diagnosis,
            int platelets, String screening, List<Map<String, String>> priorTherapies) {
        Map<String, Object> patient = new HashMap<>(EnrollmentRequests.referencePatient(siteCode));
        patient.put("screeningNumber", "SCR-" + UUID.randomUUID().toString().substring(0, 8));
        patient.put("sex", sex);
        patient.put("birthDate", birthDate);
        patient.put("itpDiagnosisDate", diagnosis);
        patient.put("baselinePlateletCountPer1e9L", platelets);
        patient.put("screeningDate", screening);
        patient.put("priorTherapies", priorTherapies);
        return patient;
    }

    private static Map<String, String> therapy(String category, String agent) {
        return Map.of("category", category, "agent", agent);
    }

    /** The first day of fludarabine and cyclophosphamide (Day −5). */
    private static void lymphodepleted(String id, String date) {
        for (Map<String, Object> dose : List.of(Map.<String, Object>of("agent", "fludarabine", "date", date,
                "doseMg", 34), Map.<String, Object>of("agent", "cyclophosphamide", "date", date, "doseMg", 336))) {
            as("data-manager").body(dose).post(BASE + "/patients/" + id + "/lymphodepletion/administrations")
                    .then().statusCode(201);
        }
    }

    private static void infused(String id, String date, String doseLevel) {
        as("data-manager").body(Map.of("date", date, "weightKg", 32, "doseLevel", doseLevel,
                "totalCellsInfused", "DL1".equals(doseLevel) ? 4.8e6 : 9.6e6))
                .post(BASE + "/patients/" + id + "/infusion").then().statusCode(200);
    }
}
