package org.celltrial.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.celltrial.devtools.demo.DemoStudy;
import org.celltrial.devtools.demo.DemoStudyLoader;
import org.celltrial.devtools.demo.DemoStudyLoader.Loaded;
import org.celltrial.devtools.demo.DemoStudyLoader.LoadedPatient;
import org.celltrial.devtools.demo.DemoStudyReader;
import org.celltrial.devtools.demo.DemoStudyReport;
import org.celltrial.devtools.demo.ExpectedFiguresCheck;
import org.celltrial.devtools.demo.GatewayClient;
import org.celltrial.safety.e2b.E2bBusinessRules;
import org.celltrial.safety.e2b.IcsrFacts;
import org.celltrial.safety.e2b.IcsrReader;
import org.celltrial.testing.KeycloakServer;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo study end to end: the loader behind {@code ./suite demo} enters the synthetic four-patient reference
 * study (dev/demo/reference-study-2025-06-15.json, raw observations only) through the gateway with real tokens,
 * and the study summary at the cut-off shows the published figures, every grade and response computed by the
 * services' engines; its serious adverse events are handed out as E2B(R3) reports that meet the ICH business rules
 * and read back. The suite's databases are shared by every IT of this JVM, so the study goes into a site of its own
 * and every figure is read for that site only.
 */
class DemoStudyIT {

    private static final String SITE = "DEMO-E2E";
    private static final String AS_OF = "2025-06-15";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSuite suite;
    private static DemoStudy study;
    private static GatewayClient client;
    private static Loaded loaded;

    @BeforeAll
    static void loadTheStudy() {
        suite = RunningSuite.get();
        study = DemoStudyReader.read(Path.of(System.getProperty("celltrial.root", ".."))
                .resolve(DemoStudyReader.DEFAULT_STUDY));
        client = new GatewayClient(suite.gateway.url(), KeycloakServer.get().url());
        loaded = loader(System.out).load();
    }

    private static DemoStudyLoader loader(PrintStream out) {
        // data-manager writes at every site; the file's writer (inv-site01) only at SITE-01.
        return new DemoStudyLoader(client, study, SITE, "data-manager", out);
    }

    @Test
    void theStudySummaryShowsEveryPublishedFigure() {
        JsonNode summary = studySummary("data-manager");

        assertEquals(AS_OF, summary.path("asOf").asText());
        assertFigure(summary, "enrolled", "4");
        assertFigure(summary, "ageYears.median", "12.5");
        assertFigure(summary, "ageYears.min", "8");
        assertFigure(summary, "ageYears.max", "25");
        assertFigure(summary, "femalePercent", "75.0");
        assertFigure(summary, "baselinePlateletsPer1e9L.median", "9");
        assertFigure(summary, "baselinePlateletsPer1e9L.min", "2");
        assertFigure(summary, "baselinePlateletsPer1e9L.max", "24");
        // Exact durations (docs/clinical-rules.md, Reporting durations): 1890, 2687, 3001 and 7359 days from
        // diagnosis to Day 0 are 5.2, 7.4, 8.2 and 20.1 years, the median 2844 days 7.8 (in completed years 5, 7, 8,
        // 20: median 7.5, 5–20 as published).
        assertFigure(summary, "diseaseDurationYears.median", "7.8");
        assertFigure(summary, "diseaseDurationYears.min", "5.2");
        assertFigure(summary, "diseaseDurationYears.max", "20.1");
        assertEquals("years", summary.path("diseaseDurationYears").path("unit").asText());
        assertFigure(summary, "priorTherapies.median", "4");
        assertFigure(summary, "priorTherapies.min", "3");
        assertFigure(summary, "priorTherapies.max", "5");
        assertCounts(summary, "priorTherapies.patientsByCategory", Map.of("GLUCOCORTICOID", 4, "IVIG", 4, "TPO_RA", 4,
                "RITUXIMAB", 2, "IMMUNOSUPPRESSANT", 1, "SPLENECTOMY", 1));
        // 67 to 494 days from Day 0 to the cut-off: 2.2 to 16.2 months (in completed months 2–16, as published).
        assertFigure(summary, "followUpMonths.min", "2.2");
        assertFigure(summary, "followUpMonths.max", "16.2");
        assertEquals("months", summary.path("followUpMonths").path("unit").asText());
        assertCounts(summary, "crs.patientsByMaxGrade", Map.of("0", 1, "1", 3));
        assertCounts(summary, "icans.patientsByMaxGrade", Map.of("0", 2, "3", 2));
        assertFigure(summary, "response.CR", "1");
        assertFigure(summary, "response.R", "2");
        assertFigure(summary, "response.NR", "1");
        assertFigure(summary, "response.orrPercent", "75.0");
        assertFigure(summary, "bCellAplasiaSustained", "3");
        assertFigure(summary, "gpAutoantibodyPositiveAtBaseline", "3");
        assertFigure(summary, "gpAutoantibodyAllNegativeAfter", "3");
        assertTrue(summary.path("unavailable").isArray() && summary.path("unavailable").isEmpty(),
                "every service answered: " + summary.path("unavailable"));

        // The check of the file's "expected" figures behind ./suite demo agrees.
        assertEquals(List.of(), ExpectedFiguresCheck.differences(study.expected(), summary));
    }

