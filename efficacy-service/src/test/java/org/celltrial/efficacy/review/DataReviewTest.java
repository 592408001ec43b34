package org.celltrial.efficacy.review;

import static io.restassured.RestAssured.given;
import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.celltrial.efficacy.EfficacyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Data review and lock on efficacy's records through the REST API, with real tokens and real PostgreSQL
 * (docs/data-review.md): queries, source data verification, signatures, a site lock with its frozen summary.
 */
@QuarkusTest
@TestProfile(EfficacyTestProfile.class)
class DataReviewTest {

    private static final String API = "/api/v1/efficacy/";
    private static final String PROBLEM = "application/problem+json";

    private UUID patient;

    @BeforeEach
    void infusedPatient() {
        EnrollmentStub.reset();
        patient = EnrollmentStub.newInfusedPatient("SITE-01");
    }

    @Test
    void aQueryGoesFromOpenToAnsweredToClosedAndBackAndEveryStepIsAudited() {
        String count = count(patient, "2025-01-20", 12);
        String query = as("monitor-site01")
                .body(Map.of("recordType", "platelet-counts", "recordId", count, "field", "valuePer1e9L",
                        "text", "Source says 21, not 12"))
                .post(API + "patients/" + patient + "/queries")
                .then().statusCode(201)
                .body("status", equalTo("OPEN")).body("field", equalTo("valuePer1e9L"))
                .body("openedBy", equalTo("monitor-site01")).body("daysOpen", equalTo(0))
                .body("siteCode", equalTo("SITE-01")).body("thread", hasSize(1))
                .extract().path("id");

        // another site's investigator neither sees nor answers it
        as("inv-site02").get(API + "patients/" + patient + "/queries").then().statusCode(404);
        as("inv-site02").body(Map.of("text", "n/a")).post(API + "queries/" + query + "/answer")
                .then().statusCode(404).contentType(PROBLEM);
        as("inv-site02").get(API + "queries").then().statusCode(200).body("id", not(hasItem(query)));
        // a monitor cannot answer, an investigator cannot close
        as("monitor-site01").body(Map.of("text", "n/a")).post(API + "queries/" + query + "/answer")
                .then().statusCode(403);
        as("inv-site01").body(Map.of("text", "n/a")).post(API + "queries/" + query + "/close").then().statusCode(403);

        as("inv-site01").body(Map.of("text", "Corrected: voided and re-entered as 21"))
                .post(API + "queries/" + query + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED")).body("thread", hasSize(2))
                .body("thread[1].by", equalTo("inv-site01")).body("thread[1].action", equalTo("ANSWER"));
        as("inv-site01").body(Map.of("text", "again")).post(API + "queries/" + query + "/answer")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("was answered"));
        as("monitor-site01").body(Map.of("text", "Thanks")).post(API + "queries/" + query + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedAt", notNullValue());
        as("inv-site01").body(Map.of("text", "late")).post(API + "queries/" + query + "/answer")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("re-open it first"));
        as("monitor-site01").body(Map.of("text", "One more question")).post(API + "queries/" + query + "/reopen")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("closedAt", nullValue())
                .body("thread.action", equalTo(List.of("OPEN", "ANSWER", "CLOSE", "REOPEN")));

        as("monitor-site01").get(API + "queries?status=OPEN&siteCode=SITE-01").then().statusCode(200)
                .body("id", hasItem(query));
        as("data-manager").get(API + "patients/" + patient + "/queries").then().statusCode(200)
                .body("", hasSize(1)).body("[0].status", equalTo("OPEN"));
        assertEquals(4L, TestDatabase.count(EfficacyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE entity_type = 'DataQuery' AND entity_id = ?", query));
    }

    @Test
    void badQueriesAreRefusedAndStoreNothing() {
        String count = count(patient, "2025-01-20", 12);
        long before = queries();
        as("monitor-site01").body(Map.of("recordType", "vitals", "recordId", count, "text", "?"))
                .post(API + "patients/" + patient + "/queries")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("recordType"));
        as("monitor-site01").body(Map.of("recordType", "platelet-counts", "recordId", UUID.randomUUID(), "text", "?"))
                .post(API + "patients/" + patient + "/queries").then().statusCode(404).contentType(PROBLEM);
        as("monitor-site01").body(Map.of("recordType", "platelet-counts", "recordId", count, "text", " "))
                .post(API + "patients/" + patient + "/queries").then().statusCode(400).contentType(PROBLEM);
        as("inv-site01").body(Map.of("recordType", "platelet-counts", "recordId", count, "text", "?"))
                .post(API + "patients/" + patient + "/queries").then().statusCode(403);
        assertEquals(before, queries());
    }

    @Test
    void twoMonitorsClosingAtOnceCloseItOnce() {
        String count = count(patient, "2025-01-20", 12);
        String query = as("monitor-site01")
                .body(Map.of("recordType", "platelet-counts", "recordId", count, "text", "Check"))
                .post(API + "patients/" + patient + "/queries").then().statusCode(201).extract().path("id");
        String token = Tokens.of("monitor-site01");
        List<Integer> statuses = parallel(8, i -> given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("text", "close " + i)).post(API + "queries/" + query + "/close").statusCode());
        assertEquals(List.of(200, 409, 409, 409, 409, 409, 409, 409), statuses);
        as("monitor-site01").get(API + "patients/" + patient + "/queries").then()
                .body("[0].thread", hasSize(2));
    }

