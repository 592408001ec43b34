package org.celltrial.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * A stopped service: the gateway answers for it with a fast 503 problem naming it, the other services keep
 * answering, and the patient course comes with that part marked unavailable. The service is started again
 * afterwards (same port, same data), and the gateway routes to it again once its circuit lets a request through.
 */
class ServiceOutageIT {

    private static RunningSuite suite;
    private static String patientId;

    @BeforeAll
    static void startSuiteWithAPatient() {
        suite = RunningSuite.get();
        Response site = given().auth().oauth2(Tokens.of("admin-user")).contentType("application/json")
                .body(Map.of("code", "SITE-02", "name", "Second site"))
                .post(suite.gateway.url() + "/api/v1/enrollment/sites");
        assertTrue(site.statusCode() == 201 || site.statusCode() == 409, site.asString());
        patientId = given().auth().oauth2(Tokens.of("inv-site02")).contentType("application/json")
                .body(Map.of("siteCode", "SITE-02", "screeningNumber", "OUTAGE-" + UUID.randomUUID().toString().substring(0, 8),
                        "sex", "M", "birthDate", "2001-02-03", "heightCm", 180, "weightKg", 80,
                        "itpDiagnosisDate", "2012-01-01", "baselinePlateletCountPer1e9L", 20, "priorTherapies", List.of()))
                .post(suite.gateway.url() + "/api/v1/enrollment/patients")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aStoppedServiceIsAFast503WhileTheOthersAndTheCourseStillAnswer() throws Exception {
        String token = Tokens.of("inv-site02");
        suite.efficacy.close();
        try {
            long started = System.nanoTime();
            given().auth().oauth2(token)
                    .get(suite.gateway.url() + "/api/v1/efficacy/patients/" + patientId + "/response")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body("detail", containsString("efficacy service is unavailable"));
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(millis < 3_000, "503 within 3 s, took " + millis + " ms");

            given().auth().oauth2(token)
                    .get(suite.gateway.url() + "/api/v1/enrollment/patients/" + patientId)
                    .then().statusCode(200);
            given().auth().oauth2(token)
                    .get(suite.gateway.url() + "/api/v1/safety/patients/" + patientId + "/crs")
                    .then().statusCode(200);

            given().auth().oauth2(token)
                    .get(suite.gateway.url() + "/api/v1/study/patients/" + patientId + "/course")
                    .then().statusCode(200)
                    .body("unavailable", equalTo(List.of("efficacy")))
                    .body("parts.enrollment", equalTo("available"))
                    .body("parts.safety", equalTo("available"))
                    .body("efficacy", nullValue())
                    .body("enrollment.patient.siteCode", equalTo("SITE-02"))
                    .body("timeline.kind", hasItem("screening"));
        } finally {
            suite.efficacy.restart();
            RunningSuite.awaitReady(suite.efficacy);
        }
        awaitRoutedAgain(token, "/api/v1/efficacy/patients/" + patientId + "/response");
    }

    private static void awaitRoutedAgain(String token, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = given().auth().oauth2(token).get(suite.gateway.url() + path).statusCode();
            if (status != 503) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the gateway still answers " + status + " for the restarted efficacy service");
    }
}
