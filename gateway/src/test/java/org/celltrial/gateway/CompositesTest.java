package org.celltrial.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.celltrial.testing.KeycloakTestResource;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The composites against the three services played by WireMock, the caller's real token passed through. */
@QuarkusTest
@TestProfile(CompositesTest.AllServicesStubbed.class)
class CompositesTest {

    public static class AllServicesStubbed implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeycloakTestResource.class),
                    new TestResourceEntry(CompositeStubs.class));
        }
    }

    private static final UUID PATIENT = UUID.fromString("0b7a9c1e-1111-4a4a-8888-123456789abc");
    private static final String P = "/api/v1/%s/patients/" + PATIENT;

    @BeforeEach
    void stubServices() {
        CompositeStubs.services.resetAll();
        stub(P.formatted("enrollment") + "/course", """
                {"patient": {"id": "%s", "subjectId": "CT-SITE-01-001", "siteCode": "SITE-01", "status": "FOLLOW_UP",
                             "consentDate": "2024-02-10", "doseLevel": "DL1", "day0": "2024-03-01"},
                 "lymphodepletion": {"plan": null, "administrations": []}, "schedule": {"visits": []},
                 "therapies": [{"kind": "RESCUE", "agent": "IVIG", "start": "2024-03-05"},
                               {"kind": "SUBSEQUENT", "agent": "daratumumab", "start": "2024-12-01"}],
                 "deviations": []}""".formatted(PATIENT));
        stub(P.formatted("safety") + "/course", """
                {"crs": {"maxGrade": 1, "episodes": [{"onset": "2024-03-02T06:00:00Z", "onsetDay": 1, "maxGrade": 1}]},
                 "icans": {"maxGrade": 0, "episodes": []}, "icaht": {"grade": 0}, "adverseEvents": [],
                 "queries": [], "signatures": []}""");
        stub(P.formatted("efficacy") + "/course", """
                {"response": {"bestResponse": "R", "firstResponseDate": "2024-03-20"},
                 "plateletCounts": [{"date": "2024-03-20", "valuePer1e9L": 31}],
                 "autoantibodies": {"items": []},
                 "carTKinetics": {"items": [{"date": "2024-03-11", "copiesPerUgDna": 5}]},
                 "bCells": {"items": []}, "queries": [], "signatures": null}""");
    }

    @Test
    void theCourseComesFromAllThreeServicesOnOneTimelineWithTheCallersToken() {
        String token = Tokens.of("inv-site01");

        given().auth().oauth2(token)
                .get("/api/v1/study/patients/" + PATIENT + "/course")
                .then().statusCode(200)
                .body("subjectId", is("CT-SITE-01-001"))
                .body("day0", is("2024-03-01"))
                .body("unavailable", empty())
                .body("parts.safety", is("available"))
                .body("enrollment.therapies.agent", contains("IVIG", "daratumumab"))
                .body("safety.crs.maxGrade", is(1))
                .body("efficacy.response.bestResponse", is("R"))
                .body("timeline.kind", contains("enrollment", "infusion", "crs", "therapy", "car-t-kinetics",
                        "platelets", "response", "therapy"))
                .body("timeline.studyDay", contains(-20, 0, 1, 4, 10, 19, 19, 275));

        // one call a service for its share, each with the caller's token
        for (String service : List.of("enrollment", "safety", "efficacy")) {
            CompositeStubs.services.verify(1, getRequestedFor(urlPathMatching("/api/v1/" + service + "/.*")));
            CompositeStubs.services.verify(getRequestedFor(urlPathEqualTo(P.formatted(service) + "/course"))
                    .withHeader("Authorization", equalTo("Bearer " + token)));
        }
    }

    /** A service's refusal of its share (efficacy's 409 before Day 0) is the section's, as the service answered. */
    @Test
    void aServiceRefusingItsShareLeavesItsSectionOutWithItsState() {
        CompositeStubs.services.stubFor(get(urlPathEqualTo(P.formatted("efficacy") + "/course"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\": 409, \"detail\": \"not infused\"}")));

        given().auth().oauth2(Tokens.of("inv-site01"))
                .get("/api/v1/study/patients/" + PATIENT + "/course")
                .then().statusCode(200)
                .body("parts.efficacy", is("not-found"))
                .body("efficacy", nullValue())
                .body("unavailable", empty())
                .body("safety.icans.maxGrade", is(0))
                .body("safety.adverseEvents", empty());
    }

    @Test
    void aServiceThatDoesNotAnswerIsMarkedUnavailableAndTheOthersStillCome() {
        CompositeStubs.services.stubFor(get(urlPathMatching("/api/v1/safety/.*"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().auth().oauth2(Tokens.of("safety-officer"))
                .get("/api/v1/study/patients/" + PATIENT + "/course")
                .then().statusCode(200)
                .body("unavailable", contains("safety"))
                .body("parts.safety", is("unavailable"))
                .body("safety", nullValue())
                .body("enrollment.patient.subjectId", is("CT-SITE-01-001"))
                .body("efficacy.response.bestResponse", is("R"))
                .body("timeline.kind", hasItem("platelets"));
    }

    /**
     * A service that refuses the token the gateway accepted (401) has said nothing about the patient: its part is
     * unavailable, and the course is not a 404 "no such patient" (seen under load with a bulkhead tried on the course:
     * docs/performance.md, run 17).
     */
    @Test
    void aServiceRefusingTheForwardedTokenIsUnavailableNotAPatientNotFound() {
        CompositeStubs.services.stubFor(get(urlPathMatching("/api/v1/enrollment/.*"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\": 401, \"detail\": \"A valid bearer token is required\"}")));

        given().auth().oauth2(Tokens.of("inv-site01"))
                .get("/api/v1/study/patients/" + PATIENT + "/course")
                .then().statusCode(200)
                .body("unavailable", contains("enrollment"))
                .body("parts.enrollment", is("unavailable"))
                .body("efficacy.response.bestResponse", is("R"));
    }

    @Test
    void aPatientEnrollmentDoesNotShowThisCallerIs404() {
        CompositeStubs.services.stubFor(get(urlPathEqualTo(P.formatted("enrollment") + "/course"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\": 404}")));

        given().auth().oauth2(Tokens.of("inv-site02"))
                .get("/api/v1/study/patients/" + PATIENT + "/course")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(PATIENT.toString()));
    }

    @Test
    void theStudySummaryComposesTheThreeServicesSummariesAtTheSameCutOff() {
        stub("/api/v1/enrollment/summary", """
                {"enrolled": 2, "ageYears": {"median": 10, "min": 8, "max": 12}, "femalePercent": 50.0,
                 "lymphodepleted": 1}""");
        stub("/api/v1/safety/summary", """
                {"patients": 1, "crsPatientsByMaxGrade": {"0": 0, "1": 1}, "icansPatientsByMaxGrade": {"0": 0, "3": 1}}
                """);
        stub("/api/v1/efficacy/summary", """
                {"byBestResponse": {"CR": 1, "R": 0, "NR": 1, "NE": 0}, "orr": {"percent": 50.0},
                 "completeResponse": {"percent": 50.0}, "bCellAplasiaSustained": 2,
                 "gpAutoantibodyPositiveAtBaseline": 1, "gpAutoantibodyAllNegativeAfter": 1}""");

        given().auth().oauth2(Tokens.sponsorSystem())
                .get("/api/v1/study/summary?asOf=2025-06-15&siteCode=SITE-01")
                .then().statusCode(200)
                .body("asOf", is("2025-06-15"))
                .body("enrolled", is(2))
                .body("ageYears.median", is(10))
                .body("crs.patientsByMaxGrade.0", is(1))
                .body("crs.patientsByMaxGrade.1", is(1))
                .body("icans.patientsByMaxGrade.3", is(1))
                .body("response.CR", is(1))
                .body("response.orrPercent", is(50.0f))
                .body("bCellAplasiaSustained", is(2))
                .body("unavailable", empty());

        for (String service : List.of("enrollment", "safety", "efficacy")) {
            CompositeStubs.services.verify(getRequestedFor(urlPathEqualTo("/api/v1/" + service + "/summary"))
                    .withQueryParam("asOf", equalTo("2025-06-15"))
                    .withQueryParam("siteCode", equalTo("SITE-01")));
        }
        // the figures without a row per patient, which the study summary does not show
        for (String service : List.of("enrollment", "safety", "efficacy")) {
            CompositeStubs.services.verify(getRequestedFor(urlPathEqualTo("/api/v1/" + service + "/summary"))
                    .withQueryParam("patients", equalTo("false")));
        }
    }

    /**
     * A summary is a report of the whole study: it may take longer than a patient's composites (3 s) and is asked once,
     * not retried (Part.REPORT_TIMEOUT_MS), whichever service's client asks it.
     */
    @Test
    void aServicesSummaryMayTakeLongerThanACourseAndIsAskedOnce() {
        CompositeStubs.services.stubFor(get(urlPathEqualTo("/api/v1/enrollment/summary"))
                .willReturn(okJson("{\"enrolled\": 3}").withFixedDelay(3_500)));
        CompositeStubs.services.stubFor(get(urlPathEqualTo("/api/v1/safety/summary"))
                .willReturn(aResponse().withStatus(500)));
        stub("/api/v1/efficacy/summary", "{\"byBestResponse\": {\"CR\": 1}}");

        given().auth().oauth2(Tokens.of("data-manager"))
                .get("/api/v1/study/summary?asOf=2025-06-15")
                .then().statusCode(200)
                .body("enrolled", is(3))
                .body("response.CR", is(1))
                .body("unavailable", contains("safety"));
        for (String service : List.of("enrollment", "safety", "efficacy")) {
            CompositeStubs.services.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/" + service + "/summary")));
        }
    }

    @Test
    void theSummaryRefusesABadCutOffAndRolesThatMayNotReadIt() {
        given().auth().oauth2(Tokens.of("data-manager"))
                .get("/api/v1/study/summary?asOf=15/06/2025")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", is("asOf"));
        given().auth().oauth2(Tokens.of("inv-site01"))
                .get("/api/v1/study/summary")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("sponsor-user"))
                .get("/api/v1/study/patients/" + PATIENT + "/course")
                .then().statusCode(403);
        CompositeStubs.services.verify(0, getRequestedFor(urlPathMatching("/api/v1/.*/summary")));
    }

    private static void stub(String path, String json) {
        CompositeStubs.services.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(json)));
    }
}
