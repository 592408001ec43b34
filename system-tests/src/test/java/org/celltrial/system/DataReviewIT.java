package org.celltrial.system;

import static io.restassured.RestAssured.given;
import static org.celltrial.system.StudyPatients.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Data review and lock end to end, through the gateway with real tokens and real services (docs/data-review.md):
 * a monitor queries a platelet count, the investigator corrects it and answers, the monitor closes the query and
 * verifies the patient against source, the investigator signs with a fresh sign-in (and is refused with a stale
 * one), the data manager locks SITE-01 at 2025-06-15, a write into the locked period is refused, and the study
 * summary at the cut-off keeps its bytes and hash while data for later dates arrive. The lock is lifted at the end,
 * with a reason, so the suites after this one write as before.
 */
class DataReviewIT {

    private static final String CUTOFF = "2025-06-15";
    private static final String PROBLEM = "application/problem+json";
    private static final Pattern GUARDED_METHOD = Pattern.compile("method=\"org\\.celltrial\\.gateway\\.upstream\\.(\\w+\\.\\w+)\"");

    private static RunningSuite suite;
    private static String api;
    private static String lockId;

    @BeforeAll
    static void started() {
        suite = RunningSuite.get();
        StudyPatients.ensureSite(suite);
        api = suite.gateway.url() + "/api/v1/";
    }

    @AfterAll
    static void liftTheLock() {
        if (lockId != null) {
            as("data-manager").body(Map.of("reason", "end of the data review test"))
                    .post(api + "study/locks/" + lockId + "/unlock").then().statusCode(200);
        }
    }

    @Test
    void queryCorrectVerifySignLockAndFreeze() {
        String patient = StudyPatients.infused(suite, "REVIEW", "1988-04-04");
        String efficacy = api + "efficacy/patients/" + patient;
        String first = count(patient, "2025-02-10", 12).then().statusCode(201).extract().path("id");

        // the monitor questions the count
        String query = as("monitor-site01")
                .body(Map.of("recordType", "platelet-counts", "recordId", first, "field", "valuePer1e9L",
                        "text", "The lab report says 21"))
                .post(efficacy + "/queries").then().statusCode(201).body("status", equalTo("OPEN"))
                .extract().path("id");
        as("data-manager").get(api + "study/patients/" + patient + "/course").then().statusCode(200)
                .body("efficacy.plateletCounts.find { it.id == '" + first + "' }.openQueries", equalTo(1))
                .body("efficacy.queries[0].id", equalTo(query));
        as("monitor-site01").get(api + "study/queries?siteCode=SITE-01&status=OPEN").then().statusCode(200)
                .body("items.find { it.id == '" + query + "' }.service", equalTo("efficacy"));
        as("inv-site02").body(Map.of("text", "not mine")).post(api + "efficacy/queries/" + query + "/answer")
                .then().statusCode(404).contentType(PROBLEM);
        // no lock while it is open
        as("data-manager").body(Map.of("cutoff", CUTOFF, "siteCode", "SITE-01")).post(api + "study/locks")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString(query));

