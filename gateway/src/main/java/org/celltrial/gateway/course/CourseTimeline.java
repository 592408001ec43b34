package org.celltrial.gateway.course;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Puts the dated facts of the three services' parts on one timeline, ordered by date, each with its study day
 * (days from Day 0, the CAR-T infusion; negative before it). A missing part adds nothing; a missing Day 0 leaves
 * study days empty. CRS and ICANS appear once, as their graded episodes, not again as the adverse events
 * derived from them.
 */
public final class CourseTimeline {

    private static final Set<String> EPISODE_ORIGINS = Set.of("CRS", "ICANS");

    private final LocalDate day0;
    private final List<TimelineEvent> events = new ArrayList<>();

    private CourseTimeline(LocalDate day0) {
        this.day0 = day0;
    }

    /** Any of the parts may be null (its service unavailable). */
    public static List<TimelineEvent> of(LocalDate day0, JsonNode enrollment, JsonNode safety, JsonNode efficacy) {
        CourseTimeline timeline = new CourseTimeline(day0);
        if (enrollment != null) {
            timeline.enrollment(enrollment);
        }
        if (safety != null) {
            timeline.safety(safety);
        }
        if (efficacy != null) {
            timeline.efficacy(efficacy);
        }
        timeline.events.sort(Comparator.comparing(TimelineEvent::date));
        return List.copyOf(timeline.events);
    }

    private void enrollment(JsonNode part) {
        JsonNode patient = part.path("patient");
        add(patient.path("screeningDate"), "enrollment", "screening",
                "screened as " + patient.path("subjectId").asText());
        add(patient.path("consentDate"), "enrollment", "enrollment",
                "consented and enrolled at dose level " + patient.path("doseLevel").asText("?"));
        for (JsonNode given : part.path("lymphodepletion").path("administrations")) {
            add(given.path("date"), "enrollment", "lymphodepletion", given.path("omitted").asBoolean()
                    ? "lymphodepletion omitted: " + given.path("reason").asText()
                    : given.path("agent").asText() + " " + given.path("doseMg").asText() + " mg");
        }
        add(patient.path("day0"), "enrollment", "infusion", "CAR-T infusion (Day 0)");
        for (JsonNode therapy : part.path("therapies")) {
            String name = therapy.path("kind").asText().toLowerCase() + " therapy " + therapy.path("agent").asText();
            add(therapy.path("start"), "enrollment", "therapy", name + " started");
            add(therapy.path("end"), "enrollment", "therapy", name + " ended");
        }
        for (JsonNode deviation : part.path("deviations")) {
            add(deviation.path("occurredOn"), "enrollment", "deviation",
                    "protocol deviation: " + deviation.path("description").asText());
        }
    }

    private void safety(JsonNode part) {
        episodes(part.path("crs"), "CRS");
        episodes(part.path("icans"), "ICANS");
        for (JsonNode event : part.path("adverseEvents")) {
            if (!EPISODE_ORIGINS.contains(event.path("origin").asText())) {
                add(event.path("onset"), "safety", "adverse-event", event.path("ctcaeTerm").asText() + ", grade "
                        + event.path("grade").asInt() + (event.path("serious").asBoolean() ? ", serious" : ""));
            }
        }
    }

    private void episodes(JsonNode course, String syndrome) {
        for (JsonNode episode : course.path("episodes")) {
            add(episode.path("onset"), "safety", syndrome.toLowerCase(),
                    syndrome + " onset, max grade " + episode.path("maxGrade").asInt());
            add(episode.path("resolvedAt"), "safety", syndrome.toLowerCase(), syndrome + " resolved");
        }
    }

    private void efficacy(JsonNode part) {
        for (JsonNode count : part.path("plateletCounts")) {
            add(count.path("date"), "efficacy", "platelets", "platelets " + count.path("valuePer1e9L").asText()
                    + " ×10⁹/L");
        }
        for (JsonNode result : part.path("autoantibodies").path("items")) {
            add(result.path("date"), "efficacy", "autoantibody", result.path("target").asText() + " OD "
                    + result.path("opticalDensity").asText() + " (cutoff " + result.path("cutoff").asText() + ")");
        }
        for (JsonNode sample : part.path("carTKinetics").path("items")) {
            add(sample.path("date"), "efficacy", "car-t-kinetics", "CAR-T " + sample.path("copiesPerUgDna").asText()
                    + " copies/µg DNA");
        }
        for (JsonNode count : part.path("bCells").path("items")) {
            add(count.path("date"), "efficacy", "b-cells", "CD19+ B cells " + count.path("cd19PerUl").asText() + "/µL");
        }
        JsonNode response = part.path("response");
        add(response.path("firstResponseDate"), "efficacy", "response", "first platelet response (IWG)");
        add(response.path("completeResponseDate"), "efficacy", "response", "complete response (IWG)");
        add(response.path("lostResponseOn"), "efficacy", "response", "response lost (IWG)");
    }

    /** Adds an event when the field holds a date or an instant (instants are placed on their UTC date). */
    private void add(JsonNode when, String source, String kind, String what) {
        if (!when.isTextual() || when.asText().isBlank()) {
            return;
        }
        String text = when.asText();
        LocalDate date = text.length() > 10
                ? OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
                : LocalDate.parse(text);
        Integer studyDay = day0 == null ? null : Math.toIntExact(ChronoUnit.DAYS.between(day0, date));
        events.add(new TimelineEvent(date, studyDay, source, kind, what));
    }
}
