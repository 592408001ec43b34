package org.celltrial.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.celltrial.demo.GatewayClient.ApiException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads the demo study ({@code dev/demo/reference-study-2025-06-15.json}) into a running CellTrial, through the
 * gateway with real tokens, as the study's people would enter it: the admin opens the site; the investigator
 * screens each patient, has eligibility assessed, enrolls, plans and gives (or omits) lymphodepletion, records the
 * infusion (Day 0), the therapies around it, vital signs, neurological assessments, labs, platelet counts, ELISAs,
 * qPCR and CD19 counts, and follows up the adverse events the services derived. Only raw observations are sent:
 * every grade and response comes out of the services' engines. Then it reads the study summary at the cut-off and
 * checks it against the figures the file expects.
 *
 * <p>Loading again is harmless: every creating POST carries an {@code Idempotency-Key} made of the patient and the
 * observation (the services answer a retry with the first result and create nothing), and the steps that move a
 * patient on (eligibility, enrollment, lymphodepletion, infusion) are skipped once the patient is past them. Re-run
 * it as the same writer: idempotency keys belong to the user who sent them.
 *
 * <pre>
 * java org.celltrial.demo.DemoStudyLoader --gateway http://localhost:8080 --keycloak http://localhost:8180 \
 *     [--study dev/demo/reference-study-2025-06-15.json] [--site CODE] [--writer USER] [--summary-only] [--no-check]
 * </pre>
 * Exit status: 0 loaded and as expected; 1 a call failed (the problem+json is printed); 2 bad arguments;
 * 3 loaded, but the summary differs from the expected figures.
 */
public final class DemoStudyLoader {

    public static final String DEFAULT_STUDY = "dev/demo/reference-study-2025-06-15.json";

    private static final String ENROLLMENT = "/api/v1/enrollment";
    private static final String SAFETY = "/api/v1/safety";
    private static final String EFFICACY = "/api/v1/efficacy";

    /** Fields of the study file's requests that hold dates (or, for {@code at}, instants) and may be relative. */
    private static final Set<String> DATE_FIELDS = Set.of("date", "start", "end", "screeningDate", "assessedOn",
            "consentDate", "plannedInfusionDate", "resolvedOn", "awarenessDate", "reportedOn");
    private static final String INSTANT_FIELD = "at";

    /** What a follow-up of an adverse event may state besides its treatments (never a grade). */
    private static final List<String> FOLLOW_UP_FIELDS = List.of("relatedToCarT", "relatedToLymphodepletion",
            "outcome", "resolvedOn", "awarenessDate", "expected", "reportedOn");

    /** The observations of a patient: study-file key, path under the patient, and what names one observation. */
    private record Observations(String key, String path, List<String> naturalKey) {
    }

    private static final List<Observations> OBSERVATIONS = List.of(
            new Observations("therapies", ENROLLMENT + "/patients/%s/therapies", List.of("kind", "agent", "start")),
            new Observations("vitals", SAFETY + "/patients/%s/vitals", List.of("at")),
            new Observations("neuroAssessments", SAFETY + "/patients/%s/neuro-assessments", List.of("at")),
            new Observations("labs", SAFETY + "/patients/%s/labs", List.of("analyte", "at")),
            new Observations("plateletCounts", EFFICACY + "/patients/%s/platelet-counts", List.of("date")),
            new Observations("autoantibodies", EFFICACY + "/patients/%s/autoantibodies", List.of("target", "date")),
            new Observations("carTKinetics", EFFICACY + "/patients/%s/car-t-kinetics", List.of("date")),
            new Observations("bCells", EFFICACY + "/patients/%s/b-cells", List.of("date")));

    /** A patient as loaded. */
    public record LoadedPatient(String key, String id, String subjectId, LocalDate day0) {
    }

    /** What was loaded where. */
    public record Loaded(String siteCode, LocalDate asOf, List<LoadedPatient> patients) {

        public LoadedPatient patient(String key) {
            return patients.stream().filter(p -> p.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No patient " + key));
        }
    }