        // the investigator corrects the count and answers; the monitor closes
        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "transcription error, see query"))
                .post(efficacy + "/platelet-counts/" + first + "/void").then().statusCode(204);
        count(patient, "2025-02-10", 21).then().statusCode(201);
        as("inv-site01").body(Map.of("text", "Corrected to 21")).post(api + "efficacy/queries/" + query + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED"));
        as("monitor-site01").body(Map.of("text", "Confirmed against the lab report"))
                .post(api + "efficacy/queries/" + query + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        as("inv-site01").body(Map.of("text", "late")).post(api + "efficacy/queries/" + query + "/answer")
                .then().statusCode(409).contentType(PROBLEM);

        // source data verification of the patient
        for (String service : List.of("safety", "efficacy")) {
            as("monitor-site01").body(Map.of("all", true))
                    .post(api + service + "/patients/" + patient + "/source-verification").then().statusCode(200);
        }
        as("monitor-site01").get(efficacy + "/platelet-counts").then().statusCode(200)
                .body("items[0].sourceVerified", equalTo(true));
        Response progress = as("monitor-site01").get(api + "study/source-verification?siteCode=SITE-01");
        progress.then().statusCode(200).body("sites[0].siteCode", equalTo("SITE-01"));
        assertNotNull(progress.path("sites[0].verified"));

        // the investigator signs with a fresh sign-in; a stale one is refused and stores nothing
        Map<String, Object> sign = Map.of("signedThrough", CUTOFF, "meaning", "I have reviewed and approve");
        String stale = Tokens.signedInOnLoginPage("inv-site01", 11);
        given().auth().oauth2(stale).contentType("application/json").body(sign)
                .post(api + "study/patients/" + patient + "/signatures")
                .then().statusCode(401).contentType(PROBLEM)
                .body("type", containsString("reauthentication-required"));
        as("monitor-site01").get(api + "study/patients/" + patient + "/signatures").then().statusCode(200)
                .body("signatures", hasSize(0));
        String fresh = Tokens.signedInOnLoginPage("inv-site01", 0);
        String signature = given().auth().oauth2(fresh).contentType("application/json").body(sign)
                .post(api + "study/patients/" + patient + "/signatures")
                .then().statusCode(200).body("services.safety.status", equalTo("VALID"))
                .body("services.efficacy.signerName", equalTo(Tokens.claim(fresh, "name")))
                .extract().path("id");

        // the data manager locks SITE-01 at the cut-off: every service, each freezing its reports
        lockId = as("data-manager").body(Map.of("cutoff", CUTOFF, "siteCode", "SITE-01"))
                .post(api + "study/locks").then().statusCode(200)
                .body("services.enrollment.frozen.name", hasItem("summary"))
                .body("services.safety.frozen.name", hasItem("line-listing"))
                .body("services.efficacy.inForce", equalTo(true))
                .extract().path("id");
        Response frozen = summary();
        String digest = frozen.header("Content-Digest");
        assertNotNull(digest);

        // a write into the locked period is refused and stores nothing
        int counts = as("inv-site01").get(efficacy + "/platelet-counts").then().extract().path("items.size()");
        count(patient, "2025-06-01", 40).then().statusCode(423).contentType(PROBLEM)
                .body("detail", containsString(lockId));
        as("inv-site01").get(efficacy + "/platelet-counts").then().body("items", hasSize(counts));

        // data for later dates arrive; the summary at the cut-off is the same bytes, the signature still valid
        count(patient, "2025-06-20", 90).then().statusCode(201);
        as("inv-site01").body(Map.of("at", "2025-06-21T08:00:00Z", "temperatureC", 38.5, "hypotension", "NONE",
                "oxygen", "NONE", "antipyreticOrAntiCytokine", false))
                .post(api + "safety/patients/" + patient + "/vitals").then().statusCode(201);
        Response again = summary();
        assertEquals(digest, again.header("Content-Digest"));
        assertArrayEquals(frozen.asByteArray(), again.asByteArray());
        as("monitor-site01").get(api + "study/patients/" + patient + "/signatures").then().statusCode(200)
                .body("signatures[0].id", equalTo(signature)).body("signatures[0].status", equalTo("VALID"))
                .body("signatures[0].complete", equalTo(true));
        as("sponsor-user").get(api + "study/locks").then().statusCode(200)
                .body("locks.find { it.id == '" + lockId + "' }.status", equalTo("IN_FORCE"));

        // lifted with a reason, the period takes data again, and the change invalidates the signature
        as("data-manager").body(Map.of("reason", "Late source documents from SITE-01"))
                .post(api + "study/locks/" + lockId + "/unlock").then().statusCode(200);
        lockId = null;
        count(patient, "2025-06-01", 40).then().statusCode(201);
        as("monitor-site01").get(api + "study/patients/" + patient + "/signatures").then()
                .body("signatures[0].status", equalTo("INVALIDATED"));

        // the review and lock calls the clients inherit ran under each client's own fault tolerance
        String metrics = given().get(suite.gateway.url() + "/q/metrics").then().statusCode(200).extract().asString();
        Set<String> guarded = metrics.lines().filter(line -> line.startsWith("ft_invocations_total{"))
                .map(GUARDED_METHOD::matcher).filter(Matcher::find).map(found -> found.group(1))
                .collect(Collectors.toSet());
        assertTrue(guarded.containsAll(List.of("EnrollmentClient.lock", "SafetyClient.lock", "EfficacyClient.lock",
                "EnrollmentClient.unlock", "SafetyClient.sign", "EfficacyClient.sign", "SafetyClient.queries",
                "EfficacyClient.sourceVerification")), "fault-tolerant gateway calls: " + guarded);
    }

    private static Response summary() {
        Response summary = as("data-manager").get(api + "study/summary?asOf=" + CUTOFF + "&siteCode=SITE-01");
        summary.then().statusCode(200);
        return summary;
    }

    private static Response count(String patient, String date, int value) {
        return as("inv-site01").body(Map.of("date", date, "valuePer1e9L", value, "bleeding", 0))
                .post(api + "efficacy/patients/" + patient + "/platelet-counts");
    }
}
