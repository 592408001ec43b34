package org.celltrial.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Plays enrollment-service for safety and efficacy tests: its patient reference endpoint answers what a test
 * stubs, including its failures (500s, delays past the client's timeout, "not found"); its protocol endpoints
 * answer the reference protocol unless a test amends it. Its bulk endpoints ({@code POST …/patients/references} and
 * {@code POST …/reference-revisions}) answer every reference stubbed so far (the callers look up those they asked
 * for), the second each one's revision, new each time a test stubs the patient; both fail with the status of any
 * patient stubbed as failing and are as slow as the slowest patient.
 */
public class EnrollmentStub implements QuarkusTestResourceLifecycleManager {

    /** The reference protocol's safety grading settings, as enrollment-service's migration V2_3 stores them. */
    public static final String DEFAULT_SAFETY_GRADING = "{\"episodeResolutionWindowHours\":24,\"capdMaxAgeYears\":12,"
            + "\"ctcaeVersion\":\"5.0\",\"labBaselineAnchor\":\"FIRST_LYMPHODEPLETION_DAY\","
            + "\"labBaselineLookBackDays\":14}";

    /** The reference protocol's IWG response settings, as enrollment-service's migration V2_5 stores them. */
    public static final String DEFAULT_EFFICACY_RESPONSE = "{\"completeResponsePer1e9L\":100,\"responsePer1e9L\":30,"
            + "\"responseBaselineMultiple\":2,\"confirmationDays\":7,\"confirmationStrictlyMore\":true,"
            + "\"lossDays\":1,\"bleedingWhoGradeThreshold\":2,\"acceptUnassessedBleeding\":false,"
            + "\"exposureWindows\":{"
            + "\"GLUCOCORTICOID\":{\"windowDays\":28,\"trigger\":\"ABOVE_BASELINE_DOSE\"},"
            + "\"IVIG\":{\"windowDays\":28,\"trigger\":\"ANY_DOSE\"},"
            + "\"ANTI_D\":{\"windowDays\":28,\"trigger\":\"ANY_DOSE\"},"
            + "\"PLATELET_TRANSFUSION\":{\"windowDays\":28,\"trigger\":\"ANY_DOSE\"},"
            + "\"TPO_RA\":{\"windowDays\":28,\"trigger\":\"STARTED_OR_INCREASED_AFTER_DAY0\"}}}";

    public static final String REFERENCES_PATH = "/api/v1/enrollment/patients/references";
    public static final String REFERENCE_REVISIONS_PATH = "/api/v1/enrollment/patients/reference-revisions";

    /** Each reference stubbed gets a new revision, as enrollment raises it at every change. */
    private static final AtomicLong REVISIONS = new AtomicLong();

    private static WireMockServer server;

    /** What the bulk endpoint knows: each patient's reference JSON, failing status (not 404) or delay. */
    private static final Map<UUID, String> references = new LinkedHashMap<>();
    private static final Map<UUID, Integer> failing = new LinkedHashMap<>();
    private static final Map<UUID, Integer> delays = new LinkedHashMap<>();
    private static final Map<UUID, Long> revisions = new LinkedHashMap<>();
    private static StubMapping bulk;
    private static StubMapping revisionsStub;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        protocolInForce(1, DEFAULT_SAFETY_GRADING, DEFAULT_EFFICACY_RESPONSE);
        return Map.of("quarkus.rest-client.enrollment.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** Forgets every stub but the protocol, which is back at version 1 with the default settings. */
    public static void reset() {
        server.resetAll();
        references.clear();
        revisions.clear();
        failing.clear();
        delays.clear();
        bulk = null;
        revisionsStub = null;
        protocolInForce(1, DEFAULT_SAFETY_GRADING, DEFAULT_EFFICACY_RESPONSE);
    }

    /**
     * Enrollment answers this protocol version as the one in force, and under its own version number. The
     * settings are the JSON of {@code safetyGrading} and {@code efficacyResponse} (docs/clinical-rules.md, Protocol
     * settings).
     */
    public static void protocolInForce(int version, String safetyGradingJson, String efficacyResponseJson) {
        String json = "{\"version\":" + version + ",\"safetyGrading\":" + safetyGradingJson
                + ",\"efficacyResponse\":" + efficacyResponseJson + "}";
        for (String path : new String[] {"/api/v1/enrollment/protocol",
                "/api/v1/enrollment/protocol/versions/" + version}) {
            server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(json)));
        }
    }

    /**
     * A new patient of this site as enrollment answers it: infused on 2025-03-01, born 1999-05-01, no therapies.
     */
    public static UUID newInfusedPatient(String siteCode) {
        UUID patient = UUID.randomUUID();
        reference(patient, """
                {"id":"%s","subjectId":"CT-%s-%s","siteCode":"%s","birthDate":"1999-05-01",
                 "day0":"2025-03-01","therapies":[]}
                """.formatted(patient, siteCode, patient.toString().substring(0, 4), siteCode));
        return patient;
    }

    /** Enrollment answers this reference for the patient (JSON as enrollment-service writes it). */
    public static void reference(UUID patientId, String json) {
        server.stubFor(get(urlEqualTo(path(patientId)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
        bulk(patientId, json, null, null);
    }

    /** Enrollment answers with this status (404 for a patient it does not show the caller, 500...). */
    public static void status(UUID patientId, int status) {
        server.stubFor(get(urlEqualTo(path(patientId)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":" + status + "}")));
        bulk(patientId, null, status == 404 ? null : status, null);
    }

    /** Enrollment answers, but only after the delay (past the client's timeout). */
    public static void slow(UUID patientId, String json, int delayMillis) {
        server.stubFor(get(urlEqualTo(path(patientId)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)
                        .withFixedDelay(delayMillis)));
        bulk(patientId, json, null, delayMillis);
    }

    /** The patient's part of the bulk endpoint's answer (null: none), then the endpoint's stub made anew. */
    private static void bulk(UUID patientId, String json, Integer failingStatus, Integer delayMillis) {
        put(references, patientId, json == null ? null : json.strip());
        put(revisions, patientId, json == null ? null : REVISIONS.incrementAndGet());
        put(failing, patientId, failingStatus);
        put(delays, patientId, delayMillis);
        if (bulk != null) {
            server.removeStub(bulk);
            server.removeStub(revisionsStub);
        }
        int status = failing.values().stream().findFirst().orElse(200);
        String all = "[" + String.join(",", references.values()) + "]";
        String revisionsJson = revisions.entrySet().stream()
                .map(patient -> "\"" + patient.getKey() + "\":" + patient.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        bulk = server.stubFor(post(urlEqualTo(REFERENCES_PATH)).willReturn(answer(status, all)));
        revisionsStub = server.stubFor(post(urlEqualTo(REFERENCE_REVISIONS_PATH))
                .willReturn(answer(status, "{\"revisions\":" + revisionsJson + "}")));
    }

    /** The bulk endpoints' answer: the JSON, or the failing status as a problem; as slow as the slowest patient. */
    private static ResponseDefinitionBuilder answer(int status, String json) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", status == 200 ? "application/json" : "application/problem+json")
                .withBody(status == 200 ? json : "{\"status\":" + status + "}")
                .withFixedDelay(delays.values().stream().max(Integer::compare).orElse(0));
    }

    private static <T> void put(Map<UUID, T> map, UUID patientId, T value) {
        if (value == null) {
            map.remove(patientId);
        } else {
            map.put(patientId, value);
        }
    }

    public static String path(UUID patientId) {
        return "/api/v1/enrollment/patients/" + patientId + "/reference";
    }
}
