package org.celltrial.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Schema fuzzing from the OpenAPI document: for every write operation, malformed and boundary bodies generated from
 * its request schema (a property null, of the wrong type, huge, negative, very long, an invalid date, an unknown enum
 * value, deeply nested; a required property left out, an unknown one added; invalid JSON, an empty body, a body over
 * the size limit, the wrong content type; broken Idempotency-Key and If-Match headers, a path ID that is no UUID),
 * sent through the gateway as a role allowed to write, on a patient of the suite's own site (FUZZ-1).
 *
 * <p>Asserted: no 5xx, no stack trace or exception name in any body, every 4xx an application/problem+json problem
 * (or, from the FHIR intake, a FHIR OperationOutcome),
 * and nothing stored by refused requests: the patient's, site's and protocol's data read back through the API
 * (every list of the patient, its versions, the sites, the protocol) are the same after every batch of requests of
 * which none was accepted. Updates carry a stale {@code If-Match}, so a body that happens to be valid changes
 * nothing (412), and the protocol and screening data can never be amended by the fuzzer.
 *
 * <p>The random choices come from a fixed seed ({@code -Dcelltrial.fuzz.seed}, printed) so a failure reproduces.
 * Short form: a dozen cases per operation; long form ({@code -Dcelltrial.long=true}): at least 10 000 requests.
 */
class SchemaFuzzIT {

