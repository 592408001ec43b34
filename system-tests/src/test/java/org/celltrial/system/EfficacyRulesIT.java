package org.celltrial.system;

import static org.celltrial.system.StudyPatients.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The efficacy and eligibility rules on sequences real patients produce, through the gateway with real tokens, each
 * patient made through enrollment-service (docs/clinical-rules.md, ITP response, CAR-T kinetics, Eligibility,
 * Protocol settings). Day 0 is 2025-02-01.
 */
class EfficacyRulesIT {

    private static RunningSuite suite;

    @BeforeAll
    static void suiteWithASite() {
        suite = RunningSuite.get();
        StudyPatients.ensureSite(suite);
    }

    @Test
    void aLowCountInsideARescueWindowBreaksTheConfirmation() {
        String patient = StudyPatients.infused(suite, "RESCUE", "2000-01-01");
        count(patient, "2025-02-10", 50, 0);
        therapy(patient, "RESCUE", "IVIG", "IVIG", "2025-02-11", "2025-02-11", 1, "g/kg");
        // The count that prompted the rescue fails: it breaks the confirmation that 02-10 and 03-20 would make.
        count(patient, "2025-02-12", 10, 1);
        count(patient, "2025-03-20", 60, 0);

        JsonPath response = response(patient);
        assertEquals("NR", response.getString("bestResponse"), response.prettify());
        assertEquals("NR",
                response.getString("counts.find { it.date == '2025-02-12' }.status"));
        assertTrue(response.getString(
                "counts.find { it.date == '2025-02-12' }.exposureWindows").contains("IVIG"));
    }

    @Test
    void rescueAfterAResponseIsALossOfResponseSignal() {
        String patient = StudyPatients.infused(suite, "SIGNAL", "2000-01-01");
        count(patient, "2025-02-10", 50, 0);
        count(patient, "2025-02-20", 55, 0);
        therapy(patient, "RESCUE", "PLATELET_TRANSFUSION", "platelets", "2025-03-01", "2025-03-01", 1, "{unit}");

        as("inv-site01").get(efficacy(patient) + "/response").then().statusCode(200)
                .body("bestResponse", equalTo("R"))
                .body("rescueAfterResponse.start", equalTo("2025-03-01"))
                .body("rescueAfterResponse.category", equalTo("PLATELET_TRANSFUSION"))
                .body("rescueIndependence.categories.find { it.category == 'PLATELET_TRANSFUSION' }"
                        + ".independentSinceDay", equalTo(29));
    }

    @Test
    void methylprednisoloneForIcansRecordedAsConcomitantOpensAGlucocorticoidWindow() {
        String patient = StudyPatients.infused(suite, "STEROID", "2000-01-01");
        therapy(patient, "CONCOMITANT", "GLUCOCORTICOID", "methylprednisolone", "2025-02-06", "2025-02-08", 60, "mg");
        count(patient, "2025-02-10", 120, 0);
        count(patient, "2025-02-20", 130, 0);

        as("inv-site01").get(efficacy(patient) + "/response").then().statusCode(200)
                .body("bestResponse", not(equalTo("CR")))
                .body("counts.find { it.date == '2025-02-10' }.cannotSupport", containsString("GLUCOCORTICOID"))
                .body("counts.find { it.date == '2025-02-20' }.exposureWindows",
                        hasItem(containsString("GLUCOCORTICOID")));
    }

    @Test
    void aCountWithoutABleedingAssessmentCannotConfirmAResponse() {
        String patient = StudyPatients.infused(suite, "NOBLEED", "2000-01-01");
        count(patient, "2025-02-10", 120, null);
        count(patient, "2025-02-20", 130, null);

        as("inv-site01").get(efficacy(patient) + "/response").then().statusCode(200)
                .body("bestResponse", not(equalTo("CR")))
                .body("unassessedBleedingAccepted", equalTo(false))
                .body("counts.find { it.date == '2025-02-10' }.cannotSupport", containsString("bleeding not assessed"))
                .body("protocolVersion", equalTo(1))
                .body("engine", containsString("IwgResponseEvaluator 2.0"));
    }

    @Test
    void kineticsSamplesStoppingAtDay21ReportAuc0ToLastNotAuc0To28() {
        String patient = StudyPatients.infused(suite, "AUC", "2000-01-01");
        for (String[] sample : new String[][] {{"2025-02-01", "0"}, {"2025-02-08", "5000"}, {"2025-02-11", "20000"},
                {"2025-02-15", "8000"}, {"2025-02-22", "1000"}}) {
            as("inv-site01").body(Map.of("date", sample[0], "copiesPerUgDna", Double.parseDouble(sample[1])))
                    .post(efficacy(patient) + "/car-t-kinetics").then().statusCode(201);
        }

        as("inv-site01").get(efficacy(patient) + "/car-t-kinetics").then().statusCode(200)
                .body("summary.auc0to28", nullValue())
                .body("summary.auc0toLast", notNullValue())
                .body("summary.lastSampleDay", equalTo(21))
                .body("summary.tmaxDay", equalTo(10));
    }