    @Test
    void aSponsorReadsTheSameFigures() {
        JsonNode sponsor = studySummary("sponsor-user");
        JsonNode dataManager = studySummary("data-manager");
        assertEquals(dataManager, sponsor);
        assertFalse(sponsor.toString().contains("birthDate"), "no birth dates for sponsors");
    }

    @Test
    void theServicesOwnSummariesAgree() {
        JsonNode safety = get("safety-officer", "/api/v1/safety/summary");
        assertEquals(4, safety.path("patients").asInt());
        assertCounts(safety, "crsPatientsByMaxGrade", Map.of("0", 1, "1", 3));
        assertCounts(safety, "icansPatientsByMaxGrade", Map.of("0", 2, "3", 2));

        JsonNode efficacy = get("safety-officer", "/api/v1/efficacy/summary");
        assertEquals(4, efficacy.path("patientsEvaluated").asInt());
        assertCounts(efficacy, "byBestResponse", Map.of("CR", 1, "R", 2, "NR", 1));
        assertFigure(efficacy, "orr.percent", "75.0");
        assertFigure(efficacy, "completeResponse.percent", "25.0");
        assertFigure(efficacy, "bCellAplasiaSustained", "3");
        assertFigure(efficacy, "gpAutoantibodyPositiveAtBaseline", "3");
        assertFigure(efficacy, "gpAutoantibodyAllNegativeAfter", "3");
        // No patient needed rescue in the 28 days up to the cut-off.
        assertFigure(efficacy, "rescueFreeAtCutOff", "4");

        // The report behind ./suite demo (the gateway's composite) shows the expected figures.
        JsonNode reported = new DemoStudyReport(client, study.users().reader(), System.out).summary(loaded);
        assertEquals(List.of(), ExpectedFiguresCheck.differences(study.expected(), reported));
    }

