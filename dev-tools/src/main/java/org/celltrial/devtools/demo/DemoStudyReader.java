package org.celltrial.devtools.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.celltrial.devtools.demo.DemoStudy.AdverseEventFollowUp;
import org.celltrial.devtools.demo.DemoStudy.Lymphodepletion;
import org.celltrial.devtools.demo.DemoStudy.Observation;
import org.celltrial.devtools.demo.DemoStudy.OmittedLymphodepletion;
import org.celltrial.devtools.demo.DemoStudy.Patient;
import org.celltrial.devtools.demo.DemoStudy.PlannedLymphodepletion;
import org.celltrial.devtools.demo.DemoStudy.Screening;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the demo study file into a {@link DemoStudy} (see dev/demo/README.md for its format): each request body with
 * the file's {@code defaults} filled in, comments (keys starting with '_') dropped, and dates written relative to
 * the patient's Day 0 ({@link StudyTime}) resolved, in nested objects and arrays too.
 */
public final class DemoStudyReader {

    /** The reference study, relative to the repository's root. */
    public static final String DEFAULT_STUDY = "dev/demo/reference-study-2025-06-15.json";

    /** Fields of the requests that hold dates (or, for {@code at}, instants) and may be relative. */
    private static final Set<String> DATE_FIELDS = Set.of("date", "start", "end", "screeningDate", "assessedOn",
            "consentDate", "plannedInfusionDate", "resolvedOn", "awarenessDate", "reportedOn");
    private static final String INSTANT_FIELD = "at";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DemoStudyReader() {
    }

    /** The study file, read; a file that cannot be read or lacks a field the demo needs is refused. */
    public static DemoStudy read(Path file) {
        JsonNode study;
        try {
            // Decimals as BigDecimal, not as binary doubles.
            study = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the study file " + file + ": " + e.getMessage(), e);
        }
        return study(study);
    }

    static DemoStudy study(JsonNode study) {
        JsonNode site = study.path("site");
        String siteCode = required(site, "code").asText();
        JsonNode users = study.path("users");
        List<Patient> patients = new ArrayList<>();
        for (JsonNode patient : study.path("patients")) {
            patients.add(patient(patient, study.path("eligibilityAnswers"), study.path("defaults")));
        }
        return new DemoStudy(study.path("study").asText(), LocalDate.parse(required(study, "asOf").asText()),
                new DemoStudy.Site(siteCode, site.path("name").asText("Demo study site " + siteCode)),
                new DemoStudy.Users(users.path("admin").asText("admin-user"),
                        users.path("writer").asText("inv-site01"), users.path("reader").asText("data-manager")),
                List.copyOf(patients), study.path("expected"));
    }

    private static Patient patient(JsonNode patient, JsonNode eligibilityAnswers, JsonNode defaults) {
        LocalDate day0 = LocalDate.parse(required(patient, "day0").asText());
        ObjectNode eligibility = request(patient.path("eligibility"), day0, null);
        eligibility.set("answers", eligibilityAnswers.deepCopy());
        List<Observation> observations = new ArrayList<>();
        for (ObservationKind kind : ObservationKind.values()) {
            for (JsonNode observation : patient.path(kind.fileKey())) {
                observations.add(new Observation(kind, request(observation, day0, defaults.path(kind.fileKey()))));
            }
        }
        List<AdverseEventFollowUp> followUps = new ArrayList<>();
        for (JsonNode followUp : patient.path("adverseEventFollowUps")) {
            followUps.add(followUp(followUp));
        }
        return new Patient(required(patient, "key").asText(), day0, screening(patient.path("screening"), day0),
                eligibility, request(patient.path("enrollment"), day0, null),
                lymphodepletion(patient.path("lymphodepletion"), day0), request(patient.path("infusion"), day0, null),
                List.copyOf(observations), List.copyOf(followUps));
    }

    private static Screening screening(JsonNode screening, LocalDate day0) {
        return new Screening(request(screening, day0, null), required(screening, "screeningNumber").asText(),
                screening.path("sex").asText(), LocalDate.parse(required(screening, "birthDate").asText()),
                LocalDate.parse(required(screening, "itpDiagnosisDate").asText()));
    }

    private static Lymphodepletion lymphodepletion(JsonNode lymphodepletion, LocalDate day0) {
        if (lymphodepletion.path("omitted").asBoolean(false)) {
            return new OmittedLymphodepletion(StudyTime.date(required(lymphodepletion, "date").asText(), day0),
                    required(lymphodepletion, "reason").asText());
        }
        ObjectNode plan = request(required(lymphodepletion, "plan"), day0, null);
        plan.put("plannedInfusionDate", day0.toString());
        return new PlannedLymphodepletion(plan);
    }

    private static AdverseEventFollowUp followUp(JsonNode followUp) {
        List<String> treatments = new ArrayList<>();
        followUp.path("treatments").forEach(treatment -> treatments.add(treatment.asText()));
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (String field : AdverseEventFollowUp.FIELDS) {
            if (followUp.has(field)) {
                fields.put(field, followUp.path(field).deepCopy());
            }
        }
        return new AdverseEventFollowUp(required(followUp, "origin").asText(), List.copyOf(treatments),
                fields, required(followUp, "reason").asText());
    }

    /** A request body: defaults filled in, comments dropped, relative dates resolved against Day 0. */
    private static ObjectNode request(JsonNode spec, LocalDate day0, JsonNode defaults) {
        if (!spec.isObject()) {
            throw new IllegalArgumentException("Expected an object in the study file, found " + spec);
        }
        ObjectNode body = NODES.objectNode();
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

    private static JsonNode resolve(String name, JsonNode value, LocalDate day0) {
        if (value.isTextual() && StudyTime.isRelative(value.asText())) {
            if (INSTANT_FIELD.equals(name)) {
                return NODES.textNode(StudyTime.resolve(value.asText(), day0, true));
            }
            if (DATE_FIELDS.contains(name)) {
                return NODES.textNode(StudyTime.resolve(value.asText(), day0, false));
            }
        }
        if (value.isObject()) {
            ObjectNode copy = NODES.objectNode();
            value.properties().forEach(field -> {
                if (!field.getKey().startsWith("_")) {
                    copy.set(field.getKey(), resolve(field.getKey(), field.getValue(), day0));
                }
            });
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            value.forEach(element -> copy.add(resolve(name, element, day0)));
            return copy;
        }
        return value.deepCopy();
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
}
