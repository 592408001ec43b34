package org.celltrial.safety;

import static io.restassured.RestAssured.given;
import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** What sponsors pull: the change feed while writes continue, and serious events' reporting deadlines. */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class SponsorReportingTest {

    private static final int WRITERS = 12;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID patient;

    @BeforeEach
    void patient() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        patient = EnrollmentStub.newInfusedPatient("SITE-02");
    }

    @Test
    void theFeedHasNoGapsOrDuplicatesWhilePagesArePulledDuringWrites() throws Exception {
        String sponsor = Tokens.sponsorSystem();
        String cursor = drain(sponsor, null);
        String investigator = Tokens.of("inv-site02");

        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Map<String, Object> event = event("Concurrent event " + i, false, List.of(), null);
            writes.add(writers.submit(() -> given().auth().oauth2(investigator).contentType("application/json")
                    .body(event).post("/api/v1/safety/patients/" + patient + "/adverse-events").statusCode()));
        }

        List<String> seen = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seen.size() < WRITERS && System.nanoTime() < deadline) {
            JsonPath page = given().auth().oauth2(sponsor).queryParam("since", cursor).queryParam("limit", 2)
                    .get("/api/v1/safety/feed").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                assertTrue(cursors.add((String) item.get("cursor")), "a cursor came twice");
                @SuppressWarnings("unchecked")
                Map<String, Object> event = (Map<String, Object>) item.get("adverseEvent");
                if ("CREATE".equals(item.get("change")) && patient.toString().equals(event.get("patientId"))) {
                    seen.add((String) item.get("adverseEventId"));
                }
            }
            cursor = page.getString("nextCursor");
        }
        writers.shutdown();
        for (Future<Integer> write : writes) {
            assertEquals(201, write.get());
        }
        assertEquals(WRITERS, seen.size(), "every created event once: " + seen);
        assertEquals(WRITERS, new HashSet<>(seen).size(), "no event twice");

        String etag = given().auth().oauth2(sponsor).queryParam("since", drain(sponsor, cursor))
                .get("/api/v1/safety/feed").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(sponsor).queryParam("since", drain(sponsor, cursor)).header("If-None-Match", etag)
                .get("/api/v1/safety/feed").then().statusCode(304);
        as("inv-site02").get("/api/v1/safety/feed").then().statusCode(403);
        as("sponsor-user").queryParam("since", "not-a-cursor!").get("/api/v1/safety/feed").then().statusCode(400);
    }

    @Test
    void seriousEventsCarryTheirExpeditedReportingDeadline() {
        String late = report(event("Encephalopathy", true, List.of("HOSPITALISATION"), "2025-03-10"));
        String urgent = report(event("Cardiac arrest", true, List.of("LIFE_THREATENING"), LocalDate.now().toString()));

        JsonPath due = as("safety-officer").get("/api/v1/safety/sae/due").then().statusCode(200).extract().jsonPath();
        assertEquals("OVERDUE", due.getString("items.find { it.adverseEventId == '" + late + "' }.reporting.status"));
        assertEquals(15, due.getInt("items.find { it.adverseEventId == '" + late + "' }.reporting.deadlineDays"));
        assertEquals("2025-03-25", due.getString("items.find { it.adverseEventId == '" + late
                + "' }.reporting.deadline"));
        assertEquals("DUE", due.getString("items.find { it.adverseEventId == '" + urgent + "' }.reporting.status"));
        assertEquals(7, due.getInt("items.find { it.adverseEventId == '" + urgent + "' }.reporting.deadlineDays"));

        String etag = as("safety-officer").get("/api/v1/safety/adverse-events/" + late).then().extract().header("ETag");
        as("safety-officer").header("If-Match", etag).body(Map.of("serious", true,
                "seriousnessCriteria", List.of("HOSPITALISATION"), "relatedToCarT", "PROBABLE", "expected", false,
                "awarenessDate", "2025-03-10", "reportedOn", "2025-03-20", "treatments", List.of(),
                "reason", "Reported to the competent authority"))
                .put("/api/v1/safety/adverse-events/" + late).then().statusCode(200);
        as("safety-officer").get("/api/v1/safety/sae/due").then().statusCode(200)
                .body("items.find { it.adverseEventId == '" + late + "' }.reporting.status", equalTo("REPORTED"));
    }

    @Test
    void exportsParseBackAsSdtmCsvAndAFhirBundle() throws Exception {
        String id = report(event("Encephalopathy, acute", true, List.of("HOSPITALISATION"), "2025-03-10"));
        String subject = "CT-SITE-02-" + patient.toString().substring(0, 4);

        String csv = as("sponsor-user").accept("text/csv").get("/api/v1/safety/export/sdtm-ae?siteCode=SITE-02")
                .then().statusCode(200).extract().asString();
        com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> rows =
                new com.fasterxml.jackson.dataformat.csv.CsvMapper().readerFor(Map.class)
                        .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader()).readValues(csv);
        Map<String, String> row = rows.readAll().stream()
                .filter(r -> r.get("USUBJID").equals("CT-ITP-CD19-01-" + subject)).findFirst().orElseThrow();
        assertEquals("Encephalopathy, acute", row.get("AETERM"));
        assertEquals("3", row.get("AETOXGR"));
        assertEquals("Y", row.get("AESER"));
        assertEquals("Y", row.get("AESHOSP"));
        assertEquals("PROBABLY RELATED", row.get("AEREL"));
        assertEquals("2025-03-08", row.get("AESTDTC"));

        String bundle = as("sponsor-user").accept("application/fhir+json").get("/api/v1/safety/export/fhir")
                .then().statusCode(200).extract().asString();
        org.hl7.fhir.r4.model.Bundle parsed = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Bundle.class, bundle);
        org.hl7.fhir.r4.model.AdverseEvent event = parsed.getEntry().stream()
                .map(entry -> (org.hl7.fhir.r4.model.AdverseEvent) entry.getResource())
                .filter(ae -> ae.getIdentifier().getValue().equals(id)).findFirst().orElseThrow();
        assertEquals("Encephalopathy, acute", event.getEvent().getText());
        assertEquals(subject, event.getSubject().getDisplay());
        assertEquals("severe", event.getSeverity().getCodingFirstRep().getCode());
        assertTrue(!bundle.contains("birthDate") && !bundle.contains("1999-05-01"), "pseudonymised");
        as("inv-site02").get("/api/v1/safety/export/fhir").then().statusCode(403);
    }

    private String report(Map<String, Object> event) {
        return as("inv-site02").body(event).post("/api/v1/safety/patients/" + patient + "/adverse-events")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> event(String term, boolean serious, List<String> criteria, String awareness) {
        Map<String, Object> event = new HashMap<>(Map.of("ctcaeTerm", term, "meddraCode", "10014625",
                "onset", "2025-03-08", "grade", serious ? 3 : 1, "serious", serious, "seriousnessCriteria", criteria,
                "treatments", List.of(), "relatedToCarT", "PROBABLE", "expected", false));
        if (awareness != null) {
            event.put("awarenessDate", awareness);
        }
        return event;
    }

    /** Pulls pages until the feed has nothing new; returns the cursor to continue from. */
    private static String drain(String token, String cursor) {
        while (true) {
            JsonPath page = given().auth().oauth2(token).queryParam("since", cursor == null ? "" : cursor)
                    .queryParam("limit", 200).get("/api/v1/safety/feed").then().statusCode(200).extract().jsonPath();
            String next = page.getString("nextCursor");
            if (page.getList("items").isEmpty()) {
                return next;
            }
            cursor = next;
        }
    }
}
