package org.celltrial.devtools.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.celltrial.devtools.demo.DemoStudy.AdverseEventFollowUp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Follows up the adverse events the services derived (e.g. the ICANS episode) with what was done about them:
 * treatments and relatedness, never a grade. An event already followed up is left as it is, so a re-run changes
 * nothing.
 */
final class AdverseEventFollowUps {

    private static final String SAFETY = "/api/v1/safety";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GatewayClient api;
    private final String writer;

    AdverseEventFollowUps(GatewayClient api, String writer) {
        this.api = api;
        this.writer = writer;
    }

    /** Follows up each of the patient's adverse events of the follow-ups' origins; how many it changed. */
    int followUp(List<AdverseEventFollowUp> followUps, String id) {
        int updated = 0;
        for (AdverseEventFollowUp followUp : followUps) {
            JsonNode events = api.get(writer, GatewayClient.withQuery(SAFETY + "/patients/" + id + "/adverse-events",
                    Map.of("limit", 200))).path("items");
            int matched = 0;
            for (JsonNode event : events) {
                if (!followUp.origin().equals(event.path("origin").asText())) {
                    continue;
                }
                matched++;
                String path = SAFETY + "/adverse-events/" + event.path("id").asText();
                GatewayClient.Answer current = api.get(writer, path, Set.of(200));
                if (alreadyFollowedUp(current.body(), followUp)) {
                    continue;
                }
                api.put(writer, path, followUpRequest(current.body(), followUp), current.etag());
                updated++;
            }
            if (matched == 0) {
                throw new IllegalStateException("No " + followUp.origin() + " adverse event to follow up for patient "
                        + id + ": the engines did not derive one from the observations");
            }
        }
        return updated;
    }

    /** The adverse event as it is, with the follow-up's fields and treatments added. */
    private static ObjectNode followUpRequest(JsonNode event, AdverseEventFollowUp followUp) {
        ObjectNode update = NODES.objectNode();
        update.put("serious", event.path("serious").asBoolean(false));
        update.set("seriousnessCriteria", event.path("seriousnessCriteria").isArray()
                ? event.path("seriousnessCriteria") : NODES.arrayNode());
        for (String field : AdverseEventFollowUp.FIELDS) {
            JsonNode value = followUp.fields().containsKey(field) ? followUp.fields().get(field) : event.path(field);
            if (!value.isMissingNode() && !value.isNull()) {
                update.set(field, value);
            }
        }
        ArrayNode treatments = NODES.arrayNode();
        event.path("treatments").forEach(treatments::add);
        for (String treatment : followUp.treatments()) {
            if (!contains(treatments, treatment)) {
                treatments.add(treatment);
            }
        }
        update.set("treatments", treatments);
        update.put("reason", followUp.reason());
        return update;
    }

    private static boolean alreadyFollowedUp(JsonNode event, AdverseEventFollowUp followUp) {
        for (String treatment : followUp.treatments()) {
            if (!contains(event.path("treatments"), treatment)) {
                return false;
            }
        }
        for (Map.Entry<String, JsonNode> field : followUp.fields().entrySet()) {
            if (!field.getValue().asText().equals(event.path(field.getKey()).asText())) {
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
}