    @Test
    void theFirstPatientRespondsByMonthThreeAndIsCensoredAtDaratumumab() {
        JsonNode response = patientGet("P1", "/api/v1/efficacy/patients/%s/response?asOf=" + AS_OF);
        assertEquals("R", response.path("bestResponse").asText());
        assertEquals("2024-05-07", response.path("firstResponseDate").asText());   // month 3
        assertEquals(90, response.path("timeToResponseDays").asInt());
        assertNull(textOrNull(response.path("completeResponseDate")), "no CR before daratumumab");
        assertEquals("2024-11-08", response.path("censoredAt").asText());          // daratumumab dose 1
        assertEquals("CR", response.path("afterSubsequentTherapy").path("bestResponse").asText(),
                "above 200 within a week of daratumumab, reported as its own course");
        // IVIG rescue on days 5-6: the counts up to 28 days after it cannot support a response.
        JsonNode day7 = count(response, "2024-02-14");
        assertTrue(day7.path("exposureWindows").toString().contains("IVIG exposure window"), day7.toString());
        // "IVIG-independent": no IVIG after the rescue on days 5-6, so independent from day 7 to the cut-off.
        JsonNode ivig = category(response.path("rescueIndependence"), "IVIG");
        assertTrue(ivig.path("independent").asBoolean(), ivig.toString());
        assertEquals(7, ivig.path("independentSinceDay").asInt(), ivig.toString());
        assertTrue(response.path("rescueIndependence").path("rescueFreeAtCutOff").asBoolean());
        assertEquals(1, patientGet("P1", "/api/v1/safety/patients/%s/crs").path("maxGrade").asInt());
        assertEquals(0, patientGet("P1", "/api/v1/safety/patients/%s/icans").path("maxGrade").asInt());
    }

    @Test
    void twoPatientsHaveGradeThreeIcansTreatedWithMethylprednisolone() {
        JsonNode child = patientGet("P2", "/api/v1/safety/patients/%s/icans");
        assertEquals(3, child.path("maxGrade").asInt());
        assertEquals(1, child.path("episodes").size());
        assertTrue(child.toString().contains("CAPD"), "the 8-year-old is graded by CAPD: " + child);
        assertFalse(child.toString().contains("ICE score"), child.toString());

        JsonNode adult = patientGet("P4", "/api/v1/safety/patients/%s/icans");
        assertEquals(3, adult.path("maxGrade").asInt());
        assertTrue(adult.toString().contains("ICE score 2/10"), adult.toString());

        for (String key : List.of("P2", "P4")) {
            JsonNode icansEvents = adverseEvents(key, "ICANS");
            assertEquals(1, icansEvents.size(), key + ": " + icansEvents);
            JsonNode event = icansEvents.get(0);
            assertEquals(3, event.path("grade").asInt());
            assertEquals(3, event.path("derivedGrade").asInt());
            assertTrue(event.path("confirmedGrade").isMissingNode() || event.path("confirmedGrade").isNull(),
                    "the grade is the engine's, not entered: " + event);
            assertTrue(event.path("treatments").toString().contains("methylprednisolone"), event.toString());
            assertEquals("RECOVERED", event.path("outcome").asText(), event.toString());
            assertFalse(event.path("resolvedOn").isMissingNode(), "the episode resolved: " + event);
            assertEquals(1, patientGet(key, "/api/v1/safety/patients/%s/crs").path("maxGrade").asInt());
        }
    }

