package org.celltrial.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.response.Response;

/**
 * Through the gateway, against the real services and Keycloak: every role against every route group (allowed,
 * 403, 404 across sites), the tokens that must fail, and the sponsor system's rate limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayAccessIT {

    private static final String SITE = "SITE-01";
    private static RunningSuite suite;
    private static String patientId;

    /** A request that, when allowed, reaches a service and is answered by it (any status but 401/403). */
    record Route(String group, String method, String path, Set<String> allowed) {
    }

    private static final Set<String> CLINICAL_READERS = Set.of("inv-site01", "monitor-site01", "data-manager",
            "safety-officer");
    private static final Set<String> CLINICAL_WRITERS = Set.of("inv-site01", "data-manager");
    private static final Set<String> REPORT_READERS = Set.of("data-manager", "safety-officer", "sponsor-user",
            "sponsor-system");
    private static final List<String> CALLERS = List.of("inv-site01", "monitor-site01", "data-manager",
            "safety-officer", "sponsor-user", "sponsor-system", "admin-user");

    @BeforeAll
    static void startSuiteWithAPatient() {
        suite = RunningSuite.get();
        Response site = given().auth().oauth2(Tokens.of("admin-user")).contentType("application/json")
                .body(Map.of("code", SITE, "name", "First site"))
                .post(suite.gateway.url() + "/api/v1/enrollment/sites");
        assertTrue(site.statusCode() == 201 || site.statusCode() == 409, "site created or there: " + site.asString());
        patientId = given().auth().oauth2(Tokens.of("inv-site01")).contentType("application/json")
                .body(Map.of("siteCode", SITE, "screeningNumber", "ACCESS-" + UUID.randomUUID().toString().substring(0, 8),
                        "sex", "F", "birthDate", "2010-05-01", "heightCm", 150, "weightKg", 45,
                        "itpDiagnosisDate", "2015-01-01", "baselinePlateletCountPer1e9L", 12, "priorTherapies", List.of()))
                .post(suite.gateway.url() + "/api/v1/enrollment/patients")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static List<Route> routes() {
        String patient = "/patients/" + patientId;
        return List.of(
                new Route("protocol: read", "GET", "/api/v1/enrollment/protocol", Set.copyOf(CALLERS)),
                new Route("protocol: amend", "PUT", "/api/v1/enrollment/protocol", Set.of("admin-user")),
                new Route("sites: open", "POST", "/api/v1/enrollment/sites", Set.of("admin-user")),
                new Route("patients: list", "GET", "/api/v1/enrollment/patients", CLINICAL_READERS),
                new Route("patients: screen", "POST", "/api/v1/enrollment/patients", CLINICAL_WRITERS),
                new Route("patient: read", "GET", "/api/v1/enrollment" + patient, CLINICAL_READERS),
                new Route("enrollment summary", "GET", "/api/v1/enrollment/summary", REPORT_READERS),
                new Route("vitals: record", "POST", "/api/v1/safety" + patient + "/vitals", CLINICAL_WRITERS),
                new Route("CRS: read", "GET", "/api/v1/safety" + patient + "/crs", CLINICAL_READERS),
                new Route("safety summary", "GET", "/api/v1/safety/summary", REPORT_READERS),
                new Route("SDTM export", "GET", "/api/v1/safety/export/sdtm-ae", REPORT_READERS),
                new Route("SAEs due", "GET", "/api/v1/safety/sae/due", Set.of("data-manager", "safety-officer")),
                new Route("platelets: record", "POST", "/api/v1/efficacy" + patient + "/platelet-counts",
                        CLINICAL_WRITERS),
                new Route("response: read", "GET", "/api/v1/efficacy" + patient + "/response", CLINICAL_READERS),
                new Route("efficacy summary", "GET", "/api/v1/efficacy/summary", REPORT_READERS),
                new Route("study summary", "GET", "/api/v1/study/summary", REPORT_READERS),
                new Route("patient course", "GET", "/api/v1/study" + patient + "/course", CLINICAL_READERS));
    }

    @Test
    @Order(1)
    void everyRoleAgainstEveryRouteGroup() {
        List<String> wrong = new ArrayList<>();
        for (String caller : CALLERS) {
            String token = token(caller);
            for (Route route : routes()) {
                // Writes carry an empty body: an allowed caller gets the service's 400/428, not 403.
                Response response = given().auth().oauth2(token).contentType("application/json")
                        .body(route.method().equals("GET") ? "" : "{}")
                        .request(route.method(), suite.gateway.url() + route.path());
                boolean allowed = route.allowed().contains(caller);
                int status = response.statusCode();
                if (allowed ? (status == 401 || status == 403 || status >= 500) : status != 403) {
                    wrong.add(caller + " " + route.method() + " " + route.group() + " -> " + status
                            + (allowed ? " (should be allowed)" : " (should be 403)"));
                }
                if (!allowed) {
                    assertEquals("application/problem+json", response.contentType(), route.group());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/enrollment/patients/%s", "/api/v1/safety/patients/%s/crs",
            "/api/v1/efficacy/patients/%s/response", "/api/v1/study/patients/%s/course"})
    void anotherSitesPatientIsNotFound(String path) {
        given().auth().oauth2(Tokens.of("inv-site02"))
                .get(suite.gateway.url() + path.formatted(patientId))
                .then().statusCode(404)
                .contentType("application/problem+json");
        // inv-multi holds SITE-01 too: found (a response before Day 0 is a 409 conflict, not a 404)
        given().auth().oauth2(Tokens.of("inv-multi"))
                .get(suite.gateway.url() + path.formatted(patientId))
                .then().statusCode(anyOf(is(200), is(409)));
    }

    @Test
    void aListQueryForAnotherSiteIsRefusedAtTheGateway() {
        given().auth().oauth2(Tokens.of("inv-site02"))
                .get(suite.gateway.url() + "/api/v1/enrollment/patients?siteCode=SITE-01")
                .then().statusCode(403)
                .body("detail", containsString("SITE-01"));
        given().auth().oauth2(Tokens.of("inv-site01"))
                .get(suite.gateway.url() + "/api/v1/enrollment/patients?siteCode=SITE-01")
                .then().statusCode(200);
    }

    @Test
    void tokensThatMustFailAre401AtTheGatewayAndAtTheService() {
        String valid = Tokens.of("inv-site01");
        Map<String, String> bad = Map.of(
                "wrong issuer (master realm)", Tokens.fromOtherRealm(),
                "wrong audience", Tokens.withoutApiAudience("inv-site01"),
                "altered signature", Tokens.withAlteredSignature(valid),
                "alg none", Tokens.unsigned(valid));
        bad.forEach((why, token) -> {
            for (String base : List.of(suite.gateway.url(), suite.enrollment.url())) {
                given().auth().oauth2(token)
                        .get(base + "/api/v1/enrollment/me")
                        .then().statusCode(401)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:celltrial:problem:unauthorized"));
            }
        });
        given().auth().oauth2(valid).get(suite.gateway.url() + "/api/v1/enrollment/me").then().statusCode(200);
    }

    /** Last: it spends the sponsor system's bucket for the rest of the minute. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theSponsorSystemIsRateLimitedOnItsOwn() {
        String machine = Tokens.sponsorSystem();
        int served = 0;
        Response refused = null;
        for (int i = 0; i < RunningSuite.MACHINE_REQUESTS_PER_MINUTE + 5 && refused == null; i++) {
            Response response = given().auth().oauth2(machine).get(suite.gateway.url() + "/api/v1/safety/me");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode());
                served++;
            }
        }
        assertTrue(refused != null, "a burst beyond the limit is refused");
        assertTrue(served <= RunningSuite.MACHINE_REQUESTS_PER_MINUTE, "served " + served);
        refused.then().contentType("application/problem+json")
                .body("type", equalTo("urn:celltrial:problem:too-many-requests"));
        assertNotEquals(null, refused.header("Retry-After"));
        given().auth().oauth2(Tokens.of("sponsor-user")).get(suite.gateway.url() + "/api/v1/safety/me")
                .then().statusCode(200);
    }

    private static String token(String caller) {
        return caller.equals("sponsor-system") ? Tokens.sponsorSystem() : Tokens.of(caller);
    }
}