    @Test
    void sourceVerificationCountsAndAChangeClearsIt() {
        String first = count(patient, "2025-01-20", 12);
        count(patient, "2025-02-01", 35);
        int[] start = progress();
        as("monitor-site01").body(Map.of("all", true)).post(API + "patients/" + patient + "/source-verification")
                .then().statusCode(200).body("newlyVerified", equalTo(2)).body("verified", hasSize(2));
        as("monitor-site01").body(Map.of("all", true)).post(API + "patients/" + patient + "/source-verification")
                .then().statusCode(200).body("newlyVerified", equalTo(0));
        int[] verified = progress();
        assertArrayEquals(new int[] {start[0] + 2, start[1]}, verified);

        // a record is read with its marks: verified, and one query not closed; the other record only verified
        String query = as("monitor-site01")
                .body(Map.of("recordType", "platelet-counts", "recordId", first, "text", "21 in the source?"))
                .post(API + "patients/" + patient + "/queries").then().statusCode(201).extract().path("id");
        String record = "items.find { it.id == '" + first + "' }.";
        as("inv-site01").get(API + "patients/" + patient + "/platelet-counts").then().statusCode(200)
                .body(record + "sourceVerified", equalTo(true)).body(record + "openQueries", equalTo(1))
                .body("items.findAll { it.openQueries != null }", hasSize(1))
                .body("items.findAll { it.sourceVerified == true }", hasSize(2));
        as("monitor-site01").body(Map.of("text", "12 in the source")).post(API + "queries/" + query + "/close")
                .then().statusCode(200);

        // voiding a verified record clears its mark, audited
        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "wrong patient"))
                .post(API + "patients/" + patient + "/platelet-counts/" + first + "/void").then().statusCode(204);
        assertArrayEquals(new int[] {start[0] + 1, start[1] - 1}, progress());
        assertEquals(1L, TestDatabase.count(EfficacyTestProfile.DATABASE, "SELECT count(*) FROM audit_log "
                + "WHERE action = 'SOURCE_VERIFY_CLEAR' AND entity_id = ?", first));

        as("inv-site01").body(Map.of("all", true)).post(API + "patients/" + patient + "/source-verification")
                .then().statusCode(403);
        as("monitor-site01").body(Map.of()).post(API + "patients/" + patient + "/source-verification")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aSignatureNeedsAFreshSignInAndALaterChangeToSignedDataInvalidatesIt() {
        count(patient, "2025-01-20", 12);
        String token = Tokens.signedInOnLoginPage("inv-site01", 0);
        Map<String, Object> sign = Map.of("signedThrough", "2025-02-01", "meaning", "I have reviewed and approve");
        String signature = given().auth().oauth2(token).contentType("application/json").body(sign)
                .post(API + "patients/" + patient + "/signatures")
                .then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("VALID")).body("signer", equalTo("inv-site01"))
                .body("signerName", equalTo(Tokens.claim(token, "name")))
                .body("meaning", equalTo("I have reviewed and approve"))
                .body("authenticatedAt", notNullValue())
                .extract().path("id");
        as("data-manager").body(sign).post(API + "patients/" + patient + "/signatures").then().statusCode(403);
        as("inv-site02").body(sign).post(API + "patients/" + patient + "/signatures").then().statusCode(404);

        // data after the signed period leaves it valid; data within it invalidates it
        count(patient, "2025-03-01", 40);
        as("monitor-site01").get(API + "patients/" + patient + "/signatures").then()
                .body("[0].status", equalTo("VALID"));
        String late = count(patient, "2025-01-25", 18);
        as("monitor-site01").get(API + "patients/" + patient + "/signatures").then()
                .body("[0].id", equalTo(signature))
                .body("[0].status", equalTo("INVALIDATED"))
                .body("[0].invalidatedByRecord", equalTo(late))
                .body("[0].invalidationReason", containsString("2025-01-25"));

        // a password grant's token does not say when the user signed in: it cannot sign
        as("inv-site01").body(sign).post(API + "patients/" + patient + "/signatures")
                .then().statusCode(401).contentType(PROBLEM).body("detail", containsString("no auth_time"));
        // signing again needs a fresh sign-in: a session refreshed after the allowed age is refused, storing nothing
        String stale = Tokens.signedInOnLoginPage("inv-site01", 11);
        given().auth().oauth2(stale).contentType("application/json").body(sign)
                .post(API + "patients/" + patient + "/signatures")
                .then().statusCode(401).contentType(PROBLEM)
                .body("type", containsString("reauthentication-required"))
                .body("detail", containsString("Sign in again"));
        as("monitor-site01").get(API + "patients/" + patient + "/signatures").then().body("", hasSize(1));
    }

    @Test
    void aSiteLockRefusesWritesIntoItsPeriodAndFreezesTheSummary() throws Exception {
        UUID locked = UUID.randomUUID();
        EnrollmentStub.reference(locked, """
                {"id":"%s","subjectId":"CT-SITE-09-%s","siteCode":"SITE-09","sex":"F","ageAtInfusionYears":30,
                 "day0":"2025-01-10","weightKg":60.0,"baselinePlateletCountPer1e9L":8,"priorTherapyCount":3,
                 "status":"INFUSED","doseLevel":"DL1","therapies":[]}
                """.formatted(locked, locked.toString().substring(0, 6)));
        String count = count(locked, "2025-01-20", 12);
        String query = as("data-manager")
                .body(Map.of("recordType", "platelet-counts", "recordId", count, "text", "Check the unit"))
                .post(API + "patients/" + locked + "/queries").then().statusCode(201).extract().path("id");
        UUID lockId = UUID.randomUUID();
        Map<String, Object> lock = Map.of("id", lockId, "cutoff", "2025-06-15", "siteCode", "SITE-09");
        as("data-manager").body(lock).post(API + "locks")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString(query));
        as("data-manager").body(Map.of("text", "unit is right")).post(API + "queries/" + query + "/close")
                .then().statusCode(200);

        String summaryBefore = summary("SITE-09");
        Response locking = as("data-manager").body(lock).post(API + "locks");
        locking.then().statusCode(200).body("inForce", equalTo(true)).body("frozen.name", equalTo(List.of("summary")));
        String sha256 = locking.path("frozen[0].sha256");
        assertEquals(sha256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(summaryBefore.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        // a retry with the same id is the same lock; another lock of that scope and cut-off is refused
        as("data-manager").body(lock).post(API + "locks").then().statusCode(200).body("id", equalTo(lockId.toString()));
        as("data-manager").body(Map.of("cutoff", "2025-06-15", "siteCode", "SITE-09")).post(API + "locks")
                .then().statusCode(409);
        as("inv-site01").body(lock).post(API + "locks").then().statusCode(403);

        long stored = rows(locked);
        as("data-manager").body(Map.of("date", "2025-06-15", "valuePer1e9L", 50, "bleeding", 0))
                .post(API + "patients/" + locked + "/platelet-counts")
                .then().statusCode(423).contentType(PROBLEM).body("detail", containsString(lockId.toString()));
        as("data-manager").header("If-Match", "\"0\"").body(Map.of("reason", "typo"))
                .post(API + "patients/" + locked + "/platelet-counts/" + count + "/void").then().statusCode(423);
        assertEquals(stored, rows(locked));
        // another site, and later dates, are open
        count(patient, "2025-06-10", 60);
        count(locked, "2025-06-16", 120);

        Response frozen = as("data-manager").get(API + "summary?asOf=2025-06-15&siteCode=SITE-09");
        frozen.then().statusCode(200).header("Data-Lock", lockId.toString())
                .header("Content-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of()
                        .parseHex(sha256)) + ":");
        assertEquals(summaryBefore, frozen.asString());

        as("data-manager").body(Map.of("reason", " ")).post(API + "locks/" + lockId + "/unlock")
                .then().statusCode(400);
        as("data-manager").body(Map.of("reason", "Late source documents from SITE-09"))
                .post(API + "locks/" + lockId + "/unlock")
                .then().statusCode(200).body("inForce", equalTo(false)).body("unlockedBy", equalTo("data-manager"));
        as("data-manager").body(Map.of("reason", "again")).post(API + "locks/" + lockId + "/unlock")
                .then().statusCode(409);
        count(locked, "2025-06-15", 50);
        as("monitor-site01").get(API + "locks").then().statusCode(200).body("id", hasItem(lockId.toString()));
    }

    @Test
    void locksMadeAtOnceMakeOneLock() {
        String token = Tokens.of("data-manager");
        UUID sameId = UUID.randomUUID();
        List<Integer> retries = parallel(6, i -> given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("id", sameId, "cutoff", "2025-05-31", "siteCode", "SITE-08")).post(API + "locks")
                .statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200), retries);
        List<Integer> rivals = parallel(6, i -> given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("cutoff", "2025-05-30", "siteCode", "SITE-08")).post(API + "locks").statusCode());
        assertEquals(List.of(200, 409, 409, 409, 409, 409), rivals);
        assertEquals(2L, TestDatabase.count(EfficacyTestProfile.DATABASE,
                "SELECT count(*) FROM data_lock WHERE site_code = 'SITE-08' AND unlocked_at IS NULL"));
        List<String> inForce = as("data-manager").get(API + "locks").then().statusCode(200)
                .extract().path("findAll { it.siteCode == 'SITE-08' && it.inForce }.id");
        inForce.forEach(lock -> as("data-manager").body(Map.of("reason", "end of test"))
                .post(API + "locks/" + lock + "/unlock").then().statusCode(200));
    }

    private static List<Integer> parallel(int n, java.util.function.IntFunction<Integer> call) {
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> calls.add(CompletableFuture.supplyAsync(() -> call.apply(i))));
        return calls.stream().map(CompletableFuture::join).sorted().toList();
    }

    private String summary(String site) {
        return as("data-manager").get(API + "summary?asOf=2025-06-15&siteCode=" + site).then().statusCode(200)
                .extract().asString();
    }

    private int[] progress() {
        Response answer = as("monitor-site01").get(API + "source-verification?siteCode=SITE-01");
        answer.then().statusCode(200);
        Integer verified = answer.path("find { it.siteCode == 'SITE-01' }.verified");
        Integer total = answer.path("find { it.siteCode == 'SITE-01' }.total");
        return new int[] {verified == null ? 0 : verified, total == null ? 0 : total};
    }

    private static String count(UUID patient, String date, int value) {
        return as("data-manager").body(Map.of("date", date, "valuePer1e9L", value, "bleeding", 0))
                .post(API + "patients/" + patient + "/platelet-counts")
                .then().statusCode(201).extract().path("id");
    }

    private static long rows(UUID patient) {
        return TestDatabase.count(EfficacyTestProfile.DATABASE,
                "SELECT count(*) FROM platelet_count WHERE patient_id = ? AND NOT voided", patient);
    }

    private static long queries() {
        return TestDatabase.count(EfficacyTestProfile.DATABASE, "SELECT count(*) FROM data_query");
    }
}
