package org.celltrial.devtools.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo study file ({@code dev/demo/reference-study-2025-06-15.json}) as {@link DemoStudyReader} reads it. The
 * request bodies are ready to send: defaults filled in, comments ('_' keys) dropped, dates relative to Day 0
 * resolved. They stay JSON, as the file writes them, so a field the API does not know is refused by the service.
 *
 * @param title    the study's name
 * @param asOf     the cut-off the summary is read at
 * @param site     the site the file loads into, unless told another one
 * @param users    who opens the site, who enters the data and who reads the summary
 * @param expected the figures the study summary must show at the cut-off
 */
public record DemoStudy(String title, LocalDate asOf, Site site, Users users, List<Patient> patients,
        JsonNode expected) {

    public record Site(String code, String name) {
    }

    /** Demo users of the dev realm (password {@code <user>-pw}). */
    public record Users(String admin, String writer, String reader) {
    }

    /**
     * One patient's course, step by step.
     *
     * @param eligibility its request body already holds the study's answers to the investigator criteria
     * @param observations in the order they are sent: by kind, then as the file lists them
     */
    public record Patient(String key, LocalDate day0, Screening screening, ObjectNode eligibility,
            ObjectNode enrollment, Lymphodepletion lymphodepletion, ObjectNode infusion,
            List<Observation> observations, List<AdverseEventFollowUp> adverseEventFollowUps) {
    }

    /** The screening request (without the site, which the loader sets) and what the progress line shows. */
    public record Screening(ObjectNode request, String screeningNumber, String sex, LocalDate birthDate,
            LocalDate itpDiagnosisDate) {
    }

    /** Lymphodepletion is either planned (the doses given as planned) or omitted (a protocol deviation). */
    public sealed interface Lymphodepletion {
    }

    /** The plan request; its {@code plannedInfusionDate} is Day 0. */
    public record PlannedLymphodepletion(ObjectNode plan) implements Lymphodepletion {
    }

    /** The omission, dated when it was decided. */
    public record OmittedLymphodepletion(LocalDate date, String reason) implements Lymphodepletion {
    }

    /** An observation's request body and its kind. */
    public record Observation(ObservationKind kind, ObjectNode body) {
    }

    /**
     * What was done about an adverse event the engines derive (never a grade): treatments to add, and those of
     * {@link #FIELDS} the file states, as written.
     */
    public record AdverseEventFollowUp(String origin, List<String> treatments, Map<String, JsonNode> fields,
            String reason) {

        /** What a follow-up may state besides its treatments. */
        public static final List<String> FIELDS = List.of("relatedToCarT", "relatedToLymphodepletion", "outcome",
                "resolvedOn", "awarenessDate", "expected", "reportedOn");
    }
}
