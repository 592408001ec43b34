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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.celltrial.testing.ServiceFoundationTest;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    void forwardsPathQueryBodyTheCallersTokenAndTraceContext() {
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
                .withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"))
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

    @Test
    void refusesABodyLargerThanTheLimitBeforeForwarding() {
        String tooLarge = "{\"note\":\"" + "x".repeat(300 * 1024) + "\"}";
        given().auth().oauth2(Tokens.of("inv-site01"))
                .contentType("application/json").body(tooLarge)
                .post("/api/v1/enrollment/patients")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", is("urn:celltrial:problem:payload-too-large"))
                .body("detail", containsString("at most 262144"));
        assertEquals(0, UpstreamStubs.enrollment.getAllServeEvents().size(), "nothing reached the service");
    }

    @Test
    void putsSecurityHeadersOnEveryApiAnswer() {
        UpstreamStubs.enrollment.stubFor(get(urlEqualTo("/api/v1/enrollment/sites"))
                .willReturn(aResponse().withStatus(200).withHeader("Cache-Control", "max-age=600")
                        .withBody("{\"items\":[]}")));
        for (String path : List.of("/api/v1/enrollment/sites", "/api/v1/study/me")) {
            given().auth().oauth2(Tokens.of("data-manager"))
                    .get(path)
                    .then().statusCode(200)
                    .header("Cache-Control", "no-store")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Strict-Transport-Security", containsString("max-age="));
        }
    }

    @Test
    void allowsCrossOriginCallsOnlyFromTheConfiguredOrigins() {
        given().header("Origin", "https://web.celltrial.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type,Idempotency-Key")
                .options("/api/v1/enrollment/patients")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://web.celltrial.test")
                .header("Access-Control-Allow-Methods", containsString("POST"));

        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/enrollment/patients")
                .then().header("Access-Control-Allow-Origin", nullValue());
        assertEquals(0, UpstreamStubs.enrollment.getAllServeEvents().size(), "preflights are answered here");
    }

    @Test
    void logsWhoReadWhichPatientApartFromTheApplicationLog() throws Exception {
        String patientId = UUID.randomUUID().toString();
        UpstreamStubs.enrollment.stubFor(get(urlEqualTo("/api/v1/enrollment/patients/" + patientId + "?view=full"))
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        String token = Tokens.of("inv-site01");
        String requestId = "access-" + UUID.randomUUID();

        given().auth().oauth2(token).header("X-Request-Id", requestId)
                .get("/api/v1/enrollment/patients/" + patientId + "?view=full")
                .then().statusCode(200);
        given().header("X-Request-Id", requestId + "-anonymous")
                .get("/api/v1/enrollment/patients/" + patientId)
                .then().statusCode(401);

        JsonNode read = accessLogLine(requestId);
        assertEquals(Tokens.claim(token, "sub"), read.get("subject").asText());
        assertEquals("celltrial-cli", read.get("client").asText());
        assertEquals("GET", read.get("method").asText());
        assertEquals("/api/v1/enrollment/patients/" + patientId, read.get("path").asText(), "no query string");
        assertEquals(patientId, read.get("patientId").asText());
        assertEquals(200, read.get("status").asInt());
        assertEquals("served", read.get("outcome").asText());
        JsonNode refused = accessLogLine(requestId + "-anonymous");
        assertEquals("unauthenticated", refused.get("outcome").asText());
        assertEquals(true, refused.get("subject").isNull());

        String log = Files.readString(ACCESS_LOG);
        assertFalse(log.contains(token.substring(token.lastIndexOf('.') + 1)), "no token in the access log");
        assertFalse(log.contains("inv-site01"), "no user names in the access log");
    }

    private static final Path ACCESS_LOG = Path.of("target/access.log");

    /** The access log is written when the response ends, just after the client has it: wait for the line. */
    private static JsonNode accessLogLine(String requestId) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        for (int attempt = 0; attempt < 50; attempt++) {
            if (Files.exists(ACCESS_LOG)) {
                for (String line : Files.readAllLines(ACCESS_LOG)) {
                    JsonNode entry = json.readTree(line);
                    if (requestId.equals(entry.path("requestId").asText())) {
                        return entry;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no access log line for request " + requestId);
    }
}