    @Test
    void theOtherPatientsCourses() {
        JsonNode child = patientGet("P2", "/api/v1/efficacy/patients/%s/response?asOf=" + AS_OF);
        assertEquals("CR", child.path("bestResponse").asText());
        assertEquals("2024-09-12", child.path("completeResponseDate").asText());    // three months after Day 0
        // Methylprednisolone for ICANS on days 7-9 was recorded as concomitant: by its category it opens a
        // glucocorticoid exposure window to day 37, so the day-28 count cannot support a response.
        JsonNode day28 = count(child, "2024-07-10");
        assertTrue(day28.path("exposureWindows").toString().contains("GLUCOCORTICOID"), day28.toString());

        JsonNode nonResponder = patientGet("P3", "/api/v1/efficacy/patients/%s/response?asOf=" + AS_OF);
        assertEquals("NR", nonResponder.path("bestResponse").asText());
        assertEquals(0, patientGet("P3", "/api/v1/safety/patients/%s/crs").path("maxGrade").asInt());
        JsonNode bCells = patientGet("P3", "/api/v1/efficacy/patients/%s/b-cells?asOf=" + AS_OF).path("summary");
        assertFalse(bCells.path("aplasiaSustained").asBoolean());
        assertEquals(35, bCells.path("recoveredOnDay").asInt(), bCells.toString());
        JsonNode deviations = patientGet("P3", "/api/v1/enrollment/patients/%s/deviations");
        assertTrue(deviations.toString().contains("LYMPHODEPLETION_OMITTED"), deviations.toString());
        assertEquals("2024-10-02", deviations.path("items").get(0).path("occurredOn").asText(),
                "the omission is dated when it was decided (D-7), not when it was entered");

        assertEquals("R", patientGet("P4", "/api/v1/efficacy/patients/%s/response?asOf=" + AS_OF)
                .path("bestResponse").asText());
        for (String key : List.of("P1", "P2", "P3", "P4")) {
            JsonNode kinetics = patientGet(key, "/api/v1/efficacy/patients/%s/car-t-kinetics?asOf=" + AS_OF)
                    .path("summary");
            assertEquals(10, kinetics.path("tmaxDay").asInt(), key + " expands, peaking on day 10: " + kinetics);
            // Every demo patient is sampled on day 28: an AUC₀₋₂₈, no AUC₀₋last.
            assertTrue(kinetics.path("auc0to28").isNumber(), key + ": " + kinetics);
            assertTrue(kinetics.path("auc0toLast").isNull(), key + ": " + kinetics);
            assertFalse(kinetics.path("day28Interpolated").asBoolean(), key + ": " + kinetics);
        }
    }

