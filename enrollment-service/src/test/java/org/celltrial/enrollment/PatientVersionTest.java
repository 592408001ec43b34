package org.celltrial.enrollment;

import static io.restassured.RestAssured.given;
import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.celltrial.testing.LongForm;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Every change of a patient's data is a new version and ETag, identifying data included; an update says which
 * version it was made against (no If-Match: *), and of two made against the same version one wins and the other
 * is told so (412), never a 500.
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class PatientVersionTest {

    private static final String PROBLEM = "application/problem+json";
    private static final int WRITERS = 10;
    /** Rounds of concurrent corrections of one patient; long form ({@code -Dcelltrial.long=true}) 1000. */
    private static final int ROUNDS = LongForm.size(3, 1000);

    @BeforeEach
    void sites() {
        EnrollmentRequests.ensureSite("SITE-01");
    }

    @Test
    void correctingOnlyTheBirthDateIsANewVersion() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));
        ExtractableResponse<Response> read = as("inv-site01").get(BASE + "/patients/" + id).then().statusCode(200)
                .extract();
        String etag = read.header("ETag");
        int version = read.path("version");

        Map<String, Object> correction = correction("2013-04-01", "Birth date misread from the referral letter");
        ExtractableResponse<Response> corrected = as("inv-site01").header("If-Match", etag).body(correction)
                .put(BASE + "/patients/" + id)
                .then().statusCode(200).body("birthDate", equalTo("2013-04-01")).extract();

        assertEquals(version + 1, (int) corrected.path("version"));
        assertNotEquals(etag, corrected.header("ETag"));
        assertEquals("\"" + (version + 1) + "\"", corrected.header("ETag"));
        as("inv-site01").get(BASE + "/patients/" + id).then().statusCode(200)
                .header("ETag", corrected.header("ETag"))
                .body("version", equalTo(version + 1)).body("birthDate", equalTo("2013-04-01"));
        // The version read before the correction is stale now.
        as("inv-site01").header("If-Match", etag).body(correction("2013-05-01", "again"))
                .put(BASE + "/patients/" + id)
                .then().statusCode(412).contentType(PROBLEM);
    }

    @Test
    void ifMatchStarIsRefusedAsNamingNoVersion() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));
        as("inv-site01").header("If-Match", "*").body(correction("2013-04-01", "Birth date misread"))
                .put(BASE + "/patients/" + id)
                .then().statusCode(428).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:precondition-required"));
        as("inv-site01").header("If-Match", "\"0\", *").body(correction("2013-04-01", "Birth date misread"))
                .put(BASE + "/patients/" + id)
                .then().statusCode(428).contentType(PROBLEM);
        as("inv-site01").get(BASE + "/patients/" + id).then().body("birthDate", equalTo("2013-03-01"))
                .body("version", equalTo(0));
    }

    /**
     * Rounds of {@link #WRITERS} corrections sent at once against the version just read: in every round exactly one
     * 200 and the rest 412, so after n rounds the patient is at version n with n audited corrections, never a 500.
     */
    @Test
    void ofConcurrentCorrectionsOfOneVersionOneWinsAndTheRestAre412() throws Exception {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));
        String token = Tokens.of("inv-site01");
        Map<Integer, Integer> total = new TreeMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String etag = given().auth().oauth2(token).get(BASE + "/patients/" + id).then().statusCode(200)
                        .extract().header("ETag");
                assertEquals("\"" + round + "\"", etag, "round " + round + " starts at version " + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int writer = 0; writer < WRITERS; writer++) {
                    // Half change identifying data only, half a measurement too: each must be a new version. Every
                    // body differs from what the round before stored.
                    int n = round * WRITERS + writer;
                    Map<String, Object> body = correction("2013-03-%02d".formatted(2 + writer),
                            "Round " + round + " writer " + writer);
                    if (writer % 2 == 1) {
                        body.put("weightKg", java.math.BigDecimal.valueOf(300 + n % 1000, 1));
                    }
                    answers.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(token).contentType("application/json")
                                .header("If-Match", etag).body(body).put(BASE + "/patients/" + id).then().extract()
                                .statusCode();
                    }));
                }
                start.countDown();
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (Future<Integer> answer : answers) {
                    statuses.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
                }
                statuses.forEach((status, count) -> total.merge(status, count, Integer::sum));
                assertEquals(Map.of(200, 1, 412, WRITERS - 1), statuses, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        as("inv-site01").get(BASE + "/patients/" + id).then().body("version", equalTo(ROUNDS))
                .header("ETag", "\"" + ROUNDS + "\"");
        assertEquals(ROUNDS, EnrollmentRequests.count(
                "SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'CORRECT'", id));
        assertEquals(Map.of(200, ROUNDS, 412, ROUNDS * (WRITERS - 1)), total);
        System.out.printf("PatientVersionTest: %d rounds of %d concurrent PUTs: %s, version %d, %d ms%n", ROUNDS,
                WRITERS, total, ROUNDS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static Map<String, Object> correction(String birthDate, String reason) {
        return new HashMap<>(Map.of("sex", "F", "birthDate", birthDate, "initials", "AB", "heightCm", 140,
                "weightKg", 32, "itpDiagnosisDate", "2018-01-15", "baselinePlateletCountPer1e9L", 9,
                "gpAutoantibodyPositive", true, "reason", reason));
    }
}