    private static final boolean LONG = Boolean.getBoolean("celltrial.long");
    private static final long SEED = Long.getLong("celltrial.fuzz.seed", 20261205L);
    private static final String SITE = "FUZZ-1";
    private static final String STALE = "\"999999\"";
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat (org|java|io|com|jdk|sun)\\.[\\w.$]+\\(|Exception|Caused by|\\.java:\\d+");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for a value nested 2 000 arrays deep, replaced in the body as sent. */
    private static final String DEEP = "__nested_2000_deep__";

    private static RunningSuite suite;
    private static ApiDocument api;
    private static AccessTable table;
    private static String patient;
    private static String adverseEvent;
    private static final Map<String, String> RECORDS = new LinkedHashMap<>();

    /** One fuzzed request. */
    record Case(String label, String contentType, String body, Map<String, String> headers, String pathId) {
    }

    /**
     * A lock body that happens to be valid locks (the fuzzer writes as data manager): lift every lock still in force,
     * so the suites after this one can write their data.
     */
    @AfterAll
    static void liftTheLocksTheFuzzerMade() {
        for (String service : List.of("enrollment", "safety", "efficacy")) {
            List<String> inForce = StudyPatients.as("data-manager").get(suite.gateway.url() + "/api/v1/" + service
                    + "/locks").then().statusCode(200).extract().path("findAll { it.inForce }.id");
            inForce.forEach(lock -> StudyPatients.as("data-manager").body(Map.of("reason", "made by schema fuzzing"))
                    .post(suite.gateway.url() + "/api/v1/" + service + "/locks/" + lock + "/unlock")
                    .then().statusCode(200));
            System.out.printf("[schema-fuzz] %s: lifted %d lock(s) the fuzzer made%n", service, inForce.size());
        }
    }

    @BeforeAll
    static void aPatientToFuzz() {
        suite = RunningSuite.get();
        api = ApiDocument.fetch(suite.gateway.url());
        table = AccessTable.load();
        StudyPatients.ensureSite(suite, SITE);
        patient = StudyPatients.infused(suite, SITE, "data-manager", "FUZZ", "1990-01-01", null);
        String base = suite.gateway.url() + "/api/v1/";
        adverseEvent = StudyPatients.as("data-manager").body(AuthorizationMatrixIT.adverseEvent())
                .post(base + "safety/patients/" + patient + "/adverse-events").then().statusCode(201)
                .extract().path("id");
        RECORDS.put("safety/vitals", StudyPatients.as("data-manager").body(Map.of("at", "2025-02-02T08:00:00Z",
                        "temperatureC", 37.2, "hypotension", "NONE", "oxygen", "NONE",
                        "antipyreticOrAntiCytokine", false))
                .post(base + "safety/patients/" + patient + "/vitals").then().statusCode(201).extract().path("id"));
        RECORDS.put("efficacy/platelet-counts", StudyPatients.as("data-manager")
                .body(Map.of("date", "2025-02-10", "valuePer1e9L", 40))
                .post(base + "efficacy/patients/" + patient + "/platelet-counts").then().statusCode(201)
                .extract().path("id"));
    }

    @Test
    void malformedAndBoundaryBodiesAreRefusedCleanly() {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        List<ApiDocument.Operation> writes = api.operations.stream().filter(op -> !op.isRead()).toList();
        int perOperation = LONG ? Math.max(10_000 / writes.size() + 1, 300) : 12;
        List<String> violations = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        int strictBatches = 0;
        int batchesWithAccepted = 0;
        for (ApiDocument.Operation op : writes) {
            String user = writer(op);
            List<Case> all = cases(op, random);
            List<Case> chosen = new ArrayList<>();
            if (LONG) {
                for (int i = 0; i < perOperation; i++) {
                    chosen.add(all.get(random.nextInt(all.size())));
                }
            } else {
                // the first six whole-body cases (listed first), then a seeded sample of the others
                java.util.Collections.shuffle(all.subList(Math.min(6, all.size()), all.size()), random);
                chosen = all.subList(0, Math.min(perOperation, all.size()));
            }
            for (int from = 0; from < chosen.size(); from += 25) {
                List<Case> batch = chosen.subList(from, Math.min(from + 25, chosen.size()));
                Map<String, String> before = storedState();
                int accepted = 0;
                for (Case c : batch) {
                    Calls.Answer answer = send(op, user, c);
                    sent++;
                    statuses.merge(answer.status(), 1, Integer::sum);
                    String where = op.key() + " [" + c.label() + "] as " + user + " (request " + answer.requestId()
                            + "): ";
                    if (answer.status() >= 500 || answer.status() < 100) {
                        violations.add(where + answer.status() + " " + AuthorizationMatrixIT.abbreviate(answer.body()));
                    }
                    if (answer.body() != null && STACK_TRACE.matcher(answer.body()).find()) {
                        violations.add(where + "a stack trace or exception in the body: "
                                + AuthorizationMatrixIT.abbreviate(answer.body()));
                    }
                    if (answer.status() >= 400 && answer.status() < 500 && !answer.isProblem()
                            && !(takesFhir(op) && answer.isOperationOutcome())) {
                        violations.add(where + answer.status() + " is not a problem: " + answer.contentType() + " "
                                + AuthorizationMatrixIT.abbreviate(answer.body()));
                    }
                    if (answer.status() >= 200 && answer.status() < 300) {
                        accepted++;
                    }
                }
                if (accepted == 0) {
                    strictBatches++;
                    Map<String, String> after = storedState();
                    for (String part : before.keySet()) {
                        if (!before.get(part).equals(after.get(part))) {
                            violations.add(op.key() + ": refused requests changed " + part);
                        }
                    }
                } else {
                    batchesWithAccepted++;
                }
            }
        }
        System.out.printf("[schema-fuzz] seed %d: %d write operations, %d requests, statuses %s; %d batches of refused "
                        + "requests with stored data unchanged checked, %d batches with an accepted request; "
                        + "%d violations; %.1f s%n", SEED, writes.size(), sent, statuses, strictBatches,
                batchesWithAccepted, violations.size(), (System.nanoTime() - started) / 1e9);
        violations.stream().limit(200).forEach(v -> System.out.println("[schema-fuzz] VIOLATION " + v));
        assertEquals(List.of(), violations);
        assertTrue(sent >= (LONG ? 10_000 : 300), "requests sent: " + sent);
    }

    /** Who writes: a role the table allows for the operation, data managers first. */
    private static String writer(ApiDocument.Operation op) {
        AccessTable.Row row = table.rows.get(op.key());
        for (String[] candidate : new String[][] {{"data-manager", "data-manager"}, {"safety-officer", "safety-officer"},
                {"admin", "admin-user"}, {"investigator", "inv-site01"}, {"monitor", "monitor-site01"}}) {
            if (row.gatewayRoles().contains(candidate[0])) {
                return candidate[1];
            }
        }
        throw new IllegalStateException("no writer for " + op.key());
    }

    private static Calls.Answer send(ApiDocument.Operation op, String user, Case c) {
        String path = op.path().replace("{id}", c.pathId() != null ? c.pathId() : patient)
                .replace("{aeId}", adverseEvent);
        String record = RECORDS.get(op.service() + "/" + op.path().replaceAll(".*/patients/\\{id}/([^/]+)/.*", "$1"));
        path = path.replaceAll("\\{[^}]+}", record != null ? record : UUID.randomUUID().toString());
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.hasHeader("If-Match")) {
            headers.put("If-Match", STALE);
        }
        headers.putAll(c.headers());
        headers.values().removeIf(String::isEmpty);
        String body = c.body() == null ? null
                : c.body().replace("\"" + DEEP + "\"", "[".repeat(2_000) + "]".repeat(2_000));
        return Calls.send(op.method(), suite.gateway.url() + path, user, c.contentType(), body, headers,
                Calls.requestId("fz"));
    }

