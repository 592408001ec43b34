package org.celltrial.safety.e2b;

import static io.restassured.RestAssured.given;
import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.safety.ae.Outcome;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * E2B(R3) reports through the API: a sponsor pulls a serious event's report, which meets the ICH business rules,
 * reads back into the case's facts and is audited; a follow-up is the next version of the same case; a case that
 * lacks a required fact is a 409 naming it, and nothing is audited.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class E2bReportTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ONSET = "2024-11-17";
    /** An onset no other test uses, so the batch holds the batch test's events only. */
    private static final String BATCH_ONSET = "2024-11-24";

    private UUID patient;

    @BeforeEach
    void infusedPatientAtSite01() {
        EnrollmentStub.reset();
        patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, """
                {"id":"%s","subjectId":"CT-SITE-01-%s","siteCode":"SITE-01","sex":"F","birthDate":"2016-01-01",
                 "ageAtInfusionYears":9,"day0":"2024-11-10","lymphodepletionStart":"2024-11-05","weightKg":30.0,
                 "baselinePlateletCountPer1e9L":9,"status":"INFUSED","doseLevel":"DL1","therapies":[]}
                """.formatted(patient, patient.toString().substring(0, 4)));
    }

    @Test
    void aSponsorPullsAReportThatMeetsTheRulesReadsBackAndIsAudited() {
        String event = report(complete());

        String xml = as("sponsor-user").accept("application/xml").get(url(event))
                .then().statusCode(200).contentType(startsWith("application/xml")).extract().asString();

        assertEquals(List.of(), E2bBusinessRules.violations(xml), xml);
        IcsrFacts facts = new IcsrReader(xml).cases().get(0);
        assertEquals("US-CELLTRIAL-" + event, facts.worldwideCaseId());
        assertEquals(1, facts.version());
        assertEquals(LocalDate.parse("2024-11-18"), facts.firstReceived());
        assertEquals(new IcsrFacts.Study("NCT06352281", "US", "CT-ITP-CD19-01",
                "Anti-CD19 CAR-T cell therapy in refractory primary immune thrombocytopenia"), facts.study());
        assertEquals(new IcsrFacts.Patient("CT-SITE-01-" + patient.toString().substring(0, 4), 2, 9, 3,
                new BigDecimal("30.0")), facts.patient());
        assertEquals("10016288", facts.reaction().meddraCode());
        assertEquals("20.1", facts.reaction().meddraVersion());
        assertEquals(LocalDate.parse(ONSET), facts.reaction().start());
        assertEquals(List.of("Anti-CD19 CAR-T cells", "Fludarabine", "Cyclophosphamide"),
                facts.drugs().stream().map(IcsrFacts.Drug::name).toList());
        assertEquals(List.of(1, 2, 2), facts.drugs().stream().map(IcsrFacts.Drug::role).toList());
        assertEquals("PROBABLY RELATED", facts.drugs().get(0).investigatorCausality());
        assertEquals(LocalDate.parse("2024-11-10"), facts.drugs().get(0).start());
        assertEquals(true, facts.expedited());
        assertFalse(xml.contains("2016-01-01") || xml.contains("20160101") || xml.contains("birthTime"), "no birth date");
        assertEquals(1, audited(facts.worldwideCaseId()));
        assertEquals(url(event), feedLink(event), "the feed names where the report is pulled");
    }

    @Test
    void aFollowUpIsTheNextVersionOfTheSameCase() {
        String event = report(complete());
        IcsrFacts initial = new IcsrReader(as("safety-officer").get(url(event)).then().statusCode(200).extract()
                .asString()).cases().get(0);
        String etag = as("safety-officer").get("/api/v1/safety/adverse-events/" + event).then().extract().header("ETag");
        as("safety-officer").header("If-Match", etag)
                .body(Map.of("outcome", "RECOVERED", "resolvedOn", "2024-11-20", "reason", "Resolved on day 10"))
                .put("/api/v1/safety/adverse-events/" + event).then().statusCode(200);

        IcsrFacts followUp = new IcsrReader(as("safety-officer").get(url(event)).then().statusCode(200).extract()
                .asString()).cases().get(0);

        assertEquals(initial.worldwideCaseId(), followUp.worldwideCaseId());
        assertEquals(1, initial.version());
        assertEquals(2, followUp.version());
        assertEquals(Outcome.RECOVERED, followUp.reaction().outcome());
        assertEquals(LocalDate.parse("2024-11-20"), followUp.reaction().end());
    }

    @Test
    void aSeriousIcansCarriesItsMeddraCodeAndTheSponsorsCausalityBesideTheInvestigators() {
        as("inv-site01").body(Map.of("at", "2024-11-14T09:00:00Z", "capdScore", 10, "consciousness", "AWAKE",
                "seizure", "NONE", "motorWeakness", "NONE", "cerebralEdema", "NONE"))
                .post("/api/v1/safety/patients/" + patient + "/neuro-assessments").then().statusCode(201);
        String event = as("safety-officer").get("/api/v1/safety/patients/" + patient + "/adverse-events").then()
                .statusCode(200).extract().path("items.find { it.origin == 'ICANS' }.id");
        String ae = "/api/v1/safety/adverse-events/" + event;
        String etag = as("safety-officer").get(ae).then().body("meddraCode", equalTo("10029350")).extract()
                .header("ETag");
        Map<String, Object> followUp = new HashMap<>(Map.of("serious", true, "seriousnessCriteria",
                List.of("HOSPITALISATION"), "relatedToCarT", "DEFINITE", "sponsorRelatedToCarT", "POSSIBLE",
                "reason", "Admitted for ICANS; sponsor's medical review"));
        as("inv-site01").header("If-Match", etag).body(followUp).patch(ae).then().statusCode(403)
                .contentType(PROBLEM).body("violations.field", equalTo(List.of("sponsorRelatedToCarT")));
        followUp.put("awarenessDate", "2024-11-15");
        as("safety-officer").header("If-Match", etag).body(followUp).patch(ae).then().statusCode(200)
                .body("sponsorRelatedToCarT", equalTo("POSSIBLE"));

        String xml = as("sponsor-user").get(url(event)).then().statusCode(200).extract().asString();

        assertEquals(List.of(), E2bBusinessRules.violations(xml), xml);
        IcsrFacts facts = new IcsrReader(xml).cases().get(0);
        assertEquals("Immune effector cell-associated neurotoxicity syndrome", facts.reaction().term());
        assertEquals("10029350", facts.reaction().meddraCode());
        assertEquals(3, facts.reaction().ctcaeGrade());
        IcsrFacts.Drug carT = facts.drugs().get(0);
        assertEquals("RELATED", carT.investigatorCausality());
        assertEquals("POSSIBLY RELATED", carT.sponsorCausality());
        assertEquals("POSSIBLE", TestDatabase.string(SafetyTestProfile.DATABASE, "SELECT new_value::jsonb->>"
                + "'sponsorRelatedToCarT' FROM audit_log WHERE entity_id = ? AND action = 'CORRECT' AND reason = ?",
                event, "Admitted for ICANS; sponsor's medical review"));
    }

    @Test
    void sixSafetyOfficersRecordingTheSponsorsCausalityAtOnceWithOneVersionMakeOneChange() throws Exception {
        String event = report(complete());
        String ae = "/api/v1/safety/adverse-events/" + event;
        String etag = as("safety-officer").get(ae).then().statusCode(200).extract().header("ETag");
        String token = Tokens.of("safety-officer");
        ExecutorService callers = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String causality = i % 2 == 0 ? "POSSIBLE" : "PROBABLE";
                calls.add(callers.submit(() -> given().auth().oauth2(token).contentType("application/json")
                        .header("If-Match", etag)
                        .body(Map.of("sponsorRelatedToCarT", causality, "reason", "Sponsor's review: " + causality))
                        .patch(ae).statusCode()));
            }
            for (Future<Integer> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        Collections.sort(statuses);
        assertEquals(List.of(200, 412, 412, 412, 412, 412), statuses);
        String stored = as("safety-officer").get(ae).then().statusCode(200).extract().path("sponsorRelatedToCarT");
        assertEquals(1L, TestDatabase.count(SafetyTestProfile.DATABASE, "SELECT count(*) FROM audit_log "
                + "WHERE entity_id = ? AND action = 'CORRECT' AND reason LIKE 'Sponsor''s review: %'", event));
        assertEquals(stored, TestDatabase.string(SafetyTestProfile.DATABASE, "SELECT new_value::jsonb->>"
                + "'sponsorRelatedToCarT' FROM audit_log WHERE entity_id = ? AND action = 'CORRECT'", event));
    }

    @Test
    void aCaseLackingRequiredFactsIs409NamingEachAndNothingIsAudited() {
        Map<String, Object> lacking = complete();
        lacking.remove("relatedToCarT");
        lacking.remove("outcome");
        String event = report(lacking);

        as("sponsor-user").get(url(event)).then().statusCode(409).contentType(PROBLEM)
                .body("violations.field", hasItem("adverseEvent " + event))
                .body("violations.message", hasItem("outcome: the reaction's outcome (E.i.7)"))
                .body("violations.message", hasItem(
                        "relatedToCarT: the investigator's causality assessment (G.k.9.i.2.r.3)"))
                .body("detail", containsString("relatedToCarT"));
        assertEquals(0, audited("US-CELLTRIAL-" + event));
    }

    @Test
    void aBatchHoldsEverySeriousEventWithAnOnsetInTheRange() {
        Map<String, Object> inRange = complete();
        inRange.put("onset", BATCH_ONSET);
        inRange.put("awarenessDate", BATCH_ONSET);
        String first = report(inRange);
        String second = report(inRange);

        String xml = as("sponsor-user").get("/api/v1/safety/sae/e2b?from=" + BATCH_ONSET + "&to=" + BATCH_ONSET)
                .then().statusCode(200).extract().asString();

        assertEquals(List.of(), E2bBusinessRules.violations(xml));
        assertEquals(List.of("US-CELLTRIAL-" + first, "US-CELLTRIAL-" + second).stream().sorted().toList(),
                new IcsrReader(xml).cases().stream().map(IcsrFacts::worldwideCaseId).sorted().toList());
        as("sponsor-user").get("/api/v1/safety/sae/e2b?from=2019-01-01&to=2019-01-31").then().statusCode(204);
    }

    @Test
    void badRangesAre400AndOtherRolesAre403() {
        as("sponsor-user").get("/api/v1/safety/sae/e2b?to=" + ONSET).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("from"));
        as("sponsor-user").get("/api/v1/safety/sae/e2b?from=2024-11-18&to=2024-11-17").then().statusCode(400)
                .body("violations.field", hasItem("to"));
        as("sponsor-user").get("/api/v1/safety/sae/e2b?from=yesterday&to=2024-11-17").then().statusCode(400);
        as("inv-site01").get("/api/v1/safety/sae/e2b?from=" + ONSET + "&to=" + ONSET).then().statusCode(403);
        as("sponsor-user").get(url(UUID.randomUUID().toString())).then().statusCode(404).contentType(PROBLEM);
    }

    /** The e2b link of the event's creation in the sponsor feed. */
    private static String feedLink(String event) {
        String since = null;
        while (true) {
            io.restassured.path.json.JsonPath page = (since == null
                    ? as("sponsor-user").queryParam("from", LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString())
                    : as("sponsor-user").queryParam("since", since))
                    .queryParam("limit", 200).get("/api/v1/safety/feed").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (event.equals(item.get("adverseEventId"))) {
                    return (String) item.get("e2b");
                }
            }
            if (items.isEmpty()) {
                return null;
            }
            since = page.getString("nextCursor");
        }
    }

    private static String url(String event) {
        return "/api/v1/safety/sae/" + event + "/e2b";
    }

    private static Map<String, Object> complete() {
        Map<String, Object> event = new HashMap<>(Map.of("ctcaeTerm", "Febrile neutropenia", "meddraCode", "10016288",
                "onset", ONSET, "grade", 3, "serious", true, "seriousnessCriteria", List.of("HOSPITALISATION"),
                "treatments", List.of("meropenem"), "awarenessDate", "2024-11-18", "expected", false));
        event.put("relatedToCarT", "PROBABLE");
        event.put("relatedToLymphodepletion", "UNLIKELY");
        event.put("outcome", "RECOVERING");
        return event;
    }

    private String report(Map<String, Object> event) {
        return as("inv-site01").body(event).post("/api/v1/safety/patients/" + patient + "/adverse-events")
                .then().statusCode(201).extract().path("id");
    }

    private static long audited(String caseId) {
        return TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE entity_type = 'E2bReport' AND new_value::jsonb->>'worldwideCaseId' = ?",
                caseId);
    }
}