    @Test
    void aThirtyFourYearOldWithChronicItpIsEligible() {
        String patient = StudyPatients.infused(suite, "AGE34", "1990-06-01");
        as("inv-site01").get(suite.gateway.url() + "/api/v1/enrollment/patients/" + patient).then().statusCode(200)
                .body("status", equalTo("INFUSED"));
    }

    @Test
    void onlyADataManagerRegradesTheResponseUnderTheProtocolInForce() {
        String patient = StudyPatients.infused(suite, "REGRADE", "2000-01-01");
        count(patient, "2025-02-10", 50, 0);
        as("inv-site01").body(Map.of("reason", "amendment")).post(efficacy(patient) + "/regrade")
                .then().statusCode(403).contentType("application/problem+json");
        as("data-manager").body(Map.of("reason", "Protocol version 1 confirmed")).post(efficacy(patient) + "/regrade")
                .then().statusCode(200)
                .body("fromProtocolVersion", equalTo(1))
                .body("toProtocolVersion", equalTo(1));
    }

    @Test
    void badEfficacyInputIsRefusedAndNothingIsStored() {
        String patient = StudyPatients.infused(suite, "BADINPUT", "2000-01-01");
        as("inv-site01").body(Map.of("date", "2025-02-10", "valuePer1e9L", 50, "bleeding", 5))
                .post(efficacy(patient) + "/platelet-counts").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("bleeding"));
        as("inv-site01").body(Map.of("kind", "CONCOMITANT", "category", "GLUCOCORTICOID", "agent", "prednisone",
                        "doseValue", 20, "start", "2025-02-05"))
                .post(enrollment(patient) + "/therapies").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("doseUnit"));
        as("inv-site01").body(Map.of("kind", "RESCUE", "category", "ROMIPLOSTIM_PLUS", "agent", "x",
                        "start", "2025-02-05"))
                .post(enrollment(patient) + "/therapies").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("category"));
        as("inv-site01").get(efficacy(patient) + "/platelet-counts").then().statusCode(200).body("items", hasSize(0));
        as("inv-site01").get(enrollment(patient) + "/therapies").then().statusCode(200).body("items", hasSize(0));

        // An exposure category the protocol does not know: the amendment is refused and nothing changes.
        var current = as("admin-user").get(suite.gateway.url() + "/api/v1/enrollment/protocol")
                .then().statusCode(200).extract();
        Map<String, Object> amended = new HashMap<>(current.jsonPath().getMap(""));
        int version = (Integer) amended.remove("version");
        amended.remove("createdAt");
        amended.put("reason", "add a window for an unknown category");
        @SuppressWarnings("unchecked")
        Map<String, Object> efficacy = new HashMap<>((Map<String, Object>) amended.get("efficacyResponse"));
        @SuppressWarnings("unchecked")
        Map<String, Object> windows = new HashMap<>((Map<String, Object>) efficacy.get("exposureWindows"));
        windows.put("HERBAL_TEA", Map.of("windowDays", 28, "trigger", "ANY_DOSE"));
        efficacy.put("exposureWindows", windows);
        amended.put("efficacyResponse", efficacy);
        as("admin-user").header("If-Match", current.header("ETag")).body(amended)
                .put(suite.gateway.url() + "/api/v1/enrollment/protocol")
                .then().statusCode(400).contentType("application/problem+json");
        as("admin-user").get(suite.gateway.url() + "/api/v1/enrollment/protocol").then().statusCode(200)
                .body("version", equalTo(version));
    }

    private static JsonPath response(String patient) {
        return as("inv-site01").get(efficacy(patient) + "/response").then().statusCode(200).extract().jsonPath();
    }

    private static void count(String patient, String date, double value, Integer bleeding) {
        Map<String, Object> body = new HashMap<>(Map.of("date", date, "valuePer1e9L", value));
        if (bleeding != null) {
            body.put("bleeding", bleeding);
        }
        as("inv-site01").body(body).post(efficacy(patient) + "/platelet-counts").then().statusCode(201);
    }

    private static void therapy(String patient, String kind, String category, String agent, String start, String end,
            double dose, String unit) {
        as("inv-site01").body(Map.of("kind", kind, "category", category, "agent", agent, "start", start, "end", end,
                        "doseValue", dose, "doseUnit", unit))
                .post(enrollment(patient) + "/therapies").then().statusCode(201);
    }

    private static String efficacy(String patient) {
        return suite.gateway.url() + "/api/v1/efficacy/patients/" + patient;
    }

    private static String enrollment(String patient) {
        return suite.gateway.url() + "/api/v1/enrollment/patients/" + patient;
    }
}
