package org.celltrial.safety.review;

import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A site lock in safety-service (docs/data-review.md, Lock): labs, vitals and adverse event follow-ups dated in the
 * locked period are 423 and store nothing; the exports at the cut-off are frozen, though the FHIR bundle,
 * which carries the time it was made, reads the same bytes; a queried lab says so when the patient's labs are read.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class SafetyLockTest {

    private static final String API = "/api/v1/safety/";
    private static final String SITE = "SITE-07";

    @Test
    void aSiteLockRefusesWritesIntoItsPeriodAndFreezesTheExports() {
        EnrollmentStub.reset();
        UUID patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, """
                {"id":"%s","subjectId":"CT-%s-%s","siteCode":"%s","sex":"F","birthDate":"1990-01-01",
                 "ageAtInfusionYears":35,"day0":"2025-03-01","lymphodepletionStart":"2025-02-24","weightKg":60.0,
                 "baselinePlateletCountPer1e9L":9,"status":"INFUSED","therapies":[]}
                """.formatted(patient, SITE, patient.toString().substring(0, 4), SITE));
        String lab = as("data-manager").body(lab("2025-03-05T08:00:00Z", 0.4))
                .post(API + "patients/" + patient + "/labs").then().statusCode(201).extract().path("id");
        String event = as("data-manager").body(Map.of("ctcaeTerm", "Headache", "meddraCode", "10019211",
                "onset", "2025-03-06", "grade", 1, "serious", false, "seriousnessCriteria", List.of(),
                "treatments", List.of()))
                .post(API + "patients/" + patient + "/adverse-events").then().statusCode(201).extract().path("id");

        // a queried lab says so where the labs are read
        String query = as("data-manager").body(Map.of("recordType", "labs", "recordId", lab, "field", "value",
                "text", "Units?")).post(API + "patients/" + patient + "/queries").then().statusCode(201)
                .extract().path("id");
        as("data-manager").get(API + "patients/" + patient + "/labs").then().statusCode(200)
                .body("items.find { it.id == '" + lab + "' }.openQueries", equalTo(1));
        as("data-manager").body(Map.of("text", "10^9/L, right")).post(API + "queries/" + query + "/close")
                .then().statusCode(200);

        UUID lockId = UUID.randomUUID();
        as("data-manager").body(Map.of("id", lockId, "cutoff", "2025-06-15", "siteCode", SITE)).post(API + "locks")
                .then().statusCode(200)
                .body("frozen.name", hasItems("summary", "line-listing", "sdtm-ae", "sdtm-ae-json", "fhir"));
        try {
            long labs = rows("lab_result", patient);
            as("data-manager").body(lab("2025-06-15T23:00:00Z", 0.3)).post(API + "patients/" + patient + "/labs")
                    .then().statusCode(423).body("type", containsString("locked"));
            as("data-manager").header("If-Match", "\"0\"").body(Map.of("reason", "wrong patient"))
                    .post(API + "patients/" + patient + "/labs/" + lab + "/void").then().statusCode(423);
            as("safety-officer").header("If-Match", "\"0\"")
                    .body(Map.of("outcome", "RECOVERED", "resolvedOn", "2025-03-08", "reason", "follow-up"))
                    .put(API + "adverse-events/" + event).then().statusCode(423);
            // a batch is refused whole when any of its results lies in the period, named by its earliest date
            String batch = batchLine(patient, "2025-06-16T08:00:00Z") + "\n" + batchLine(patient, "2025-06-10T08:00:00Z");
            as("data-manager").urlEncodingEnabled(false).contentType("application/x-ndjson")
                    .body(batch.getBytes(StandardCharsets.UTF_8)).post(API + "labs:batch").then().statusCode(423).body("detail", containsString("2025-06-10"));
            assertEquals(labs, rows("lab_result", patient));
            as("safety-officer").get(API + "adverse-events/" + event).then().body("version", equalTo(0));

            // later data: the frozen exports keep their bytes; the live bundle would carry a new timestamp
            as("data-manager").body(lab("2025-06-16T08:00:00Z", 0.3)).post(API + "patients/" + patient + "/labs")
                    .then().statusCode(201);
            Response first = as("data-manager").get(API + "export/fhir?asOf=2025-06-15&siteCode=" + SITE);
            Response second = as("data-manager").get(API + "export/fhir?asOf=2025-06-15&siteCode=" + SITE);
            first.then().statusCode(200).header("Data-Lock", lockId.toString());
            assertArrayEquals(first.asByteArray(), second.asByteArray());
            assertEquals(first.header("Content-Digest"), second.header("Content-Digest"));
            Response live = as("data-manager").get(API + "export/fhir?asOf=2025-06-14&siteCode=" + SITE);
            live.then().statusCode(200);
            assertEquals(null, live.header("Data-Lock"));
            // a sponsor (who reads every site) gets the same frozen bytes
            assertArrayEquals(first.asByteArray(), as("sponsor-user")
                    .get(API + "export/fhir?asOf=2025-06-15&siteCode=" + SITE).asByteArray());
        } finally {
            as("data-manager").body(Map.of("reason", "end of test")).post(API + "locks/" + lockId + "/unlock")
                    .then().statusCode(200);
        }
        as("data-manager").body(lab("2025-06-15T23:00:00Z", 0.3)).post(API + "patients/" + patient + "/labs")
                .then().statusCode(201);
    }

    private static String batchLine(UUID patient, String at) {
        return "{\"patientId\":\"" + patient + "\",\"at\":\"" + at + "\",\"analyte\":\"ANC\",\"value\":0.3,"
                + "\"unit\":\"10*9/L\",\"lowerLimitNormal\":1.5,\"upperLimitNormal\":7.5}";
    }

    private static Map<String, Object> lab(String at, double value) {
        return Map.of("at", at, "analyte", "ANC", "value", value, "unit", "10*9/L", "lowerLimitNormal", 1.5,
                "upperLimitNormal", 7.5);
    }

    private static long rows(String table, UUID patient) {
        return TestDatabase.count(SafetyTestProfile.DATABASE, "SELECT count(*) FROM " + table
                + " WHERE patient_id = ? AND NOT voided", patient);
    }
}
