package org.celltrial.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.celltrial.testing.Tokens;
import org.celltrial.testing.fhir.FhirR4Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * The FHIR intake against the three services played by WireMock: each Observation goes where it belongs with the
 * caller's token and an Idempotency-Key from its content; an entry refused anywhere leaves nothing stored. Every FHIR
 * answer (stored and refused entries, the 400 for a body that is no FHIR transaction) passes HAPI's validator.
 */
@QuarkusTest
@TestProfile(CompositesTest.AllServicesStubbed.class)
class FhirIntakeTest {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final UUID PATIENT = UUID.fromString("0b7a9c1e-2222-4a4a-8888-123456789abc");
    private static final UUID LAB = UUID.fromString("0b7a9c1e-3333-4a4a-8888-123456789abc");
    private static final String LABS = "/api/v1/safety/patients/" + PATIENT + "/labs";
    private static final String COUNTS = "/api/v1/efficacy/patients/" + PATIENT + "/platelet-counts";

    @BeforeEach
    void stubServices() {
        CompositeStubs.services.resetAll();
        CompositeStubs.services.stubFor(get(urlPathEqualTo("/api/v1/enrollment/patients")).willReturn(okJson("""
                {"items": [{"id": "%s", "subjectId": "CT-SITE-01-004", "siteCode": "SITE-01"}],
                 "nextCursor": null}""".formatted(PATIENT))));
        CompositeStubs.services.stubFor(post(urlPathEqualTo(LABS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id": "%s", "ctcaeGrade": 3, "ctcaeVersion": "5.0", "ctcaeRule": "<50 - 25 x10e9 /L",
                         "version": 0}""".formatted(LAB))));
        CompositeStubs.services.stubFor(post(urlPathEqualTo(COUNTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"" + UUID.randomUUID() + "\", \"version\": 0}")));
    }

    @Test
    void eachEntryIsStoredWhereItBelongsOrRefusedSayingWhy() {
        String token = Tokens.of("inv-site01");
        String bundle = bundle(
                observation("777-3", "45", "10*3/uL", "CT-SITE-01-004", ""),
                observation("718-7", "95", "g/L", "CT-SITE-01-004",
                        ", \"referenceRange\": [{\"low\": {\"value\": 120, \"system\": \"http://unitsofmeasure.org\","
                                + " \"code\": \"g/L\"}, \"high\": {\"value\": 160, \"system\": "
                                + "\"http://unitsofmeasure.org\", \"code\": \"g/L\"}}]"),
                observation("2345-7", "5", "mmol/L", "CT-SITE-01-004", ""),
                observation("777-3", "80", "10*9/L", "CT-SITE-02-001", ""),
                observation("1742-6", "80", "mg", "CT-SITE-01-004", ""));

        ValidatableResponse answer = intake(token, bundle).statusCode(200).contentType(containsString(FHIR_JSON))
                .body("resourceType", is("Bundle")).body("type", is("batch-response"))
                .body("entry.response.status", contains("201 Created", "201 Created", "422", "404", "422"))
                .body("entry.resource.resourceType", contains("OperationOutcome", "OperationOutcome",
                        "OperationOutcome", "OperationOutcome", "OperationOutcome"))
                .body("entry.resource.issue.code.flatten()", contains("informational", "informational",
                        "not-supported", "not-found", "value"));
        answer.body("entry[0].resource.issue[0].diagnostics", containsString("CTCAE v5.0 grade 3"))
                .body("entry[0].resource.issue[0].diagnostics", containsString("efficacy-service as platelet count"))
                .body("entry[3].resource.issue[0].diagnostics", containsString("No subject CT-SITE-02-001"))
                .body("entry[4].resource.issue[0].diagnostics", containsString("does not convert to U/L"));

        // platelets to both services, hemoglobin to safety only, converted; nothing of the refused entries
        CompositeStubs.services.verify(2, postRequestedFor(urlPathEqualTo(LABS))
                .withHeader("Authorization", equalTo("Bearer " + token)));
        CompositeStubs.services.verify(1, postRequestedFor(urlPathEqualTo(LABS)).withRequestBody(equalToJson("""
                {"at": "2025-02-09T19:30:00Z", "analyte": "PLT", "value": 45, "unit": "10*9/L"}""")));
        CompositeStubs.services.verify(1, postRequestedFor(urlPathEqualTo(LABS)).withRequestBody(equalToJson("""
                {"at": "2025-02-09T19:30:00Z", "analyte": "HGB", "value": 9.5, "unit": "g/dL",
                 "lowerLimitNormal": 12, "upperLimitNormal": 16}""")));
        CompositeStubs.services.verify(1, postRequestedFor(urlPathEqualTo(COUNTS))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(matchingJsonPath("$.date", equalTo("2025-02-09")))
                .withRequestBody(matchingJsonPath("$.valuePer1e9L", equalTo("45"))));
        List<String> keys = CompositeStubs.services.findAll(postRequestedFor(urlPathEqualTo(LABS))).stream()
                .map(request -> request.getHeader("Idempotency-Key")).toList();
        assertEquals(2, keys.stream().distinct().count(), keys.toString());
        assertTrue(keys.stream().allMatch(key -> key.matches("fhir-[0-9a-f]{64}-lab")), keys.toString());

        // The same bundle again: the same keys, so the services answer their first answers and store nothing twice.
        intake(token, bundle).statusCode(200);
        List<String> again = CompositeStubs.services.findAll(postRequestedFor(urlPathEqualTo(LABS))).stream()
                .map(request -> request.getHeader("Idempotency-Key")).toList();
        assertEquals(keys, again.subList(2, 4));
    }

    @Test
    void aPlateletCountEfficacyRefusesIsVoidedInSafetyAgain() {
        CompositeStubs.services.stubFor(post(urlPathEqualTo(COUNTS)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\": \"urn:celltrial:problem:conflict\", \"status\": 409, "
                        + "\"detail\": \"Patient is screened, not infused\"}")));
        CompositeStubs.services.stubFor(post(urlPathEqualTo(LABS + "/" + LAB + "/void")).willReturn(aResponse()
                .withStatus(204)));

        intake(Tokens.of("data-manager"), bundle(observation("26515-7", "45", "10*9/L", "CT-SITE-01-004", "")))
                .statusCode(200)
                .body("entry.response.status", contains("409"))
                .body("entry[0].resource.issue[0].code", is("conflict"))
                .body("entry[0].resource.issue[0].diagnostics", containsString("Patient is screened, not infused"))
                .body("entry[0].resource.issue[0].diagnostics", containsString("was voided"));
        CompositeStubs.services.verify(1, postRequestedFor(urlPathEqualTo(LABS + "/" + LAB + "/void"))
                .withHeader("If-Match", equalTo("\"0\"")));
    }

    @Test
    void aBodyThatIsNoFhirTransactionIsA400OperationOutcome() {
        String token = Tokens.of("inv-site01");
        for (String body : List.of("{\"a\": 1}", "not json", "{\"resourceType\": \"Patient\"}",
                "{\"resourceType\": \"Bundle\", \"type\": \"collection\"}",
                "{\"resourceType\": \"Bundle\", \"type\": \"transaction\"}")) {
            intake(token, body).statusCode(400).contentType(containsString(FHIR_JSON))
                    .body("resourceType", is("OperationOutcome"))
                    .body("issue[0].severity", is("error"));
        }
        CompositeStubs.services.verify(0, postRequestedFor(urlPathEqualTo(LABS)));
    }

    @Test
    void onlyInvestigatorsAndDataManagersMaySendLabResults() {
        intake(Tokens.of("monitor-site01"), bundle(observation("777-3", "45", "10*9/L", "CT-SITE-01-004", "")))
                .statusCode(403).contentType(containsString("application/problem+json"));
        CompositeStubs.services.verify(0, postRequestedFor(urlPathEqualTo(LABS)));
    }

    /** The answer, checked first, when it is FHIR, with HAPI's instance validator against the R4 core profiles. */
    private static ValidatableResponse intake(String token, String bundle) {
        ValidatableResponse answer = given().auth().oauth2(token).contentType(FHIR_JSON).body(bundle)
                .post("/api/v1/study/fhir").then();
        if (answer.extract().contentType().startsWith(FHIR_JSON)) {
            String resource = answer.extract().asString();
            assertEquals(List.of(), FhirR4Validator.errors(resource), resource);
        }
        return answer;
    }

    static String bundle(String... observations) {
        StringBuilder entries = new StringBuilder();
        for (String observation : observations) {
            entries.append(entries.isEmpty() ? "" : ",").append("{\"fullUrl\": \"urn:uuid:").append(UUID.randomUUID())
                    .append("\", \"resource\": ").append(observation)
                    .append(", \"request\": {\"method\": \"POST\", \"url\": \"Observation\"}}");
        }
        return "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [" + entries + "]}";
    }

    static String observation(String loinc, String value, String unit, String subject, String more) {
        return """
                {"resourceType": "Observation", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]},
                 "subject": {"identifier": {"system": "urn:celltrial:subject", "value": "%s"}},
                 "effectiveDateTime": "2025-02-09T20:30:00+01:00",
                 "valueQuantity": {"value": %s, "system": "http://unitsofmeasure.org", "code": "%s"}%s}"""
                .formatted(loinc, subject, value, unit, more);
    }
}
