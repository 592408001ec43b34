package org.celltrial.gateway.upstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * One service's share of a composite: several of its answers under their names, read concurrently. The section
 * is unavailable if any call got no answer; otherwise the first call decides whether the service has anything
 * for this caller (its 404 or 403 is the section's), and the other calls' refusals leave just their field null
 * (e.g. no schedule before Day 0).
 */
public record Section(String service, Part.State state, ObjectNode content) {

    /** Reads every named call; a call that fails after its client's fault tolerance counts as unavailable. */
    public static Uni<Section> read(String service, List<Map.Entry<String, Uni<Part>>> calls) {
        List<String> names = calls.stream().map(Map.Entry::getKey).toList();
        List<Uni<Part>> guarded = calls.stream()
                .map(call -> call.getValue().onFailure().recoverWithItem(Part.unavailable(service)))
                .toList();
        return Uni.combine().all().unis(guarded).with(Part.class, parts -> of(service, names, parts));
    }

    /**
     * A service's share read in one call that answers every field at once (its {@code GET /patients/{id}/course}),
     * as {@link #read} would lay out the same fields read one call each: the service's refusal is the section's.
     */
    public static Uni<Section> whole(String service, Uni<Part> call) {
        return call.onFailure().recoverWithItem(Part.unavailable(service))
                .map(part -> part.available() ? new Section(service, part.state(), (ObjectNode) part.value())
                        : new Section(service, part.state(), null));
    }

    static Section of(String service, List<String> names, List<Part> parts) {
        if (parts.stream().anyMatch(part -> part.state() == Part.State.UNAVAILABLE)) {
            return new Section(service, Part.State.UNAVAILABLE, null);
        }
        if (!parts.get(0).available()) {
            return new Section(service, parts.get(0).state(), null);
        }
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < names.size(); i++) {
            content.set(names.get(i), parts.get(i).available() ? parts.get(i).value() : NullNode.instance);
        }
        return new Section(service, Part.State.AVAILABLE, content);
    }

    public boolean available() {
        return state == Part.State.AVAILABLE;
    }

    /** Each service's state as a composite shows it: available, not-found, forbidden or unavailable. */
    public static Map<String, String> states(List<Section> sections) {
        Map<String, String> states = new LinkedHashMap<>();
        sections.forEach(section -> states.put(section.service(),
                section.state().name().toLowerCase().replace('_', '-')));
        return states;
    }

    /** The services that gave no answer. */
    public static List<String> unavailable(List<Section> sections) {
        return sections.stream().filter(section -> section.state() == Part.State.UNAVAILABLE)
                .map(Section::service).toList();
    }
}
