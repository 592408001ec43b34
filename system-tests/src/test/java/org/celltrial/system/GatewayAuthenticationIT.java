package org.celltrial.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.celltrial.testing.ServiceFoundationTest;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A real token from the real Keycloak gets through the gateway to every service; a missing, altered or
 * expired one is refused with a 401 problem, by the gateway and by each service on its own.
 */
class GatewayAuthenticationIT {

    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"enrollment", "safety", "efficacy"})
    void aValidTokenReachesEachServiceThroughTheGateway(String service) {
        given().auth().oauth2(Tokens.of("inv-site01"))
                .get(suite.gateway.url() + "/api/v1/" + service + "/me")
                .then().statusCode(200)
                .body("username", equalTo("inv-site01"))
                .body("roles", equalTo(List.of("investigator")))
                .body("sites", equalTo(List.of("SITE-01")));
    }

    @Test
    void theSponsorSystemsClientCredentialsTokenGetsThroughAsSponsor() {
        given().auth().oauth2(Tokens.sponsorSystem())
                .get(suite.gateway.url() + "/api/v1/safety/me")
                .then().statusCode(200)
                .body("roles", hasItem("sponsor"));
    }

    @Test
    void noTokenIs401ProblemAtTheGateway() {
        String body = given().get(suite.gateway.url() + "/api/v1/enrollment/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:celltrial:problem:unauthorized"))
                .extract().asString();
        ServiceFoundationTest.assertNoInternals(body);
    }

    @Test
    void anAlteredSignatureIs401AtTheGatewayAndAtTheService() {
        String altered = Tokens.withAlteredSignature(Tokens.of("inv-site01"));
        given().auth().oauth2(altered).get(suite.gateway.url() + "/api/v1/enrollment/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(altered).get(suite.enrollment.url() + "/api/v1/enrollment/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIs401AtTheGatewayAndAtTheService() throws InterruptedException {
        String token = Tokens.expiringIn("inv-site02", 10);
        given().auth().oauth2(token).get(suite.gateway.url() + "/api/v1/efficacy/me")
                .then().statusCode(200).body("username", equalTo("inv-site02"));

        // Past expiry plus the 5 s clock skew both sides allow.
        long waitUntil = Tokens.expiresAt(token) + 7;
        while (Instant.now().getEpochSecond() < waitUntil) {
            Thread.sleep(500);
        }
        assertTrue(Instant.now().getEpochSecond() > Tokens.expiresAt(token));

        given().auth().oauth2(token).get(suite.gateway.url() + "/api/v1/efficacy/me")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:celltrial:problem:unauthorized"));
        given().auth().oauth2(token).get(suite.efficacy.url() + "/api/v1/efficacy/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void eachServiceRefusesARequestWithoutTokenEvenBehindTheGateway() {
        for (ServiceProcess service : List.of(suite.enrollment, suite.safety, suite.efficacy)) {
            String prefix = service.module.replace("-service", "");
            given().get(service.url() + "/api/v1/" + prefix + "/me")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }
}