    private final GatewayClient api;
    private final ObjectMapper json;
    private final JsonNode study;
    private final PrintStream out;
    private final String siteCode;
    private final String siteName;
    private final String admin;
    private final String writer;
    private final String reader;
    private final LocalDate asOf;

    /**
     * @param siteCode the site to load into, or null for the file's ({@code SITE-01})
     * @param writer   who enters the data, or null for the file's ({@code inv-site01}); must see the site
     */
    public DemoStudyLoader(GatewayClient api, JsonNode study, String siteCode, String writer, PrintStream out) {
        this.api = api;
        this.json = api.json();
        this.study = study;
        this.out = out;
        JsonNode site = study.path("site");
        this.siteCode = siteCode != null ? siteCode : required(site, "code").asText();
        this.siteName = siteCode != null && !siteCode.equals(site.path("code").asText())
                ? "Demo study site " + siteCode
                : site.path("name").asText("Demo study site " + this.siteCode);
        JsonNode users = study.path("users");
        this.admin = users.path("admin").asText("admin-user");
        this.writer = writer != null ? writer : users.path("writer").asText("inv-site01");
        this.reader = users.path("reader").asText("data-manager");
        this.asOf = LocalDate.parse(required(study, "asOf").asText());
    }

    /** The study file, parsed (comments are keys starting with '_', left in the tree and never sent). */
    public static JsonNode readStudy(Path file) {
        try {
            // Decimals as written (0.300 stays 0.300), not as binary doubles.
            return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the study file " + file + ": " + e.getMessage(), e);
        }
    }

