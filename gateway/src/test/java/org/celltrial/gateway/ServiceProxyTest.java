package org.celltrial.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.celltrial.testing.ServiceFoundationTest;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ServiceProxyTest {

    @BeforeEach
    void resetUpstream() {
        UpstreamStubs.enrollment.resetAll();
    }

    @Test
    void forwardsPathQueryBodyAndTheCallersTokenUnchanged() {
        UpstreamStubs.enrollment.stubFor(post(urlEqualTo("/api/v1/enrollment/sites?dryRun=true"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"SITE-09\"}")));
        String token = Tokens.of("admin-user");

        given().auth().oauth2(token)
                .contentType("application/json")
                .body("{\"code\":\"SITE-09\",\"name\":\"Ninth\"}")
                .post("/api/v1/enrollment/sites?dryRun=true")
                .then().statusCode(201)
                .body("code", is("SITE-09"))
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));

        UpstreamStubs.enrollment.verify(postRequestedFor(urlEqualTo("/api/v1/enrollment/sites?dryRun=true"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-Request-Id", matching("[0-9a-f-]{36}"))
                .withRequestBody(equalToJson("{\"code\":\"SITE-09\",\"name\":\"Ninth\"}")));
    }

    @Test
    void passesOnTheCallersRequestId() {
        UpstreamStubs.enrollment.stubFor(get(urlEqualTo("/api/v1/enrollment/sites"))
                .willReturn(aResponse().withStatus(200).withBody("{\"items\":[]}")));

        given().auth().oauth2(Tokens.of("data-manager"))
                .header("X-Request-Id", "trace-42")
                .get("/api/v1/enrollment/sites")
                .then().statusCode(200)
                .header("X-Request-Id", "trace-42");

        UpstreamStubs.enrollment.verify(getRequestedFor(urlEqualTo("/api/v1/enrollment/sites"))
                .withHeader("X-Request-Id", equalTo("trace-42")));
    }

    @Test
    void refusesRequestsWithoutTokenBeforeForwarding() {
        given().get("/api/v1/enrollment/sites")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", is("urn:celltrial:problem:unauthorized"));
        assertEquals(0, UpstreamStubs.enrollment.getAllServeEvents().size(), "nothing reached the service");
    }

    @Test
    void refusesAlteredTokensBeforeForwarding() {
        given().auth().oauth2(Tokens.withAlteredSignature(Tokens.of("inv-site01")))
                .get("/api/v1/enrollment/sites")
                .then().statusCode(401)
                .contentType("application/problem+json");
        assertEquals(0, UpstreamStubs.enrollment.getAllServeEvents().size(), "nothing reached the service");
    }

    @Test
    void refusesWhatTheCallersRoleMayNotDoBeforeForwarding() {
        String body = given().auth().oauth2(Tokens.of("sponsor-user"))
                .contentType("application/json").body("{}")
                .post("/api/v1/enrollment/patients")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", is("urn:celltrial:problem:forbidden"))
                .extract().asString();
        ServiceFoundationTest.assertNoInternals(body);
        assertEquals(0, UpstreamStubs.enrollment.getAllServeEvents().size(), "nothing reached the service");
    }

    @Test
    void answersADownServiceWith503ProblemNamingIt() {
        String body = given().auth().oauth2(Tokens.of("safety-officer"))
                .get("/api/v1/safety/summary")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", is("urn:celltrial:problem:service-unavailable"))
                .body("detail", containsString("safety"))
                .extract().asString();
        ServiceFoundationTest.assertNoInternals(body);
    }

    @Test
    void servesItsOwnCallerView() {
        given().auth().oauth2(Tokens.of("inv-site02"))
                .get("/api/v1/study/me")
                .then().statusCode(200)
                .body("username", is("inv-site02"))
                .body("sites[0]", is("SITE-02"));
    }
}