    /** The FHIR intake answers a body it cannot take with a FHIR OperationOutcome, as FHIR clients expect. */
    private static boolean takesFhir(ApiDocument.Operation op) {
        return op.node().path("requestBody").path("content").has("application/fhir+json");
    }

    /** The cases for one operation: whole-body cases first, then one per property and kind of damage. */
    private static List<Case> cases(ApiDocument.Operation op, Random random) {
        String type = op.bodyMediaType() != null ? op.bodyMediaType() : "application/json";
        JsonNode schema = op.bodySchema() != null ? api.resolve(op.bodySchema()) : NODES.objectNode();
        ObjectNode base = (ObjectNode) example(op, schema);
        if (base.has("siteCode")) {
            base.put("siteCode", SITE); // a body that happens to be valid screens at the fuzzer's own site
        }
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("invalid JSON", type, "{\"a\":", Map.of(), null));
        cases.add(new Case("empty body", type, "", Map.of(), null));
        cases.add(new Case("wrong content type", "text/plain", base.toString(), Map.of(), null));
        cases.add(new Case("body over 256 KB", type, "{\"x\":\"" + "A".repeat(300_000) + "\"}", Map.of(), null));
        cases.add(new Case("deep nesting", type, "[".repeat(5_000) + "]".repeat(5_000), Map.of(), null));
        cases.add(new Case("path ID not a UUID", type, base.toString(), Map.of(), "not-a-uuid"));
        for (String body : List.of("null", "[]", "[{}]", "\"text\"", "123", "true", "{'a':1}", "{\"a\":1,}",
                "{\"a\":NaN}", "\u00ff\u00fe{", "{}{}", "{\"a\":{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}}")) {
            cases.add(new Case("body " + AuthorizationMatrixIT.abbreviate(body).substring(0,
                    Math.min(20, body.length())), type, body, Map.of(), null));
        }
        for (String contentType : List.of("application/xml", "application/x-www-form-urlencoded",
                "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/merge-patch+json")) {
            cases.add(new Case("content type " + contentType, contentType, base.toString(), Map.of(), null));
        }
        cases.add(new Case("no content type", null, base.toString(), Map.of(), null));
        if (op.hasHeader("Idempotency-Key")) {
            cases.add(new Case("Idempotency-Key too long", type, broken(base, "?"), Map.of("Idempotency-Key",
                    "k".repeat(300)), null));
            cases.add(new Case("Idempotency-Key of spaces", type, broken(base, "?"), Map.of("Idempotency-Key", "   "),
                    null));
        }
        if (op.hasHeader("If-Match")) {
            for (String ifMatch : List.of("*", "garbage", "W/\"1\"", "\"-1\"", "\"99999999999999999999\"")) {
                cases.add(new Case("If-Match " + ifMatch, type, base.toString(), Map.of("If-Match", ifMatch), null));
            }
        }
        cases.add(new Case("unknown property", type, with(base, "notAField", NODES.textNode("x")).toString(), Map.of(),
                null));
        JsonNode properties = schema.path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode property = api.resolve(properties.get(name));
            for (Map.Entry<String, JsonNode> damage : damages(property).entrySet()) {
                cases.add(new Case(name + ": " + damage.getKey(), type, with(base, name, damage.getValue()).toString(),
                        Map.of(), null));
            }
            if (contains(schema.path("required"), name)) {
                ObjectNode without = base.deepCopy();
                without.remove(name);
                cases.add(new Case(name + ": left out", type, without.toString(), Map.of(), null));
            }
            if (property.path("type").asText().equals("array") || property.path("type").asText().equals("object")) {
                JsonNode items = api.resolve(property.path("items"));
                if (items != null && items.has("properties")) {
                    for (Iterator<String> inner = items.path("properties").fieldNames(); inner.hasNext();) {
                        String innerName = inner.next();
                        JsonNode innerProperty = api.resolve(items.path("properties").get(innerName));
                        for (Map.Entry<String, JsonNode> damage : damages(innerProperty).entrySet()) {
                            ObjectNode element = (ObjectNode) generate(items, 0);
                            element.set(innerName, damage.getValue());
                            ArrayNode array = NODES.arrayNode().add(element);
                            cases.add(new Case(name + "[]." + innerName + ": " + damage.getKey(), type,
                                    with(base, name, array).toString(), Map.of(), null));
                        }
                    }
                }
            }
        }
        return cases;
    }

    /** What can be wrong with one value of this schema. */
    private static Map<String, JsonNode> damages(JsonNode property) {
        Map<String, JsonNode> damages = new LinkedHashMap<>();
        String type = property.path("type").asText("");
        String format = property.path("format").asText("");
        damages.put("null", NODES.nullNode());
        damages.put("an object", NODES.objectNode().put("a", 1));
        damages.put("an array", NODES.arrayNode().add(1));
        damages.put("deeply nested", NODES.textNode(DEEP)); // written out by send(): Jackson writes 1000 levels at most
        if (type.equals("string") || property.has("enum")) {
            damages.put("a number", NODES.numberNode(12345));
            damages.put("a boolean", NODES.booleanNode(true));
            damages.put("empty", NODES.textNode(""));
            damages.put("blank", NODES.textNode("   "));
            damages.put("10 000 characters", NODES.textNode("x".repeat(10_000)));
            damages.put("control characters", NODES.textNode("\u0000\u0001\u001b[31m"));
            damages.put("unicode", NODES.textNode("\uD83D\uDC89 Ä ∑ \u202E"));
        }
        if (property.has("enum")) {
            damages.put("unknown enum value", NODES.textNode("NOT_A_VALUE"));
            damages.put("enum value in lower case", NODES.textNode(property.path("enum").path(0).asText().toLowerCase()));
        }
        if (format.equals("date") || format.equals("date-time")) {
            for (String date : List.of("2025-02-30", "2025-13-01", "0000-00-00", "+999999999-12-31", "-000001-01-01",
                    "2025-02-01T25:00:00Z", "yesterday", "2025/02/01", "01/02/2025", "9999-12-31", "1800-01-01")) {
                damages.put("date " + date, NODES.textNode(date));
            }
        }
        if (type.equals("number") || type.equals("integer")) {
            damages.put("a string", NODES.textNode("abc"));
            damages.put("a numeric string", NODES.textNode("12"));
            damages.put("huge", NODES.numberNode(new java.math.BigDecimal("1e308")));
            damages.put("beyond double", NODES.numberNode(new java.math.BigDecimal("1e400")));
            damages.put("beyond long", NODES.numberNode(new java.math.BigInteger("92233720368547758080")));
            damages.put("a 1000-digit number", NODES.numberNode(new java.math.BigInteger("9".repeat(1_000))));
            damages.put("negative", NODES.numberNode(-1));
            damages.put("very negative", NODES.numberNode(new java.math.BigDecimal("-1e308")));
            damages.put("tiny", NODES.numberNode(new java.math.BigDecimal("1e-300")));
            damages.put("many decimals", NODES.numberNode(new java.math.BigDecimal("1.00000000000000000000001")));
            damages.put("int overflow", NODES.numberNode(2_147_483_648L));
            if (property.has("maximum")) {
                damages.put("just above maximum", NODES.numberNode(property.get("maximum").decimalValue()
                        .add(new java.math.BigDecimal("0.1"))));
            }
            if (property.has("minimum")) {
                damages.put("just below minimum", NODES.numberNode(property.get("minimum").decimalValue()
                        .subtract(new java.math.BigDecimal("0.1"))));
            }
        }
        if (type.equals("boolean")) {
            damages.put("a string", NODES.textNode("yes"));
            damages.put("a number", NODES.numberNode(1));
        }
        if (type.equals("array")) {
            damages.put("a string", NODES.textNode("x"));
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 5_000; i++) {
                many.add("x");
            }
            damages.put("5 000 elements", many);
            damages.put("nulls", NODES.arrayNode().addNull().addNull());
        }
        return damages;
    }


    /** The operation's own example, else a body generated from the schema (valid where the schema says enough). */
    private static JsonNode example(ApiDocument.Operation op, JsonNode schema) {
        JsonNode examples = op.node().path("requestBody").path("content").path(op.bodyMediaType() == null ? ""
                : op.bodyMediaType()).path("examples");
        if (examples.isObject() && examples.size() > 0) {
            JsonNode value = examples.elements().next().path("value");
            if (value.isObject()) {
                return value.deepCopy();
            }
        }
        JsonNode generated = generate(schema, 0);
        return generated.isObject() ? generated : NODES.objectNode();
    }

    private static JsonNode generate(JsonNode schemaOrRef, int depth) {
        JsonNode schema = api.resolve(schemaOrRef);
        if (schema == null || depth > 4) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        switch (type) {
            case "string":
                if (format.equals("date")) {
                    return NODES.textNode("2025-03-01");
                }
                if (format.equals("date-time")) {
                    return NODES.textNode("2025-03-01T08:00:00Z");
                }
                if (format.equals("uuid")) {
                    return NODES.textNode(UUID.randomUUID().toString());
                }
                String pattern = schema.path("pattern").asText("");
                if (pattern.equals("[0-9]{8}")) {
                    return NODES.textNode("10019211");
                }
                if (pattern.startsWith("[A-Z0-9]")) {
                    return NODES.textNode("FZ-" + Integer.toHexString(depth + 10).toUpperCase());
                }
                if (pattern.startsWith("[A-Z]")) {
                    return NODES.textNode("AB");
                }
                return NODES.textNode("fuzz");
            case "integer":
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "number":
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").decimalValue()
                        : java.math.BigDecimal.ONE);
            case "boolean":
                return NODES.booleanNode(false);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (schema.path("minItems").asInt(0) > 0) {
                    array.add(generate(schema.path("items"), depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                JsonNode required = schema.path("required");
                for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext();) {
                    String name = names.next();
                    if (contains(required, name) || name.equals("reason")) {
                        object.set(name, generate(schema.path("properties").get(name), depth + 1));
                    }
                }
                return object;
            }
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode with(ObjectNode base, String name, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        copy.set(name, value);
        return copy;
    }

    private static String broken(ObjectNode base, String marker) {
        return with(base, "notAField", NODES.textNode(marker)).toString();
    }

    /** What is stored, read back through the API as a data manager: every list of the patient, versions, sites. */
    private static Map<String, String> storedState() {
        String base = suite.gateway.url() + "/api/v1/";
        String p = "/patients/" + patient;
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : List.of("enrollment" + p, "enrollment" + p + "/therapies?limit=200",
                "enrollment" + p + "/deviations?limit=200", "enrollment" + p + "/lymphodepletion",
                "enrollment/patients?siteCode=" + SITE + "&limit=200", "enrollment/protocol",
                "safety" + p + "/vitals?limit=200", "safety" + p + "/labs?limit=200",
                "safety" + p + "/neuro-assessments?limit=200", "safety" + p + "/adverse-events?limit=200",
                "safety/adverse-events/" + adverseEvent, "efficacy" + p + "/platelet-counts?limit=200",
                "efficacy" + p + "/autoantibodies", "efficacy" + p + "/car-t-kinetics", "efficacy" + p + "/b-cells")) {
            Calls.Answer answer = Calls.get(base + path, "data-manager", Calls.requestId("fzstate"));
            state.put(path, answer.status() + " " + answer.body());
        }
        state.put("sites", sites(base));
        return state;
    }

    private static String sites(String base) {
        StringBuilder all = new StringBuilder();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            Calls.Answer answer = Calls.get(base + "enrollment/sites?limit=200" + (cursor == null ? ""
                    : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)),
                    "data-manager", Calls.requestId("fzstate"));
            all.append(answer.body());
            try {
                JsonNode next = ApiDocument.JSON.readTree(answer.body()).path("nextCursor");
                if (!next.isTextual()) {
                    break;
                }
                cursor = next.asText();
            } catch (Exception e) {
                break;
            }
        }
        return all.toString();
    }
}
