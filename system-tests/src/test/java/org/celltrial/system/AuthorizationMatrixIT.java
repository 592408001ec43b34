package org.celltrial.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.celltrial.system.AccessTable.Caller;
import org.celltrial.system.AccessTable.Outcome;
import org.celltrial.system.AccessTable.Row;
import org.celltrial.system.AccessTable.Via;
import org.celltrial.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix: every operation of the gateway's merged OpenAPI document × every role and role
 * combination × a patient (or siteCode) of the caller's own site and of another site, through the gateway and
 * directly to the service, each answer checked against the one table of expected decisions
 * ({@code access-table.txt}, {@link AccessTable#expect}). An operation without a row fails the test.
 *
 * <p>The matrix writes only to its own sites (MX-A, MX-B) and patients, with bodies that fail validation: the
 * role check ({@code @RolesAllowed}, and the gateway's route policy) comes before validation, so a refused write
 * is 403 whatever its body, while an allowed one is answered 400/404/409/428 and stores nothing. The site decision
 * of writes comes after validation; {@link #sitesDecideValidWrites} checks it with valid bodies.
 *
 * <p>Long form ({@code -Dcelltrial.long=true}): every pair of the six roles as well.
 */
class AuthorizationMatrixIT {

    static final String OWN = "MX-A";
    static final String OTHER = "MX-B";
    private static final boolean LONG = Boolean.getBoolean("celltrial.long");

    private static RunningSuite suite;
    private static ApiDocument api;
    private static AccessTable table;
    private static final Map<String, String> PATIENT = new LinkedHashMap<>();
    private static final Map<String, String> ADVERSE_EVENT = new LinkedHashMap<>();

    @BeforeAll
    static void startWithPatientsAtTwoSites() {
        suite = RunningSuite.get();
        api = ApiDocument.fetch(suite.gateway.url());
        table = AccessTable.load();
        for (Caller caller : callers()) {
            if (caller.user().startsWith("matrix-")) {
                TestUsers.ensure(caller.user(), caller.roles(), List.copyOf(caller.sites()));
            }
        }
        for (String site : List.of(OWN, OTHER)) {
            StudyPatients.ensureSite(suite, site);
            String patient = StudyPatients.screened(suite, site, "data-manager", "MX", "1990-01-01", null);
            PATIENT.put(site, patient);
            ADVERSE_EVENT.put(site, StudyPatients.as("data-manager").body(adverseEvent())
                    .post(suite.gateway.url() + "/api/v1/safety/patients/" + patient + "/adverse-events")
                    .then().statusCode(201).extract().path("id"));
        }
    }

    static Map<String, Object> adverseEvent() {
        return Map.of("ctcaeTerm", "Headache", "meddraCode", "10019211", "onset", "2025-01-10", "grade", 1,
                "serious", false, "seriousnessCriteria", List.of(), "treatments", List.of());
    }

    /** The demo users and users made for the matrix (sites MX-A and MX-B only). */
    static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>(List.of(
                new Caller("matrix-inv", Set.of("investigator"), Set.of(OWN)),
                new Caller("matrix-mon", Set.of("monitor"), Set.of(OWN)),
                new Caller("data-manager", Set.of("data-manager"), Set.of()),
                new Caller("safety-officer", Set.of("safety-officer"), Set.of()),
                new Caller("sponsor-user", Set.of("sponsor"), Set.of()),
                new Caller("sponsor-system", Set.of("sponsor"), Set.of()),
                new Caller("admin-user", Set.of("admin"), Set.of()),
                new Caller("matrix-inv-adm", Set.of("investigator", "admin"), Set.of(OWN)),
                new Caller("matrix-inv-so", Set.of("investigator", "safety-officer"), Set.of(OWN)),
                new Caller("matrix-inv-sp", Set.of("investigator", "sponsor"), Set.of(OWN)),
                new Caller("matrix-inv-multi", Set.of("investigator"), Set.of(OWN, OTHER))));
        if (LONG) {
            List<String> codes = List.of("INV", "DM", "SO", "MON", "SP", "ADM");
            for (int i = 0; i < codes.size(); i++) {
                for (int j = i + 1; j < codes.size(); j++) {
                    String user = "matrix-pair-" + codes.get(i).toLowerCase() + "-" + codes.get(j).toLowerCase();
                    callers.add(new Caller(user, Set.of(AccessTable.ROLES.get(codes.get(i)),
                            AccessTable.ROLES.get(codes.get(j))), Set.of(OWN)));
                }
            }
        }
        return callers;
    }

    @Test
    void everyOperationHasARowAndEveryRowAnOperation() {
        Set<String> documented = new TreeSet<>();
        api.operations.forEach(op -> documented.add(op.key()));
        Set<String> withoutRow = new TreeSet<>(documented);
        withoutRow.removeAll(table.rows.keySet());
        Set<String> withoutOperation = new TreeSet<>(table.rows.keySet());
        withoutOperation.removeAll(documented);
        System.out.printf("[matrix] OpenAPI operations: %d, table rows: %d%n", documented.size(), table.rows.size());
        assertEquals(Set.of(), withoutRow, "operations of the OpenAPI document without a row in access-table.txt");
        assertEquals(Set.of(), withoutOperation, "rows of access-table.txt naming no operation of the OpenAPI document");
        assertTrue(documented.size() >= 70, "the merged document lists the whole API: " + documented.size());
    }

    @Test
    void everyOperationTimesEveryCallerAndSiteThroughTheGatewayAndDirectly() {
        long started = System.nanoTime();
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        Map<Outcome, Integer> byOutcome = new LinkedHashMap<>();
        for (ApiDocument.Operation op : api.operations) {
            Row row = table.rows.get(op.key());
            if (row == null) {
                continue; // everyOperationHasARowAndEveryRowAnOperation names it
            }
            for (Via via : Via.values()) {
                if (via == Via.DIRECT && row.gatewayOnly()) {
                    continue;
                }
                String base = via == Via.GATEWAY ? suite.gateway.url() : serviceUrl(op.service());
                // no token: 401 problem, before anything else
                Calls.Answer anonymous = call(op, base, null, OWN);
                cells++;
                if (anonymous.status() != 401 || !anonymous.isProblem()) {
                    mismatches.add(describe(op, via, "(no token)", OWN, "401", anonymous));
                }
                for (Caller caller : callers()) {
                    if (via == Via.GATEWAY && caller.user().equals("sponsor-system")) {
                        continue; // the machine client's bucket is small in the tests (GatewayAccessIT spends it)
                    }
                    for (String site : List.of(OWN, OTHER)) {
                        Outcome expected = AccessTable.expect(row, caller, site, via);
                        Calls.Answer answer = call(op, base, caller.user(), site);
                        cells++;
                        byOutcome.merge(expected, 1, Integer::sum);
                        // A write body that fails validation is refused by it before the site decision, or
                        // after it where the service checks the site first (an administration, whose fields are
                        // all optional): either answer is right.
                        boolean siteDecided = !row.isRead() && expected == Outcome.ALLOWED
                                && matches(AccessTable.expectValidWrite(row, caller, site), row, answer);
                        if (!matches(expected, row, answer) && !siteDecided) {
                            mismatches.add(describe(op, via, caller.toString(), site, expected.name(), answer));
                        }
                    }
                }
            }
        }
        System.out.printf("[matrix] %d operations x %d callers x 2 sites x (gateway, direct): %d cells %s, "
                        + "%d mismatches, %.1f s%n", table.rows.size(), callers().size(), cells, byOutcome,
                mismatches.size(), (System.nanoTime() - started) / 1e9);
        mismatches.forEach(m -> System.out.println("[matrix] MISMATCH " + m));
        assertEquals(List.of(), mismatches);
    }

    /**
     * The site decision of writes, which follows validation: valid bodies, on the matrix's own patients. A site the
     * caller may not read is 404, one it reads but may not write (an investigator who is also safety officer) 403.
     */
    @Test
    void sitesDecideValidWrites() {
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Caller caller : callers()) {
            if (caller.user().equals("sponsor-system")) {
                continue; // its gateway bucket is small in the tests; sponsor-user holds the same role
            }
            for (String site : List.of(OWN, OTHER)) {
                String patient = PATIENT.get(site);
                Map<String, Object> screening = new LinkedHashMap<>(Map.of("siteCode", site, "screeningNumber",
                        "MXW-" + UUID.randomUUID().toString().substring(0, 8), "sex", "M", "birthDate", "1990-01-01",
                        "heightCm", 180, "weightKg", 80, "itpDiagnosisDate", "2018-01-01",
                        "baselinePlateletCountPer1e9L", 20, "priorTherapies", List.of()));
                Map<String, Object> vitals = Map.of("at", "2025-01-10T08:00:00Z", "temperatureC", 37.0,
                        "hypotension", "NONE", "oxygen", "NONE", "antipyreticOrAntiCytokine", false);
                Map<String, Map<String, Object>> writes = new LinkedHashMap<>();
                writes.put("POST /api/v1/enrollment/patients", screening);
                writes.put("POST /api/v1/safety/patients/{id}/vitals", vitals);
                writes.put("POST /api/v1/safety/patients/{id}/adverse-events", adverseEvent());
                for (Map.Entry<String, Map<String, Object>> write : writes.entrySet()) {
                    Row row = table.rows.get(write.getKey());
                    Outcome expected = AccessTable.expectValidWrite(row, caller, site);
                    String path = row.path().replace("{id}", patient);
                    Calls.Answer answer = Calls.send("POST", suite.gateway.url() + path, caller.user(),
                            "application/json", json(write.getValue()), Map.of(), Calls.requestId("mxw"));
                    cells++;
                    boolean ok = switch (expected) {
                        case ALLOWED -> answer.status() == 201 || answer.status() == 200;
                        case FORBIDDEN -> answer.status() == 403 && answer.isProblem();
                        case HIDDEN -> answer.status() == 404 && answer.isProblem();
                    };
                    if (!ok) {
                        mismatches.add(write.getKey() + " " + caller + " at " + site + ": expected " + expected + ", got "
                                + answer.status() + " " + abbreviate(answer.body()));
                    }
                }
            }
        }
        System.out.printf("[matrix] valid writes: %d cells, %d mismatches%n", cells, mismatches.size());
        mismatches.forEach(m -> System.out.println("[matrix] MISMATCH " + m));
        assertEquals(List.of(), mismatches);
    }

    private static boolean matches(Outcome expected, Row row, Calls.Answer answer) {
        int status = answer.status();
        return switch (expected) {
            case FORBIDDEN -> status == 403 && answer.isProblem();
            case HIDDEN -> status == 404 && answer.isProblem();
            case ALLOWED -> status != 401 && status != 403 && status < 500
                    && !(row.isRead() && row.scope() == AccessTable.Scope.READ && status == 404);
        };
    }

    private static Calls.Answer call(ApiDocument.Operation op, String base, String user, String site) {
        String path = op.path().replace("{id}", PATIENT.get(site)).replace("{aeId}", ADVERSE_EVENT.get(site))
                .replace("{code}", site).replace("{version}", "1");
        Matcher other = Pattern.compile("\\{[^}]+}").matcher(path);
        path = other.replaceAll(UUID.randomUUID().toString());
        if (op.hasQuery("siteCode")) {
            path += "?siteCode=" + site;
        }
        String body = null;
        String contentType = null;
        if (!op.isRead()) {
            // fails validation (every write body has a required field); the role decision comes first
            body = "{}";
            contentType = op.bodyMediaType() != null ? op.bodyMediaType() : "application/json";
        }
        return Calls.send(op.method(), base + path, user, contentType, body, Map.of(), Calls.requestId("mx"));
    }

    private String serviceUrl(String service) {
        return switch (service) {
            case "enrollment" -> suite.enrollment.url();
            case "safety" -> suite.safety.url();
            case "efficacy" -> suite.efficacy.url();
            default -> throw new IllegalStateException("no service " + service);
        };
    }

    private static String describe(ApiDocument.Operation op, Via via, String caller, String site, String expected,
            Calls.Answer answer) {
        return op.key() + " via " + via + " as " + caller + " at " + site + ": expected " + expected + ", got "
                + answer.status() + " " + abbreviate(answer.body());
    }

    static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    static String json(Object value) {
        try {
            return ApiDocument.JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