    public String siteCode() {
        return siteCode;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The figures the study file expects the summary to show. */
    public JsonNode expected() {
        return study.path("expected");
    }

    // ------------------------------------------------------------------------------------------------- loading

    public Loaded load() {
        out.printf("Loading \"%s\" into site %s through %s (writer %s)%n", study.path("study").asText(), siteCode,
                api.gatewayUrl(), writer);
        ensureSite();
        checkProtocol();
        List<LoadedPatient> loaded = new ArrayList<>();
        boolean alreadyLoaded = true;
        for (JsonNode patient : study.path("patients")) {
            PatientLoad result = loadPatient(patient);
            loaded.add(result.patient());
            alreadyLoaded &= result.wasAlreadyInfused();
        }
        if (alreadyLoaded) {
            out.println("The study was already loaded at " + siteCode + " (every patient already infused): the "
                    + "observations were sent again with the same Idempotency-Keys, so nothing was duplicated.");
        }
        return new Loaded(siteCode, asOf, List.copyOf(loaded));
    }

    /** Finds the patients of an earlier load without loading anything (by their screening numbers at the site). */
    public Loaded find() {
        List<LoadedPatient> found = new ArrayList<>();
        for (JsonNode patient : study.path("patients")) {
            String screeningNumber = patient.path("screening").path("screeningNumber").asText();
            String id = findByScreeningNumber(screeningNumber);
            if (id == null) {
                throw new IllegalStateException("Patient " + screeningNumber + " is not loaded at " + siteCode
                        + ": load the study first");
            }
            JsonNode view = api.get(writer, ENROLLMENT + "/patients/" + id);
            found.add(new LoadedPatient(patient.path("key").asText(), id, view.path("subjectId").asText(),
                    view.hasNonNull("day0") ? LocalDate.parse(view.path("day0").asText()) : null));
        }
        return new Loaded(siteCode, asOf, List.copyOf(found));
    }

    private void ensureSite() {
        GatewayClient.Answer site = api.get(admin, ENROLLMENT + "/sites/" + siteCode, Set.of(200, 404));
        if (site.status() == 404) {
            ObjectNode request = json.createObjectNode().put("code", siteCode).put("name", siteName);
            api.create(admin, ENROLLMENT + "/sites", request, "demo/site/" + siteCode);
            out.printf("  site %s opened by %s%n", siteCode, admin);
        }
    }

    /** The dose levels the study uses must be the protocol's; the reference protocol is version 1 (Flyway). */
    private void checkProtocol() {
        JsonNode protocol = api.get(writer, ENROLLMENT + "/protocol");
        Map<String, BigDecimal> levels = new LinkedHashMap<>();
        for (JsonNode level : protocol.path("doseLevels")) {
            levels.put(level.path("code").asText(), level.path("cellsPerKg").decimalValue());
        }
        for (JsonNode patient : study.path("patients")) {
            String level = patient.path("infusion").path("doseLevel").asText();
            if (!levels.containsKey(level)) {
                throw new IllegalStateException("The protocol in force has no dose level " + level + " (it has "
                        + levels + "): the demo needs the reference protocol, DL1 1.5e5 and DL2 3e5 cells/kg");
            }
        }
    }

    private record PatientLoad(LoadedPatient patient, boolean wasAlreadyInfused) {
    }

    private PatientLoad loadPatient(JsonNode patient) {
        String key = required(patient, "key").asText();
        LocalDate day0 = LocalDate.parse(required(patient, "day0").asText());
        ObjectNode screening = request(patient.path("screening"), day0, null);
        screening.put("siteCode", siteCode);
        String screeningNumber = required(screening, "screeningNumber").asText();

        String id = screen(screening, screeningNumber);
        String base = ENROLLMENT + "/patients/" + id;
        JsonNode view = api.get(writer, base);
        String subjectId = view.path("subjectId").asText();
        String status = view.path("status").asText();
        boolean wasInfused = Set.of("INFUSED", "FOLLOW_UP", "COMPLETED").contains(status);
        List<String> steps = new ArrayList<>();

        if (Set.of("SCREENING", "ELIGIBLE", "INELIGIBLE").contains(status)) {
            ObjectNode eligibility = request(patient.path("eligibility"), day0, null);
            eligibility.set("answers", study.path("eligibilityAnswers").deepCopy());
            JsonNode assessed = api.post(writer, base + "/eligibility", eligibility);
            if (!"ELIGIBLE".equals(assessed.path("outcome").asText())) {
                throw new IllegalStateException(subjectId + " was assessed " + assessed.path("outcome").asText()
                        + ": " + assessed.path("criteria"));
            }
            status = "ELIGIBLE";
            steps.add("eligible");
        }
        if ("ELIGIBLE".equals(status)) {
            api.post(writer, base + "/enrollment", request(patient.path("enrollment"), day0, null));
            status = "ENROLLED";
            steps.add("enrolled at " + patient.path("enrollment").path("doseLevel").asText());
        }
        if (Set.of("ENROLLED", "LYMPHODEPLETED").contains(status)) {
            steps.add(lymphodeplete(patient.path("lymphodepletion"), id, base, status, day0));
            status = "LYMPHODEPLETED";
        }
        JsonNode infusion;
        if ("LYMPHODEPLETED".equals(status)) {
            infusion = api.post(writer, base + "/infusion", request(patient.path("infusion"), day0, null));
            steps.add("infused (target " + plain(infusion.path("targetCells")) + " cells, infused "
                    + plain(infusion.path("totalCellsInfused")) + ", " + plain(infusion.path("deviationPercent"))
                    + " %)");
        } else if (wasInfused) {
            LocalDate recorded = LocalDate.parse(view.path("day0").asText());
            if (!recorded.equals(day0)) {
                throw new IllegalStateException(subjectId + " (" + screeningNumber + ") was infused on " + recorded
                        + ", but the study file says Day 0 is " + day0 + ": load into a fresh site (--site)");
            }
            steps.add("already infused");
        } else {
            throw new IllegalStateException(subjectId + " is " + status + ": the demo cannot continue from there");
        }

        int sent = 0;
        for (Observations kind : OBSERVATIONS) {
            for (JsonNode observation : patient.path(kind.key())) {
                ObjectNode body = request(observation, day0, study.path("defaults").path(kind.key()));
                api.create(writer, kind.path().formatted(id), body, idempotencyKey(id, kind, body));
                sent++;
            }
        }
        int followUps = followUpAdverseEvents(patient.path("adverseEventFollowUps"), id);

        JsonNode identity = patient.path("screening");
        LocalDate birth = LocalDate.parse(identity.path("birthDate").asText());
        LocalDate diagnosis = LocalDate.parse(identity.path("itpDiagnosisDate").asText());
        out.printf("  %s %s (%s): %s, age %d at Day 0 %s, ITP %d years, follow-up %d months; %s; %d observations%s%n",
                key, subjectId, screeningNumber, identity.path("sex").asText(),
                Period.between(birth, day0).getYears(), day0, Period.between(diagnosis, day0).getYears(),
                Period.between(day0, asOf).toTotalMonths(), String.join(", ", steps), sent,
                followUps == 0 ? "" : ", " + followUps + " adverse event follow-up(s)");
        return new PatientLoad(new LoadedPatient(key, id, subjectId, day0), wasInfused);
    }

    /** Screens the patient (idempotently), or finds it when its screening number was already used at the site. */
    private String screen(ObjectNode screening, String screeningNumber) {
        try {
            return api.create(writer, ENROLLMENT + "/patients", screening,
                    "demo/" + siteCode + "/" + screeningNumber + "/screening").path("id").asText();
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            // Screened before by someone else (idempotency keys are per user): take that patient, if it is ours.
            String id = findByScreeningNumber(screeningNumber);
            if (id == null) {
                throw e;
            }
            out.printf("  %s was already screened at %s (not by %s with this key); continuing with it%n",
                    screeningNumber, siteCode, writer);
            return id;
        }
    }

    private String findByScreeningNumber(String screeningNumber) {
        String cursor = null;
        do {
            JsonNode page = api.get(writer, GatewayClient.withQuery(ENROLLMENT + "/patients",
                    mapOf("siteCode", siteCode, "limit", 200, "cursor", cursor)));
            for (JsonNode row : page.path("items")) {
                JsonNode patient = api.get(writer, ENROLLMENT + "/patients/" + row.path("id").asText());
                if (screeningNumber.equals(patient.path("screeningNumber").asText())) {
                    return patient.path("id").asText();
                }
            }
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return null;
    }

    /** Gives the planned doses (or records the omission); at LYMPHODEPLETED, what is still missing of the plan. */
    private String lymphodeplete(JsonNode spec, String id, String base, String status, LocalDate day0) {
        String administrations = base + "/lymphodepletion/administrations";
        if (spec.path("omitted").asBoolean(false)) {
            if ("ENROLLED".equals(status)) {
                ObjectNode omission = json.createObjectNode().put("omitted", true)
                        .put("date", StudyTime.date(required(spec, "date").asText(), day0).toString())
                        .put("reason", required(spec, "reason").asText());
                api.create(writer, administrations, omission, "demo/" + id + "/lymphodepletion/omitted");
            }
            return "lymphodepletion omitted (a protocol deviation)";
        }
        JsonNode doses;
        if ("ENROLLED".equals(status)) {
            ObjectNode plan = request(required(spec, "plan"), day0, null);
            plan.put("plannedInfusionDate", day0.toString());
            doses = api.post(writer, base + "/lymphodepletion/plan", plan).path("doses");
        } else {
            doses = api.get(writer, base + "/lymphodepletion").path("plan").path("doses");
            if (doses.isMissingNode() || doses.isEmpty()) {
                throw new IllegalStateException("Patient " + id + " is LYMPHODEPLETED without a plan to complete");
            }
        }
        List<String> given = new ArrayList<>();
        for (JsonNode dose : doses) {
            if (dose.path("doseMg").decimalValue().signum() <= 0) {
                continue;   // withheld by the plan (renal function): nothing is given
            }
            ObjectNode administration = json.createObjectNode()
                    .put("agent", dose.path("agent").asText())
                    .put("date", dose.path("date").asText());
            administration.set("doseMg", dose.path("doseMg"));
            api.create(writer, administrations, administration, "demo/" + id + "/lymphodepletion/"
                    + dose.path("agent").asText() + "/" + dose.path("date").asText());
            given.add(dose.path("agent").asText().substring(0, 3) + " " + plain(dose.path("doseMg")) + " mg");
        }
        return "lymphodepleted as planned (" + String.join(", ", given.subList(0, Math.min(2, given.size())))
                + " × " + Math.max(1, given.size() / 2) + " days)";
    }

    /**
     * Follows up the adverse events the services derived (e.g. the ICANS episode) with what was done about them:
     * treatments and relatedness, never a grade. Already followed up: left as it is.
     */
    private int followUpAdverseEvents(JsonNode followUps, String id) {
        int updated = 0;
        for (JsonNode followUp : followUps) {
            String origin = required(followUp, "origin").asText();
            JsonNode events = api.get(writer, GatewayClient.withQuery(SAFETY + "/patients/" + id + "/adverse-events",
                    Map.of("limit", 200))).path("items");
            int matched = 0;
            for (JsonNode event : events) {
                if (!origin.equals(event.path("origin").asText())) {
                    continue;
                }
                matched++;
                String path = SAFETY + "/adverse-events/" + event.path("id").asText();
                GatewayClient.Answer current = api.get(writer, path, Set.of(200));
                JsonNode ae = current.body();
                if (alreadyFollowedUp(ae, followUp)) {
                    continue;
                }
                ObjectNode update = json.createObjectNode();
                update.put("serious", ae.path("serious").asBoolean(false));
                update.set("seriousnessCriteria", ae.path("seriousnessCriteria").isArray()
                        ? ae.path("seriousnessCriteria") : json.createArrayNode());
                for (String field : FOLLOW_UP_FIELDS) {
                    JsonNode value = followUp.has(field) ? followUp.path(field) : ae.path(field);
                    if (!value.isMissingNode() && !value.isNull()) {
                        update.set(field, value);
                    }
                }
                ArrayNode treatments = json.createArrayNode();
                ae.path("treatments").forEach(treatments::add);
                for (JsonNode treatment : followUp.path("treatments")) {
                    if (!contains(treatments, treatment.asText())) {
                        treatments.add(treatment);
                    }
                }
                update.set("treatments", treatments);
                update.put("reason", required(followUp, "reason").asText());
                api.put(writer, path, update, current.etag());
                updated++;
            }
            if (matched == 0) {
                throw new IllegalStateException("No " + origin + " adverse event to follow up for patient " + id
                        + ": the engines did not derive one from the observations");
            }
        }
        return updated;
    }

    private static boolean alreadyFollowedUp(JsonNode event, JsonNode followUp) {
        for (JsonNode treatment : followUp.path("treatments")) {
            if (!contains(event.path("treatments"), treatment.asText())) {
                return false;
            }
        }
        for (String field : FOLLOW_UP_FIELDS) {
            if (followUp.has(field) && !followUp.path(field).asText().equals(event.path(field).asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode element : array) {
            if (element.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The patient and what names the observation (e.g. vitals at an instant), so a re-run replays, never adds. */
    private static String idempotencyKey(String patientId, Observations kind, JsonNode body) {
        StringBuilder key = new StringBuilder("demo/").append(patientId).append('/').append(kind.key());
        for (String field : kind.naturalKey()) {
            key.append('/').append(body.path(field).asText());
        }
        return key.toString();
    }

    /**
     * A request body from the study file: defaults filled in, comments ('_' keys) dropped, relative dates resolved
     * against Day 0 (nested objects and arrays too, e.g. prior therapies).
     */
    private ObjectNode request(JsonNode spec, LocalDate day0, JsonNode defaults) {
        if (!spec.isObject()) {
            throw new IllegalArgumentException("Expected an object in the study file, found " + spec);
        }
        ObjectNode body = json.createObjectNode();
        if (defaults != null && defaults.isObject()) {
            defaults.properties().forEach(field -> body.set(field.getKey(), field.getValue().deepCopy()));
        }
        spec.properties().forEach(field -> {
            if (!field.getKey().startsWith("_")) {
                body.set(field.getKey(), resolve(field.getKey(), field.getValue(), day0));
            }
        });
        return body;
    }

    private JsonNode resolve(String name, JsonNode value, LocalDate day0) {
        if (value.isTextual() && StudyTime.isRelative(value.asText())) {
            if (INSTANT_FIELD.equals(name)) {
                return JsonNodeFactory.instance.textNode(StudyTime.resolve(value.asText(), day0, true));
            }
            if (DATE_FIELDS.contains(name)) {
                return JsonNodeFactory.instance.textNode(StudyTime.resolve(value.asText(), day0, false));
            }
        }
        if (value.isObject()) {
            ObjectNode copy = json.createObjectNode();
            value.properties().forEach(field -> {
                if (!field.getKey().startsWith("_")) {
                    copy.set(field.getKey(), resolve(field.getKey(), field.getValue(), day0));
                }
            });
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = json.createArrayNode();
            value.forEach(element -> copy.add(resolve(name, element, day0)));
            return copy;
        }
        return value.deepCopy();
    }

    // ------------------------------------------------------------------------------------------------ reporting

    /** The study summary at the cut-off for the site: the gateway's composite {@code GET /api/v1/study/summary}. */
    public ObjectNode summary() {
        return (ObjectNode) api.get(reader, GatewayClient.withQuery("/api/v1/study/summary",
                mapOf("asOf", asOf.toString(), "siteCode", siteCode)));
    }

    /** Where the summary differs from the figures the study file expects; empty when it shows them all. */
    public List<String> check(JsonNode summary) {
        List<String> differences = new ArrayList<>();
        compare("", expected(), summary, differences);
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject()) {
            boolean countsMap = path.endsWith("ByMaxGrade") || path.endsWith("ByCategory");
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (!field.getKey().startsWith("_")) {
                    compare(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(),
                            actual.path(field.getKey()), differences);
                }
            }
            if (countsMap && actual.isObject()) {
                // Keys the file does not list must count nobody (grade maps may list every grade with 0).
                actual.properties().forEach(field -> {
                    if (!expected.has(field.getKey()) && field.getValue().asInt(0) != 0) {
                        differences.add(path + "." + field.getKey() + ": expected 0 (or absent), was " + field.getValue());
                    }
                });
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || actual.decimalValue().compareTo(expected.decimalValue()) != 0) {
                differences.add(path + ": expected " + expected + ", was " + describe(actual));
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": expected " + expected + ", was " + describe(actual));
        }
    }

    private static String describe(JsonNode node) {
        return node.isMissingNode() ? "missing" : node.toString();
    }

    /** One line per patient of what the engines made of the observations. */
    public void printPatients(Loaded loaded) {
        out.println();
        out.println("Per patient, as the engines grade and assess it (asOf " + asOf + "):");
        out.printf("  %-3s %-16s %-10s %-5s %-7s %-42s %-26s %-22s %s%n", "", "subject", "Day 0", "CRS", "ICANS",
                "IWG response", "CAR-T (qPCR)", "B cells", "GP autoantibodies");
        String at = "?asOf=" + asOf;
        for (LoadedPatient patient : loaded.patients()) {
            String base = "/patients/" + patient.id();
            JsonNode crs = api.get(writer, SAFETY + base + "/crs");
            JsonNode icans = api.get(writer, SAFETY + base + "/icans");
            JsonNode response = api.get(writer, EFFICACY + base + "/response" + at);
            JsonNode kinetics = api.get(writer, EFFICACY + base + "/car-t-kinetics" + at).path("summary");
            JsonNode bCells = api.get(writer, EFFICACY + base + "/b-cells" + at).path("summary");
            JsonNode antibodies = api.get(writer, EFFICACY + base + "/autoantibodies" + at).path("summary");
            String iwg = response.path("bestResponse").asText()
                    + (response.hasNonNull("firstResponseDate")
                            ? " from day " + response.path("timeToResponseDays").asText() : "")
                    + (response.hasNonNull("completeResponseDate") ? ", CR " + response.path("completeResponseDate").asText() : "")
                    + (response.hasNonNull("censoredAt") ? ", censored " + response.path("censoredAt").asText() : "");
            String carT = kinetics.hasNonNull("cmax")
                    ? "Cmax " + plain(kinetics.path("cmax")) + " day " + kinetics.path("tmaxDay").asText()
                    : "no expansion";
            String bCell = bCells.path("aplasiaSustained").asBoolean()
                    ? "aplasia sustained"
                    : bCells.hasNonNull("recoveredOnDay") ? "recovered day " + bCells.path("recoveredOnDay").asText()
                            : "no aplasia";
            String gp = !antibodies.path("anyPositiveAtBaseline").asBoolean() ? "negative at baseline"
                    : antibodies.path("allNegativeAfterInfusion").asBoolean()
                            ? "all negative since " + antibodies.path("allNegativeSince").asText()
                            : "still positive";
            out.printf("  %-3s %-16s %-10s %-5s %-7s %-42s %-26s %-22s %s%n", patient.key(), patient.subjectId(),
                    patient.day0(), "gr " + crs.path("maxGrade").asText(), "gr " + icans.path("maxGrade").asText(),
                    iwg, carT, bCell, gp);
        }
    }

    // ------------------------------------------------------------------------------------------------------ main

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--summary-only", "--no-check" -> options.put(arg, "true");
                case "--gateway", "--keycloak", "--study", "--site", "--writer" -> {
                    if (i + 1 >= args.length) {
                        usage("Missing value of " + arg);
                    }
                    options.put(arg, args[++i]);
                }
                case "-h", "--help" -> {
                    usage(null);
                }
                default -> usage("Unknown argument " + arg);
            }
        }
        String gateway = options.getOrDefault("--gateway", "http://localhost:8080");
        String keycloak = options.getOrDefault("--keycloak", "http://localhost:8180");
        Path file = Path.of(options.getOrDefault("--study", DEFAULT_STUDY));
        PrintStream out = System.out;
        try {
            DemoStudyLoader loader = new DemoStudyLoader(new GatewayClient(gateway, keycloak), readStudy(file),
                    options.get("--site"), options.get("--writer"), out);
            Loaded loaded = options.containsKey("--summary-only") ? loader.find() : loader.load();
            loader.printPatients(loaded);
            ObjectNode summary = loader.summary();
            out.println();
            out.println("Study summary, site " + loader.siteCode() + ", asOf " + loader.asOf()
                    + " (GET /api/v1/study/summary):");
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
            if (options.containsKey("--no-check")) {
                return;
            }
            List<String> differences = loader.check(summary);
            if (differences.isEmpty()) {
                out.println("Every expected figure matches (" + file + ", \"expected\").");
            } else {
                out.println("The summary differs from the expected figures (" + file + ", \"expected\"):");
                differences.forEach(difference -> out.println("  " + difference));
                out.println("(Other patients at site " + loader.siteCode() + " count too; load into a site of its own "
                        + "with --site.)");
                System.exit(3);
            }
        } catch (ApiException e) {
            System.err.println("demo: " + e.getMessage());
            if (e.status() == 422 && e.detail().contains("Idempotency-Key")) {
                System.err.println("demo: the study file changed since this site was loaded; load it into another "
                        + "site (--site CODE) or a fresh database.");
            }
            System.exit(1);
        } catch (IllegalStateException | IllegalArgumentException | JsonProcessingException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String error) {
        PrintStream stream = error == null ? System.out : System.err;
        if (error != null) {
            stream.println("demo: " + error);
        }
        stream.println("Usage: DemoStudyLoader [--gateway URL] [--keycloak URL] [--study FILE] [--site CODE] "
                + "[--writer USER] [--summary-only] [--no-check]");
        System.exit(error == null ? 0 : 2);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalArgumentException("The study file lacks '" + field + "' in " + abbreviate(node));
        }
        return value;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private static String plain(JsonNode number) {
        return number.isNumber() ? number.decimalValue().stripTrailingZeros().toPlainString() : number.asText();
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
