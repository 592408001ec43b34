package org.celltrial.system;

import static org.celltrial.system.StudyPatients.SITE;
import static org.celltrial.system.StudyPatients.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/**
 * The safety grading rules on sequences real patients produce, across services and through the gateway with real
 * tokens (docs/clinical-rules.md, CRS, ICANS, CTCAE, Protocol settings): each scenario is a patient screened,
 * enrolled, lymphodepleted and infused through enrollment-service, whose Day 0 and first lymphodepletion day safety
 * reads from enrollment, with the grading settings of the protocol in force.
 */
class SafetyGradingIT {

    private static RunningSuite suite;
    private static String patientId;

    @BeforeAll
    static void aScreenedPatient() {
        suite = RunningSuite.get();
        StudyPatients.ensureSite(suite);
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

    @Test
    void aFeverDuringLymphodepletionIsNoCrs() {
        String safety = safetyOf(StudyPatients.infused(suite, "PREDAY0", "2000-01-01"));
        vitals(safety, Map.of("at", "2025-01-28T08:00:00Z", "temperatureC", 38.9, "hypotension", "NONE",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", false));

        as("safety-officer").get(safety + "/crs").then().statusCode(200)
                .body("maxGrade", equalTo(0))
                .body("observations[0].grade", nullValue())
                .body("observations[0].reason", equalTo("before infusion"));
        as("safety-officer").get(safety + "/adverse-events").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void premedicationAtTheInfusionMasksNothingLater() {
        String safety = safetyOf(StudyPatients.infused(suite, "PREMED", "2000-01-01"));
        vitals(safety, Map.of("at", "2025-02-01T10:00:00Z", "temperatureC", 36.9, "hypotension", "NONE",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", true));
        vitals(safety, Map.of("at", "2025-04-01T10:00:00Z", "temperatureC", 37.4, "hypotension", "ONE_VASOPRESSOR",
                "oxygen", "HIGH_FLOW", "antipyreticOrAntiCytokine", false));

        as("safety-officer").get(safety + "/crs").then().statusCode(200)
                .body("maxGrade", equalTo(0))
                .body("observations.grade", equalTo(List.of(0, 0)))
                .body("observations[1].rule", equalTo("ASTCT CRS grade 0: no fever"));
        as("safety-officer").get(safety + "/adverse-events").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void hypotensionAttributedToSepsisIsNoCrs() {
        String safety = safetyOf(StudyPatients.infused(suite, "SEPSIS", "2000-01-01"));
        vitals(safety, Map.of("at", "2025-02-02T08:00:00Z", "temperatureC", 39.1, "hypotension", "NONE",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", true));
        vitals(safety, Map.of("at", "2025-02-02T14:00:00Z", "temperatureC", 37.2, "hypotension", "ONE_VASOPRESSOR",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", false, "attributedToOtherCause", "HYPOTENSION",
                "otherCause", "sepsis"));

        as("safety-officer").get(safety + "/crs").then().statusCode(200)
                .body("observations.grade", equalTo(List.of(1, 0)))
                .body("observations[1].rule", containsString("hypotension attributed to sepsis"))
                .body("maxGrade", equalTo(1));
        as("safety-officer").get(safety + "/adverse-events").then().statusCode(200)
                .body("items.find { it.origin == 'CRS' }.grade", equalTo(1));
    }

    @Test
    void lateFirstLabsOpenTheirAdverseEvents() {
        String safety = safetyOf(StudyPatients.infused(suite, "LATELAB", "2000-01-01"));
        lab(safety, "2025-02-04T08:00:00Z", "ANC", 0.5, "10*9/L", 1.8, 7.5);
        lab(safety, "2025-02-05T08:00:00Z", "ALT", 130, "U/L", 7, 40);

        as("safety-officer").get(safety + "/adverse-events").then().statusCode(200)
                .body("items.find { it.ctcaeTerm == 'Neutrophil count decreased' }.grade", equalTo(3))
                .body("items.find { it.ctcaeTerm == 'Alanine aminotransferase increased' }.grade", equalTo(2));
    }

    @Test
    void aBackDatedBaselineRegradesTheLabsAndTheirEvents() {
        String safety = safetyOf(StudyPatients.infused(suite, "BASELINE", "2000-01-01"));
        lab(safety, "2025-02-05T08:00:00Z", "ALT", 130, "U/L", 7, 40);
        as("safety-officer").get(safety + "/adverse-events").then().statusCode(200)
                .body("items.find { it.ctcaeTerm == 'Alanine aminotransferase increased' }.grade", equalTo(2));
        // The screening ALT, entered late: abnormal (100, ULN 40), so 130 is 1.3 × baseline: grade 0.
        lab(safety, "2025-01-20T08:00:00Z", "ALT", 100, "U/L", 7, 40);

        as("safety-officer").get(safety + "/labs").then().statusCode(200)
                .body("items.find { it.value == 130.0f }.ctcaeGrade", equalTo(0))
                .body("items.find { it.value == 130.0f }.ctcaeRule", containsString("baseline"));
        as("safety-officer").get(safety + "/adverse-events").then().statusCode(200)
                .body("items.findAll { it.ctcaeTerm == 'Alanine aminotransferase increased' }", hasSize(0));
    }

    @Test
    void aDrowsyPatientWithIce10HasIcansGrade1() {
        String safety = safetyOf(StudyPatients.infused(suite, "DROWSY", "2000-01-01"));
        neuro(safety, Map.of("at", "2025-02-03T08:00:00Z", "ice", Map.of("orientation", 4, "naming", 3,
                "commands", 1, "writing", 1, "attention", 1), "consciousness", "AWAKENS_SPONTANEOUSLY",
                "seizure", "NONE", "motorWeakness", "NONE", "cerebralEdema", "NONE"));

        as("safety-officer").get(safety + "/icans").then().statusCode(200)
                .body("maxGrade", equalTo(1))
                .body("observations[0].rule", containsString("awakens spontaneously"));
    }

    @Test
    void aPatientUnableToPerformIceScoresZeroButANotPerformedScoreCountsNothing() {
        String safety = safetyOf(StudyPatients.infused(suite, "UNABLE", "2000-01-01"));
        neuro(safety, Map.of("at", "2025-02-03T08:00:00Z", "iceStatus", "NOT_PERFORMED", "consciousness", "AWAKE",
                "seizure", "NONE", "motorWeakness", "NONE", "cerebralEdema", "NONE"));
        neuro(safety, Map.of("at", "2025-02-04T08:00:00Z", "iceStatus", "UNABLE", "consciousness", "AWAKE",
                "seizure", "NONE", "motorWeakness", "NONE", "cerebralEdema", "NONE"));

        as("safety-officer").get(safety + "/icans").then().statusCode(200)
                .body("observations.grade", equalTo(List.of(0, 3)))
                .body("observations[0].rule", containsString("ICE not performed"))
                .body("maxGrade", equalTo(3));
    }

    private static String safetyOf(String patient) {
        return suite.gateway.url() + "/api/v1/safety/patients/" + patient;
    }

    private static void vitals(String safety, Map<String, Object> body) {
        as("inv-site01").body(body).post(safety + "/vitals").then().statusCode(201);
    }

    private static void neuro(String safety, Map<String, Object> body) {
        as("inv-site01").body(body).post(safety + "/neuro-assessments").then().statusCode(201);
    }

    private static void lab(String safety, String at, String analyte, double value, String unit, double lln,
            double uln) {
        as("inv-site01").body(Map.of("at", at, "analyte", analyte, "value", value, "unit", unit,
                        "lowerLimitNormal", lln, "upperLimitNormal", uln))
                .post(safety + "/labs").then().statusCode(201);
    }

}
