package org.celltrial.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Rate limits, timeouts and circuit breakers, with limits small enough to reach in a test: three requests a
 * minute per person, two per machine client; enrollment may be silent for 1 s and opens its circuit after two
 * requests it did not answer. Each test uses callers of its own, as buckets last for the application's life.
 */
@QuarkusTest
@TestProfile(GatewayLimitsTest.SmallLimits.class)
class GatewayLimitsTest {

    public static class SmallLimits extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "celltrial.gateway.rate-limits.person.requests", "3",
                    "celltrial.gateway.rate-limits.machine.requests", "2",
                    "celltrial.gateway.services.enrollment.idle-timeout", "1s",
                    "celltrial.gateway.services.enrollment.circuit-breaker.failure-threshold", "2",
                    "celltrial.gateway.services.enrollment.circuit-breaker.open-for", "5m");
        }
    }

    @Test
    void aPersonOverTheLimitGets429WithRetryAfterAndOthersAreNotAffected() {
        String token = Tokens.of("data-manager");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/study/me").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(token).get("/api/v1/study/me");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", is("urn:celltrial:problem:too-many-requests"))
                .body("detail", containsString("from this user"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After within the window: " + retryAfter);

        given().auth().oauth2(Tokens.of("safety-officer")).get("/api/v1/study/me").then().statusCode(200);
    }

    @Test
    void theSponsorSystemHasALimitOfItsOwn() {
        String machine = Tokens.sponsorSystem();
        given().auth().oauth2(machine).get("/api/v1/study/me").then().statusCode(200);
        given().auth().oauth2(machine).get("/api/v1/study/me").then().statusCode(200);
        given().auth().oauth2(machine).get("/api/v1/study/me").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("from this client"));
        // A fresh token of the same client counts against the same bucket.
        given().auth().oauth2(Tokens.sponsorSystem()).get("/api/v1/study/me").then().statusCode(429);

        given().auth().oauth2(Tokens.of("sponsor-user")).get("/api/v1/study/me").then().statusCode(200);
    }

    @Test
    void aSilentServiceGivesAFast503AndThenItsCircuitOpens() {
        UpstreamStubs.enrollment.resetAll();
        UpstreamStubs.enrollment.stubFor(get(urlPathMatching("/api/v1/enrollment/sites.*"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4_000).withBody("{\"items\":[]}")));
        String token = Tokens.of("inv-multi");

        for (int i = 0; i < 2; i++) {
            long started = System.nanoTime();
            given().auth().oauth2(token).get("/api/v1/enrollment/sites")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", containsString("enrollment service is unavailable (it did not answer)"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 3_500, "answered after the 1 s idle timeout, not the 4 s delay: " + millis + " ms");
        }
        assertEquals(2, UpstreamStubs.enrollment.getAllServeEvents().size());

        given().auth().oauth2(Tokens.of("monitor-site01")).get("/api/v1/enrollment/sites")
                .then().statusCode(503)
                .header("Retry-After", "5")
                .body("detail", containsString("circuit open"));
        assertEquals(2, UpstreamStubs.enrollment.getAllServeEvents().size(), "the open circuit did not forward");

        // Only enrollment's circuit is open: the gateway's own endpoints still answer.
        given().auth().oauth2(Tokens.of("admin-user")).get("/api/v1/study/me").then().statusCode(200);
    }
}
