package org.celltrial.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.testing.Tokens;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Patients made through enrollment-service behind the gateway, as a site would make them, for the end-to-end tests:
 * screened at SITE-01, found eligible under the reference protocol (the registered trial's criteria), enrolled at
 * DL1, lymphodepleted from 2025-01-27 and infused on 2025-02-01 (Day 0).
 */
final class StudyPatients {

    static final String SITE = "SITE-01";
    static final String DAY_0 = "2025-02-01";

    /** Every investigator criterion of the reference protocol, answered yes. */
    static final Map<String, Boolean> ALL_ANSWERS_YES = Map.of("NO_SECONDARY_ITP", true, "NO_ACTIVE_INFECTION", true,
            "ADEQUATE_ORGAN_FUNCTION", true, "NOT_PREGNANT_OR_BREASTFEEDING", true, "INFORMED_CONSENT", true,
            "NO_PRIOR_CAR_T", true, "CONTRACEPTION", true, "NO_PREVENTIVE_SPLENECTOMY", true,
            "NO_HEMOSTATIC_DISORDER", true, "NO_OTHER_TRIAL_WITHIN_4_WEEKS", true);

    private StudyPatients() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    static void ensureSite(RunningSuite suite) {
        Response site = as("admin-user").body(Map.of("code", SITE, "name", "First site"))
                .post(suite.gateway.url() + "/api/v1/enrollment/sites");
        assertTrue(site.statusCode() == 201 || site.statusCode() == 409, "site created or there: " + site.asString());
    }

    /** Opens a site of a suite's own (data kept apart from the other tests' sites), if not open yet. */
    static void ensureSite(RunningSuite suite, String code) {
        Response site = as("admin-user").body(Map.of("code", code, "name", "Test site " + code))
                .post(suite.gateway.url() + "/api/v1/enrollment/sites");
        assertTrue(site.statusCode() == 201 || site.statusCode() == 409, "site created or there: " + site.asString());
    }

    /** A patient born on this date, with three prior lines and chronic ITP since 2018, infused on {@link #DAY_0}. */
    static String infused(RunningSuite suite, String prefix, String birthDate) {
        return infused(suite, SITE, "inv-site01", prefix, birthDate, null);
    }

    /** A patient screened at this site by this writer (initials optional), not yet eligible nor enrolled. */
    static String screened(RunningSuite suite, String site, String writer, String prefix, String birthDate,
            String initials) {
        Map<String, Object> screening = new java.util.HashMap<>(Map.of("siteCode", site, "screeningNumber",
                prefix + "-" + UUID.randomUUID().toString().substring(0, 8), "sex", "F", "birthDate", birthDate,
                "heightCm", 170, "weightKg", 60, "itpDiagnosisDate", "2018-01-01", "baselinePlateletCountPer1e9L", 12,
                "screeningDate", "2025-01-02", "priorTherapies", List.of(
                        Map.of("category", "GLUCOCORTICOID", "agent", "prednisone", "start", "2018-01-01",
                                "end", "2018-03-01"),
                        Map.of("category", "IVIG", "agent", "IVIG", "start", "2018-02-01", "end", "2018-02-02"),
                        Map.of("category", "TPO_RA", "agent", "eltrombopag", "start", "2019-01-01",
                                "end", "2020-01-01"))));
        if (initials != null) {
            screening.put("initials", initials);
        }
        return as(writer).body(screening).post(suite.gateway.url() + "/api/v1/enrollment/patients")
                .then().statusCode(201).extract().path("id");
    }

    /** As {@link #infused(RunningSuite, String, String)}, at this site, entered by this writer. */
    static String infused(RunningSuite suite, String site, String writer, String prefix, String birthDate,
            String initials) {
        String id = screened(suite, site, writer, prefix, birthDate, initials);
        String enrollment = suite.gateway.url() + "/api/v1/enrollment/patients/" + id;
        as(writer).body(Map.of("assessedOn", "2025-01-05", "answers", ALL_ANSWERS_YES))
                .post(enrollment + "/eligibility").then().statusCode(200).body("outcome", equalTo("ELIGIBLE"));
        as(writer).body(Map.of("consentDate", "2025-01-03", "doseLevel", "DL1"))
                .post(enrollment + "/enrollment").then().statusCode(200);
        List<Map<String, Object>> doses = as(writer).body(Map.of("plannedInfusionDate", DAY_0,
                        "heightCm", 170, "weightKg", 60, "creatinineClearanceMlMin", 110))
                .post(enrollment + "/lymphodepletion/plan").then().statusCode(200).extract().path("doses");
        for (Map<String, Object> dose : doses) {
            as(writer).body(Map.of("agent", dose.get("agent"), "date", dose.get("date"),
                            "doseMg", dose.get("doseMg")))
                    .post(enrollment + "/lymphodepletion/administrations").then().statusCode(201);
        }
        as(writer).body(Map.of("date", DAY_0, "weightKg", 60, "doseLevel", "DL1",
                        "totalCellsInfused", 9_000_000))
                .post(enrollment + "/infusion").then().statusCode(200);
        return id;
    }
}
