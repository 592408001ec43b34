package org.celltrial.devtools.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.celltrial.devtools.demo.DemoStudy.Observation;
import org.celltrial.devtools.demo.DemoStudy.OmittedLymphodepletion;
import org.celltrial.devtools.demo.DemoStudy.Patient;
import org.celltrial.devtools.demo.DemoStudy.PlannedLymphodepletion;
import org.celltrial.devtools.demo.GatewayClient.ApiException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads the demo study into a running CellTrial, through the gateway with real tokens, as the study's people would
 * enter it: the admin opens the site; the writer screens each patient, has eligibility assessed, enrolls, plans and
 * gives (or omits) lymphodepletion, records the infusion (Day 0), the therapies around it, vital signs, neurological
 * assessments, labs, platelet counts, ELISAs, qPCR and CD19 counts, and follows up the adverse events the services
 * derived. Only raw observations are sent: every grade and response comes out of the services' engines.
 *
 * <p>Loading again is harmless: every creating POST carries an {@code Idempotency-Key} made of the patient and the
 * observation (the services answer a retry with the first result and create nothing), and the steps that move a
 * patient on (eligibility, enrollment, lymphodepletion, infusion) are skipped once the patient is past them. Re-run
 * it as the same writer: idempotency keys belong to the user who sent them.
 */
public final class DemoStudyLoader {

    private static final String ENROLLMENT = "/api/v1/enrollment";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A patient as loaded. */
    public record LoadedPatient(String key, String id, String subjectId, LocalDate day0) {
    }

    /** What was loaded where, and by whom (the writer, who reads the patients back). */
    public record Loaded(String siteCode, String writer, LocalDate asOf, List<LoadedPatient> patients) {

        public LoadedPatient patient(String key) {
            return patients.stream().filter(p -> p.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No patient " + key));
        }
    }

    private final GatewayClient api;
    private final DemoStudy study;
    private final PrintStream out;
    private final String siteCode;
    private final String siteName;
    private final String writer;
    private final AdverseEventFollowUps adverseEvents;

    /**
     * @param siteCode the site to load into, or null for the file's ({@code SITE-01})
     * @param writer   who enters the data, or null for the file's ({@code inv-site01}); must see the site
     */
    public DemoStudyLoader(GatewayClient api, DemoStudy study, String siteCode, String writer, PrintStream out) {
        this.api = api;
        this.study = study;
        this.out = out;
        this.siteCode = siteCode != null ? siteCode : study.site().code();
        this.siteName = this.siteCode.equals(study.site().code()) ? study.site().name()
                : "Demo study site " + this.siteCode;
        this.writer = writer != null ? writer : study.users().writer();
        this.adverseEvents = new AdverseEventFollowUps(api, this.writer);
    }

    public Loaded load() {
        out.printf("Loading \"%s\" into site %s through %s (writer %s)%n", study.title(), siteCode,
                api.gatewayUrl(), writer);
        ensureSite();
        checkProtocol();
        List<LoadedPatient> loaded = new ArrayList<>();
        boolean alreadyLoaded = true;
        for (Patient patient : study.patients()) {
            PatientLoad result = loadPatient(patient);
            loaded.add(result.patient());
            alreadyLoaded &= result.wasAlreadyInfused();
        }
        if (alreadyLoaded) {
            out.println("The study was already loaded at " + siteCode + " (every patient already infused): the "
                    + "observations were sent again with the same Idempotency-Keys, so nothing was duplicated.");
        }
        return loaded(loaded);
    }

    /** Finds the patients of an earlier load without loading anything (by their screening numbers at the site). */
    public Loaded find() {
        List<LoadedPatient> found = new ArrayList<>();
        for (Patient patient : study.patients()) {
            String screeningNumber = patient.screening().screeningNumber();
            String id = findByScreeningNumber(screeningNumber);
            if (id == null) {
                throw new IllegalStateException("Patient " + screeningNumber + " is not loaded at " + siteCode
                        + ": load the study first");
            }
            JsonNode view = api.get(writer, ENROLLMENT + "/patients/" + id);
            found.add(new LoadedPatient(patient.key(), id, view.path("subjectId").asText(),
                    view.hasNonNull("day0") ? LocalDate.parse(view.path("day0").asText()) : null));
        }
        return loaded(found);
    }

    private Loaded loaded(List<LoadedPatient> patients) {
        return new Loaded(siteCode, writer, study.asOf(), List.copyOf(patients));
    }

    private void ensureSite() {
        GatewayClient.Answer site = api.get(study.users().admin(), ENROLLMENT + "/sites/" + siteCode, Set.of(200, 404));
        if (site.status() == 404) {
            ObjectNode request = NODES.objectNode().put("code", siteCode).put("name", siteName);
            api.create(study.users().admin(), ENROLLMENT + "/sites", request, "demo/site/" + siteCode);
            out.printf("  site %s opened by %s%n", siteCode, study.users().admin());
        }
    }