    /**
     * Every serious adverse event of the demo study pulled through the gateway as E2B(R3), one case at a time and as
     * the batch of their onsets, meets the ICH business rules and reads back into the event's facts. The demo file
     * enters no seriousness (the loader writes as a site user); the safety officer's medical review makes each grade
     * 3 ICANS serious (prolonged hospitalisation) and records the sponsor's causality, as a follow-up.
     */
    @Test
    void everySeriousAdverseEventIsAnE2bReportThatMeetsTheIchRulesAndReadsBackIntoItsFacts() {
        for (LoadedPatient patient : loaded.patients()) {
            for (JsonNode event : adverseEvents(patient.key(), "ICANS")) {
                if (event.path("grade").asInt() >= 3 && !event.path("serious").asBoolean()) {
                    reviewAsSerious(event);
                }
            }
        }
        List<JsonNode> serious = new ArrayList<>();
        for (LoadedPatient patient : loaded.patients()) {
            patientGet(patient.key(), "/api/v1/safety/patients/%s/adverse-events?limit=200").path("items")
                    .forEach(event -> {
                        if (event.path("serious").asBoolean()) {
                            serious.add(event);
                        }
                    });
        }
        assertEquals(2, serious.size(), "the two grade 3 ICANS: " + serious);

        for (JsonNode event : serious) {
            String xml = e2b("/api/v1/safety/sae/" + event.path("id").asText() + "/e2b");
            assertEquals(List.of(), E2bBusinessRules.violations(xml), xml);
            List<IcsrFacts> cases = new IcsrReader(xml).cases();
            assertEquals(1, cases.size());
            assertSameFacts(event, cases.get(0));
        }
        List<String> onsets = serious.stream().map(event -> event.path("onset").asText()).sorted().toList();
        // the study's own site: other ITs' serious events of those days share the databases, and a batch is refused
        // whole (409) when any of its cases lacks a required fact
        String batch = e2b("/api/v1/safety/sae/e2b?from=" + onsets.get(0) + "&to=" + onsets.get(onsets.size() - 1)
                + "&siteCode=" + SITE);
        assertEquals(List.of(), E2bBusinessRules.violations(batch), batch);
        List<IcsrFacts> cases = new IcsrReader(batch).cases();
        assertEquals(serious.size(), cases.size(), batch);
        for (JsonNode event : serious) {
            IcsrFacts facts = cases.stream().filter(c -> c.worldwideCaseId().endsWith("-" + event.path("id").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no case of " + event + " in the batch"));
            assertSameFacts(event, facts);
        }
    }

    private static void reviewAsSerious(JsonNode event) {
        String path = suite.gateway.url() + "/api/v1/safety/adverse-events/" + event.path("id").asText();
        String etag = given().auth().oauth2(Tokens.of("safety-officer")).get(path).then().statusCode(200).extract()
                .header("ETag");
        given().auth().oauth2(Tokens.of("safety-officer")).header("If-Match", etag).contentType("application/json")
                .body(Map.of("serious", true, "seriousnessCriteria", List.of("HOSPITALISATION"),
                        "awarenessDate", LocalDate.parse(event.path("onset").asText()).plusDays(1).toString(),
                        "sponsorRelatedToCarT", "POSSIBLE",
                        "reason", "Medical review: grade 3 ICANS prolonged the hospital stay"))
                .patch(path).then().statusCode(200);
    }

    private static String e2b(String path) {
        return given().auth().oauth2(Tokens.of("sponsor-user")).accept("application/xml")
                .get(suite.gateway.url() + path).then().statusCode(200).contentType(containsString("application/xml"))
                .extract().asString();
    }

    /** The report says what the adverse event says, as a receiving safety database reads it. */
    private static void assertSameFacts(JsonNode event, IcsrFacts facts) {
        String id = event.path("id").asText();
        assertTrue(facts.worldwideCaseId().endsWith("-" + id), facts.worldwideCaseId());
        assertEquals(event.path("version").asInt() + 1, facts.version(), id);
        assertEquals(LocalDate.parse(event.path("awarenessDate").asText()), facts.firstReceived(), id);
        assertEquals("NCT06352281", facts.study().registrationNumber());
        assertEquals(event.path("subjectId").asText(), facts.patient().subjectId());
        IcsrFacts.Reaction reaction = facts.reaction();
        assertEquals(event.path("ctcaeTerm").asText(), reaction.term(), id);
        assertEquals(event.path("meddraCode").asText(), reaction.meddraCode(), id);
        assertEquals("10029350", reaction.meddraCode(), "ICANS as MedDRA 20.1 codes it");
        assertEquals(LocalDate.parse(event.path("onset").asText()), reaction.start(), id);
        assertEquals(LocalDate.parse(event.path("resolvedOn").asText()), reaction.end(), id);
        assertEquals(event.path("outcome").asText(), reaction.outcome().name(), id);
        assertEquals(List.of("HOSPITALISATION"), reaction.criteria().stream().map(Enum::name).toList(), id);
        assertEquals(event.path("grade").asInt(), reaction.ctcaeGrade(), id);
        IcsrFacts.Drug carT = facts.drugs().get(0);
        assertEquals(1, carT.role(), "the CAR-T product is the suspect drug");
        assertEquals("PROBABLY RELATED", carT.investigatorCausality(), id);
        assertEquals("POSSIBLY RELATED", carT.sponsorCausality(), id);
        assertTrue(facts.narrative().contains(event.path("subjectId").asText()), facts.narrative());
        assertFalse(facts.narrative().contains("birth"), facts.narrative());
    }

    @Test
    void loadingAgainCreatesNothingNew() {
        String before = countsOfEverything();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Loaded again = loader(new PrintStream(output, true, StandardCharsets.UTF_8)).load();
        assertEquals(loaded.patients(), again.patients());
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("already loaded"), output.toString());
        assertEquals(before, countsOfEverything());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static JsonNode studySummary(String user) {
        String body = given().auth().oauth2(Tokens.of(user))
                .queryParam("asOf", AS_OF).queryParam("siteCode", SITE)
                .get(suite.gateway.url() + "/api/v1/study/summary")
                .then().statusCode(200)
                .extract().asString();
        return read(body);
    }

    private static JsonNode get(String user, String path) {
        String body = given().auth().oauth2(Tokens.of(user))
                .queryParam("asOf", AS_OF).queryParam("siteCode", SITE)
                .get(suite.gateway.url() + path)
                .then().statusCode(200)
                .extract().asString();
        return read(body);
    }

    /**
     * A patient's resource, read through the gateway by the safety officer (who reads every site): not the data
     * manager who entered the study, so that these reads and the loads share no per-user rate limit.
     */
    private static JsonNode patientGet(String key, String pathFormat) {
        String body = given().auth().oauth2(Tokens.of("safety-officer"))
                .get(suite.gateway.url() + pathFormat.formatted(loaded.patient(key).id()))
                .then().statusCode(200)
                .extract().asString();
        return read(body);
    }

    private static JsonNode adverseEvents(String key, String origin) {
        JsonNode items = patientGet(key, "/api/v1/safety/patients/%s/adverse-events?limit=200").path("items");
        var matching = JSON.createArrayNode();
        items.forEach(event -> {
            if (origin.equals(event.path("origin").asText())) {
                matching.add(event);
            }
        });
        return matching;
    }

    private static JsonNode category(JsonNode rescueIndependence, String category) {
        for (JsonNode independence : rescueIndependence.path("categories")) {
            if (category.equals(independence.path("category").asText())) {
                return independence;
            }
        }
        throw new AssertionError("No " + category + " in " + rescueIndependence);
    }

    private static JsonNode count(JsonNode response, String date) {
        for (JsonNode count : response.path("counts")) {
            if (date.equals(count.path("date").asText())) {
                return count;
            }
        }
        throw new AssertionError("No count on " + date + " in " + response.path("counts"));
    }

    /** How many records of each kind the demo patients have, to compare before and after a re-run. */
    private static String countsOfEverything() {
        StringBuilder counts = new StringBuilder();
        for (var patient : loaded.patients()) {
            for (String path : List.of("/api/v1/enrollment/patients/%s/therapies?limit=200",
                    "/api/v1/enrollment/patients/%s/deviations?limit=200",
                    "/api/v1/safety/patients/%s/vitals?limit=200",
                    "/api/v1/safety/patients/%s/neuro-assessments?limit=200",
                    "/api/v1/safety/patients/%s/labs?limit=200",
                    "/api/v1/safety/patients/%s/adverse-events?limit=200",
                    "/api/v1/efficacy/patients/%s/platelet-counts?limit=200",
                    "/api/v1/efficacy/patients/%s/autoantibodies",
                    "/api/v1/efficacy/patients/%s/car-t-kinetics",
                    "/api/v1/efficacy/patients/%s/b-cells")) {
                JsonNode list = patientGet(patient.key(), path);
                JsonNode items = list.isArray() ? list : list.path("items");
                counts.append(patient.key()).append(' ').append(path).append(": ").append(items.size()).append('\n');
            }
            counts.append(patient.key()).append(" lymphodepletion: ")
                    .append(patientGet(patient.key(), "/api/v1/enrollment/patients/%s/lymphodepletion")
                            .path("administrations").size())
                    .append('\n');
        }
        return counts.toString();
    }

    private static void assertFigure(JsonNode summary, String path, String expected) {
        JsonNode value = at(summary, path);
        assertTrue(value.isNumber(), path + " is a number, was " + value + " in " + summary);
        assertEquals(0, new BigDecimal(expected).compareTo(value.decimalValue()),
                path + ": expected " + expected + ", was " + value);
    }

    /** A map of counts: the keys given with their counts, any other key only with 0 (grade maps list every grade). */
    private static void assertCounts(JsonNode summary, String path, Map<String, Integer> expected) {
        JsonNode counts = at(summary, path);
        assertTrue(counts.isObject(), path + " is an object, was " + counts);
        expected.forEach((key, count) -> assertEquals(count.intValue(), counts.path(key).asInt(-1),
                path + "." + key + " in " + counts));
        counts.properties().forEach(entry -> {
            if (!expected.containsKey(entry.getKey())) {
                assertEquals(0, entry.getValue().asInt(), path + "." + entry.getKey() + " in " + counts);
            }
        });
    }

    private static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String part : dottedPath.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }
}
