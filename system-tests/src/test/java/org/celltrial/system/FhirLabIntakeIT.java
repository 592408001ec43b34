package org.celltrial.system;

import static io.restassured.RestAssured.given;
import static org.celltrial.system.StudyPatients.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.ValidatableResponse;

/**
 * FHIR lab results in, end to end through the gateway with real tokens (docs/interoperability-intake.md): a bundle of
 * a patient's labs yields the same grades, adverse events and platelet counts as the same values entered by hand for
 * a twin patient, whatever UCUM unit the hospital sends them in; a retried bundle stores nothing twice; an entry
 * refused (an unknown code, a patient of another site) stores nothing.
 */
class FhirLabIntakeIT {

    private static final String FHIR_JSON = "application/fhir+json";
    private static RunningSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.get();
        StudyPatients.ensureSite(suite);
        StudyPatients.ensureSite(suite, "SITE-02");
    }

    @Test
    void aBundleOfAPatientsLabsGradesAsTheSameValuesEnteredByHand() {
        String byHand = StudyPatients.infused(suite, "BYHAND", "1990-01-01");
        String byFhir = StudyPatients.infused(suite, "BYFHIR", "1990-01-01");
        // by hand, in the units the API takes
        lab(byHand, "2025-02-05T08:00:00Z", "PLT", "45", "10*9/L", "150", "400");
        plateletCount(byHand, "2025-02-05", "45");
        lab(byHand, "2025-02-05T08:00:00Z", "ANC", "0.4", "10*9/L", "1.8", "7.5");
        lab(byHand, "2025-02-05T08:00:00Z", "HGB", "7.5", "g/dL", "12", "16");
        lab(byHand, "2025-02-05T08:00:00Z", "ALT", "130", "U/L", "7", "40");
        lab(byHand, "2025-02-05T08:00:00Z", "CREAT", "2", "mg/dL", "0.6", "1.2");
        // the same values from a hospital, some in other UCUM units, taken at 09:00 in Paris (08:00 UTC)
        String subject = subjectId(byFhir);
        String bundle = bundle(
                observation(subject, "777-3", "45", "10*3/uL", "150", "400"),
                observation(subject, "751-8", "400", "/uL", "1800", "7500"),
                observation(subject, "718-7", "75", "g/L", "120", "160"),
                observation(subject, "1742-6", "130", "U/L", "7", "40"),
                observation(subject, "2160-0", "20", "mg/L", "6", "12"));

        post("inv-site01", bundle).statusCode(200)
                .body("entry.response.status", contains("201 Created", "201 Created", "201 Created", "201 Created",
                        "201 Created"))
                .body("entry[0].resource.issue[0].diagnostics", containsString("platelet count"));

        assertEquals(grades(byHand), grades(byFhir));
        assertEquals(events(byHand), events(byFhir));
        assertEquals(Map.of("PLT", 3, "ANC", 4, "HGB", 3, "ALT", 2, "CREAT", 2), grades(byFhir).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0))));
        Number count = as("inv-site01")
                .get(suite.gateway.url() + "/api/v1/efficacy/patients/" + byFhir + "/platelet-counts")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].date", equalTo("2025-02-05"))
                .extract().path("items[0].valuePer1e9L");
        assertEquals(45.0, count.doubleValue());

        // The same bundle again stores nothing twice.
        post("inv-site01", bundle).statusCode(200);
        assertEquals(grades(byHand), grades(byFhir));
        as("inv-site01").get(suite.gateway.url() + "/api/v1/efficacy/patients/" + byFhir + "/platelet-counts")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aRefusedEntryStoresNothing() {
        String patient = StudyPatients.infused(suite, "FHIRNO", "1990-01-01");
        String otherSite = StudyPatients.screened(suite, "SITE-02", "inv-site02", "FHIROTHER", "1990-01-01", null);
        String subject = subjectId(patient);
        post("inv-site01", bundle(
                observation(subject, "2345-7", "5", "mmol/L", "3.9", "5.5"),
                observation(subject, "777-3", "45", "mg", "150", "400"),
                observation(subjectIdAs("inv-site02", otherSite), "777-3", "45", "10*9/L", "150", "400")))
                .statusCode(200)
                .body("entry.response.status", contains("422", "422", "404"))
                .body("entry.resource.issue.code.flatten()", contains("not-supported", "value", "not-found"));
        as("inv-site01").get(suite.gateway.url() + "/api/v1/safety/patients/" + patient + "/labs").then()
                .statusCode(200).body("items", hasSize(0));
        as("inv-site02").get(suite.gateway.url() + "/api/v1/safety/patients/" + otherSite + "/labs").then()
                .statusCode(200).body("items", hasSize(0));
        as("inv-site02").get(suite.gateway.url() + "/api/v1/efficacy/patients/" + otherSite + "/platelet-counts")
                .then().statusCode(200).body("items", hasSize(0));

        given().auth().oauth2(Tokens.of("inv-site01")).contentType(FHIR_JSON).body("{\"resourceType\": \"Patient\"}")
                .post(suite.gateway.url() + "/api/v1/study/fhir").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    /** Each analyte's CTCAE grades, in the order of the labs. */
    private static Map<String, List<Integer>> grades(String patient) {
        List<Map<String, Object>> labs = as("safety-officer")
                .get(suite.gateway.url() + "/api/v1/safety/patients/" + patient + "/labs")
                .then().statusCode(200).extract().path("items");
        Map<String, List<Integer>> grades = new TreeMap<>();
        labs.forEach(lab -> grades.computeIfAbsent((String) lab.get("analyte"), a -> new ArrayList<>())
                .add((Integer) lab.get("ctcaeGrade")));
        return grades;
    }

    /** The adverse events the labs opened: term and grade. */
    private static Map<String, Integer> events(String patient) {
        List<Map<String, Object>> events = as("safety-officer")
                .get(suite.gateway.url() + "/api/v1/safety/patients/" + patient + "/adverse-events")
                .then().statusCode(200).extract().path("items");
        Map<String, Integer> byTerm = new TreeMap<>();
        events.forEach(event -> byTerm.put((String) event.get("ctcaeTerm"), (Integer) event.get("grade")));
        return byTerm;
    }

    private static String subjectId(String patient) {
        return subjectIdAs("inv-site01", patient);
    }

    private static String subjectIdAs(String user, String patient) {
        return as(user).get(suite.gateway.url() + "/api/v1/enrollment/patients/" + patient).then().statusCode(200)
                .extract().path("subjectId");
    }

    private static void lab(String patient, String at, String analyte, String value, String unit, String lln,
            String uln) {
        as("inv-site01").body(Map.of("at", at, "analyte", analyte, "value", Double.valueOf(value), "unit", unit,
                        "lowerLimitNormal", Double.valueOf(lln), "upperLimitNormal", Double.valueOf(uln)))
                .post(suite.gateway.url() + "/api/v1/safety/patients/" + patient + "/labs").then().statusCode(201);
    }

    private static void plateletCount(String patient, String date, String value) {
        as("inv-site01").body(Map.of("date", date, "valuePer1e9L", Double.valueOf(value)))
                .post(suite.gateway.url() + "/api/v1/efficacy/patients/" + patient + "/platelet-counts")
                .then().statusCode(201);
    }

    private static ValidatableResponse post(String user, String bundle) {
        return given().auth().oauth2(Tokens.of(user)).contentType(FHIR_JSON).body(bundle)
                .post(suite.gateway.url() + "/api/v1/study/fhir").then();
    }

    private static String bundle(String... observations) {
        StringBuilder entries = new StringBuilder();
        for (String observation : observations) {
            entries.append(entries.isEmpty() ? "" : ",").append("{\"fullUrl\": \"urn:uuid:").append(UUID.randomUUID())
                    .append("\", \"resource\": ").append(observation)
                    .append(", \"request\": {\"method\": \"POST\", \"url\": \"Observation\"}}");
        }
        return "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [" + entries + "]}";
    }

    private static String observation(String subject, String loinc, String value, String unit, String low,
            String high) {
        String quantity = "{\"value\": %s, \"system\": \"http://unitsofmeasure.org\", \"code\": \"%s\"}";
        return """
                {"resourceType": "Observation", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]},
                 "subject": {"identifier": {"system": "urn:celltrial:subject", "value": "%s"}},
                 "effectiveDateTime": "2025-02-05T09:00:00+01:00",
                 "valueQuantity": %s,
                 "referenceRange": [{"low": %s, "high": %s}]}"""
                .formatted(loinc, subject, quantity.formatted(value, unit), quantity.formatted(low, unit),
                        quantity.formatted(high, unit));
    }
}