    /** The dose levels the study uses must be the protocol's; the reference protocol is version 1 (Flyway). */
    private void checkProtocol() {
        JsonNode protocol = api.get(writer, ENROLLMENT + "/protocol");
        Map<String, BigDecimal> levels = new LinkedHashMap<>();
        for (JsonNode level : protocol.path("doseLevels")) {
            levels.put(level.path("code").asText(), level.path("cellsPerKg").decimalValue());
        }
        for (Patient patient : study.patients()) {
            String level = patient.infusion().path("doseLevel").asText();
            if (!levels.containsKey(level)) {
                throw new IllegalStateException("The protocol in force has no dose level " + level + " (it has "
                        + levels + "): the demo needs the reference protocol, DL1 1.5e5 and DL2 3e5 cells/kg");
            }
        }
    }

    private record PatientLoad(LoadedPatient patient, boolean wasAlreadyInfused) {
    }

    private PatientLoad loadPatient(Patient patient) {
        LocalDate day0 = patient.day0();
        String screeningNumber = patient.screening().screeningNumber();
        String id = screen(patient.screening().request().deepCopy().put("siteCode", siteCode), screeningNumber);
        String base = ENROLLMENT + "/patients/" + id;
        JsonNode view = api.get(writer, base);
        String subjectId = view.path("subjectId").asText();
        String status = view.path("status").asText();
        boolean wasInfused = Set.of("INFUSED", "FOLLOW_UP", "COMPLETED").contains(status);
        List<String> steps = new ArrayList<>();

        if (Set.of("SCREENING", "ELIGIBLE", "INELIGIBLE").contains(status)) {
            JsonNode assessed = api.post(writer, base + "/eligibility", patient.eligibility());
            if (!"ELIGIBLE".equals(assessed.path("outcome").asText())) {
                throw new IllegalStateException(subjectId + " was assessed " + assessed.path("outcome").asText()
                        + ": " + assessed.path("criteria"));
            }
            status = "ELIGIBLE";
            steps.add("eligible");
        }
        if ("ELIGIBLE".equals(status)) {
            api.post(writer, base + "/enrollment", patient.enrollment());
            status = "ENROLLED";
            steps.add("enrolled at " + patient.enrollment().path("doseLevel").asText());
        }
        if (Set.of("ENROLLED", "LYMPHODEPLETED").contains(status)) {
            steps.add(lymphodeplete(patient, id, base, status));
            status = "LYMPHODEPLETED";
        }
        if ("LYMPHODEPLETED".equals(status)) {
            JsonNode infusion = api.post(writer, base + "/infusion", patient.infusion());
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

        for (Observation observation : patient.observations()) {
            api.create(writer, observation.kind().path(id), observation.body(), idempotencyKey(id, observation));
        }
        int followUps = adverseEvents.followUp(patient.adverseEventFollowUps(), id);

        DemoStudy.Screening identity = patient.screening();
        out.printf("  %s %s (%s): %s, age %d at Day 0 %s, ITP %d years, follow-up %d months; %s; %d observations%s%n",
                patient.key(), subjectId, screeningNumber, identity.sex(),
                Period.between(identity.birthDate(), day0).getYears(), day0,
                Period.between(identity.itpDiagnosisDate(), day0).getYears(),
                Period.between(day0, study.asOf()).toTotalMonths(), String.join(", ", steps),
                patient.observations().size(), followUps == 0 ? "" : ", " + followUps + " adverse event follow-up(s)");
        return new PatientLoad(new LoadedPatient(patient.key(), id, subjectId, day0), wasInfused);
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
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("siteCode", siteCode);
            query.put("limit", 200);
            query.put("cursor", cursor);
            JsonNode page = api.get(writer, GatewayClient.withQuery(ENROLLMENT + "/patients", query));
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
    private String lymphodeplete(Patient patient, String id, String base, String status) {
        String administrations = base + "/lymphodepletion/administrations";
        if (patient.lymphodepletion() instanceof OmittedLymphodepletion omitted) {
            if ("ENROLLED".equals(status)) {
                ObjectNode omission = NODES.objectNode().put("omitted", true)
                        .put("date", omitted.date().toString()).put("reason", omitted.reason());
                api.create(writer, administrations, omission, "demo/" + id + "/lymphodepletion/omitted");
            }
            return "lymphodepletion omitted (a protocol deviation)";
        }
        JsonNode doses;
        if ("ENROLLED".equals(status)) {
            ObjectNode plan = ((PlannedLymphodepletion) patient.lymphodepletion()).plan();
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
            ObjectNode administration = NODES.objectNode()
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

    /** The patient and what names the observation (e.g. vitals at an instant), so a re-run replays, never adds. */
    private static String idempotencyKey(String patientId, Observation observation) {
        StringBuilder key = new StringBuilder("demo/").append(patientId).append('/')
                .append(observation.kind().fileKey());
        for (String field : observation.kind().naturalKey()) {
            key.append('/').append(observation.body().path(field).asText());
        }
        return key.toString();
    }

    static String plain(JsonNode number) {
        return number.isNumber() ? number.decimalValue().stripTrailingZeros().toPlainString() : number.asText();
    }
}
