package org.celltrial.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pseudonymisation canary: patients with unique birth dates and initials (the canaries), with adverse events,
 * vitals and platelet counts, then every operation a sponsor may call (from the OpenAPI document and
 * access-table.txt: summaries, line listing, feed, SDTM (CSV, Dataset-JSON), FHIR and E2B(R3) exports, patient
 * references one by one and in bulk, the study summary…)
 * as sponsor-user through the gateway and as the sponsor-system client directly at the services, and the services'
 * and gateway's logs: no canary birth date in any format (ISO, yyyyMMdd, dd/MM/yyyy, MM/dd/yyyy, dd.MM.yyyy) and no
 * canary initials anywhere. A data manager's read of the same patients finds them (the scanner works).
 *
 * <p>Long form ({@code -Dcelltrial.long=true}): 12 canary patients instead of 3, every page of every list.
 */
class PseudonymisationCanaryIT {

    private static final boolean LONG = Boolean.getBoolean("celltrial.long");
    private static final String SITE = "CANARY-1";
    private static final String AS_OF = "2025-06-30";
    private static final long SEED = Long.getLong("celltrial.fuzz.seed", 20261205L);

    private static RunningSuite suite;
    private static ApiDocument api;
    private static AccessTable table;
    private static final List<String> PATIENTS = new ArrayList<>();
    private static final List<String> CANARIES = new ArrayList<>();
    /** Each patient's own ISO birth date and initials, which a data manager's read of that patient shows. */
    private static final Map<String, List<String>> OWN_CANARIES = new LinkedHashMap<>();
    private static final List<String> ADVERSE_EVENTS = new ArrayList<>();
    /** The canary patients' serious events' onset: the E2B(R3) batch is read for this day. */
    private static final String E2B_ONSET = "2025-02-03";
    private static final String BULK_REFERENCES = "POST /api/v1/enrollment/patients/references";
    private static final String REFERENCE_REVISIONS = "POST /api/v1/enrollment/patients/reference-revisions";

    @BeforeAll
    static void seedCanaryPatients() {
        suite = RunningSuite.get();
        api = ApiDocument.fetch(suite.gateway.url());
        table = AccessTable.load();
        StudyPatients.ensureSite(suite, SITE);
        // unique per run (the logs are kept across runs), born 1951-1969: no other test's patient, no trial date
        Random random = new Random(SEED ^ System.nanoTime());
        int patients = LONG ? 12 : 3;
        for (int i = 0; i < patients; i++) {
            LocalDate birth;
            String initials;
            do { // unique among this run's canaries, so each hit names one patient
                birth = LocalDate.of(1951 + random.nextInt(19), 1 + random.nextInt(12), 1 + random.nextInt(28));
                initials = initials(random);
            } while (CANARIES.contains(birth.toString()) || CANARIES.contains(initials));
            String id = StudyPatients.infused(suite, SITE, "data-manager", "CANARY", birth.toString(), initials);
            PATIENTS.add(id);
            OWN_CANARIES.put(id, List.of(birth.toString(), initials));
            CANARIES.addAll(dateForms(birth));
            CANARIES.add(initials);
            String patient = suite.gateway.url() + "/api/v1/";
            // a serious event with every fact an E2B(R3) report needs, so the sponsor's reports hold it
            Map<String, Object> seriousEvent = new java.util.HashMap<>(Map.of("ctcaeTerm", "Cytokine release syndrome",
                    "meddraCode", "10052015", "onset", E2B_ONSET, "grade", 3, "serious", true,
                    "seriousnessCriteria", List.of("HOSPITALISATION"), "treatments", List.of("tocilizumab"),
                    "awarenessDate", E2B_ONSET, "relatedToCarT", "PROBABLE"));
            seriousEvent.put("outcome", "RECOVERED");
            seriousEvent.put("resolvedOn", "2025-02-06");
            ADVERSE_EVENTS.add(StudyPatients.as("data-manager").body(seriousEvent)
                    .post(patient + "safety/patients/" + id + "/adverse-events").then().statusCode(201)
                    .extract().path("id"));
            StudyPatients.as("data-manager").body(Map.of("at", "2025-02-02T08:00:00Z", "temperatureC", 39.1,
                            "hypotension", "NONE", "oxygen", "NONE", "antipyreticOrAntiCytokine", false))
                    .post(patient + "safety/patients/" + id + "/vitals").then().statusCode(201);
            for (String date : List.of("2025-02-10", "2025-03-01", "2025-03-15")) {
                StudyPatients.as("data-manager").body(Map.of("date", date, "valuePer1e9L", 80))
                        .post(patient + "efficacy/patients/" + id + "/platelet-counts").then().statusCode(201);
            }
        }
    }

    private static String initials(Random random) {
        String consonants = "BCDFGHJKLMNPQRSTVWXZ";
        StringBuilder initials = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            initials.append(consonants.charAt(random.nextInt(consonants.length())));
        }
        return initials.toString();
    }

    static List<String> dateForms(LocalDate date) {
        return List.of(date.toString(), date.format(DateTimeFormatter.BASIC_ISO_DATE),
                date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")),
                date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    }

    @Test
    void noSponsorAnswerAndNoLogCarriesACanary() {
        long started = System.nanoTime();
        Set<String> sponsorOps = table.allowedThroughGateway(Set.of("sponsor"));
        List<String> hits = new ArrayList<>();
        long bytes = 0;
        int responses = 0;
        Map<String, Integer> perOperation = new LinkedHashMap<>();
        for (ApiDocument.Operation op : api.operations) {
            if (!sponsorOps.contains(op.key())) {
                continue;
            }
            // a sponsor only reads; the reads with a body are the bulk reference reads, asked for the canaries
            boolean bulkReferences = op.key().equals(BULK_REFERENCES) || op.key().equals(REFERENCE_REVISIONS);
            assertTrue(op.method().equals("GET") || bulkReferences, "a sponsor only reads: " + op.key());
            for (String url : urls(op)) {
                for (boolean direct : new boolean[] {false, true}) {
                    if (direct && op.service().equals("study")) {
                        continue;
                    }
                    String base = direct ? serviceUrl(op.service()) : suite.gateway.url();
                    String user = direct ? "sponsor-system" : "sponsor-user";
                    List<Calls.Answer> pages = bulkReferences
                            ? List.of(Calls.send("POST", base + url, user, "application/json",
                                    "{\"ids\":[\"" + String.join("\",\"", PATIENTS) + "\"]}", Map.of(),
                                    Calls.requestId("canary")))
                            : readAllPages(base + url, user);
                    for (Calls.Answer answer : pages) {
                        assertTrue(answer.status() == 200, op.key() + " as " + user + ": " + answer.status() + " "
                                + AuthorizationMatrixIT.abbreviate(answer.body()));
                        responses++;
                        bytes += answer.body().length();
                        perOperation.merge(op.key(), 1, Integer::sum);
                        for (String canary : CANARIES) {
                            if (answer.body().contains(canary)) {
                                hits.add(canary + " in " + op.key() + " (" + url + ") as " + user);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(perOperation.keySet().containsAll(List.of("GET /api/v1/safety/feed", "GET /api/v1/safety/export/fhir",
                "GET /api/v1/safety/export/sdtm-ae", "GET /api/v1/safety/export/sdtm-ae.json",
                "GET /api/v1/safety/sae/{aeId}/e2b", "GET /api/v1/safety/sae/e2b", "GET /api/v1/safety/line-listing",
                "GET /api/v1/study/summary", "GET /api/v1/enrollment/patients/{id}/reference", BULK_REFERENCES,
                REFERENCE_REVISIONS)),
                "the sponsor's reports were read: " + perOperation);

        ServiceLogs.settle();
        long logBytes = 0;
        for (Path log : ServiceLogs.all()) {
            String text = ServiceLogs.read(log);
            logBytes += text.length();
            for (String canary : CANARIES) {
                if (text.contains(canary)) {
                    hits.add(canary + " in log " + log.getFileName());
                }
            }
        }
        System.out.printf("[canary] %d canary patients, %d canary strings; %d sponsor operations, %d responses, "
                        + "%d bytes scanned; %d log files, %d bytes scanned; %d hits; %.1f s%n", PATIENTS.size(),
                CANARIES.size(), perOperation.size(), responses, bytes, ServiceLogs.all().size(), logBytes,
                hits.size(), (System.nanoTime() - started) / 1e9);
        hits.forEach(hit -> System.out.println("[canary] HIT " + hit));
        assertEquals(List.of(), hits);
    }

    /** The scanner finds the canaries where they belong: a data manager reads the patients' identifying data. */
    @Test
    void aDataManagerSeesTheCanaries() {
        for (String id : PATIENTS) {
            Calls.Answer patient = Calls.get(suite.gateway.url() + "/api/v1/enrollment/patients/" + id, "data-manager",
                    Calls.requestId("canary"));
            assertEquals(200, patient.status());
            List<String> own = OWN_CANARIES.get(id);
            assertEquals(own, own.stream().filter(patient.body()::contains).toList(),
                    "ISO birth date and initials: " + patient.body());
        }
        // and the sponsor's reports cover these patients (a report without them would prove nothing)
        Calls.Answer listing = Calls.get(suite.gateway.url() + "/api/v1/safety/line-listing?siteCode=" + SITE
                + "&asOf=" + AS_OF + "&limit=200", "sponsor-user", Calls.requestId("canary"));
        assertEquals(200, listing.status());
        assertFalse(listing.body().contains("\"items\":[]"), listing.body());
        assertTrue(listing.body().contains("CT-" + SITE), "subject IDs of the canary site: " + listing.body());
    }

    private List<String> urls(ApiDocument.Operation op) {
        List<String> urls = new ArrayList<>();
        List<String> ids = op.path().contains("{id}") ? PATIENTS
                : op.path().contains("{aeId}") ? ADVERSE_EVENTS : List.of("");
        for (String id : ids) {
            String path = op.path().replace("{id}", id).replace("{aeId}", id).replace("{code}", SITE)
                    .replace("{version}", "1");
            List<String> queries = new ArrayList<>();
            if (op.hasQuery("from") && op.hasQuery("to")) {
                // a date range is required (the E2B(R3) batch): the canaries' events, at their site only
                urls.add(path + "?from=" + E2B_ONSET + "&to=" + E2B_ONSET + "&siteCode=" + SITE);
                continue;
            }
            queries.add("");
            if (op.hasQuery("asOf")) {
                queries.add("asOf=" + AS_OF);
            }
            if (op.hasQuery("siteCode")) {
                queries.add("siteCode=" + SITE + (op.hasQuery("asOf") ? "&asOf=" + AS_OF : ""));
            }
            if (op.hasQuery("limit")) {
                queries.replaceAll(q -> q.isEmpty() ? "limit=200" : q + "&limit=200");
            }
            for (String query : queries) {
                urls.add(query.isEmpty() ? path : path + "?" + query);
            }
        }
        return urls;
    }

    /** The answer, and for lists (items + nextCursor) the following pages too (the feed by since=). */
    private static List<Calls.Answer> readAllPages(String url, String user) {
        List<Calls.Answer> pages = new ArrayList<>();
        String next = url;
        for (int page = 0; next != null && page < (LONG ? 500 : 50); page++) {
            Calls.Answer answer = Calls.get(next, user, Calls.requestId("canary"));
            pages.add(answer);
            next = null;
            if (answer.status() == 200 && answer.contentType() != null && answer.contentType().contains("json")) {
                try {
                    JsonNode body = ApiDocument.JSON.readTree(answer.body());
                    JsonNode cursor = body.path("nextCursor");
                    if (body.has("items") && cursor.isTextual() && body.path("items").size() > 0) {
                        String parameter = url.contains("/feed") ? "since" : "cursor";
                        String base = url.replaceAll("[?&](since|cursor)=[^&]*", "");
                        next = base + (base.contains("?") ? "&" : "?") + parameter + "="
                                + java.net.URLEncoder.encode(cursor.asText(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                } catch (Exception notJson) {
                    // a FHIR bundle or another document: one page
                }
            }
        }
        return pages;
    }

    private String serviceUrl(String service) {
        return switch (service) {
            case "enrollment" -> suite.enrollment.url();
            case "safety" -> suite.safety.url();
            case "efficacy" -> suite.efficacy.url();
            default -> throw new IllegalStateException("no service " + service);
        };
    }
}
