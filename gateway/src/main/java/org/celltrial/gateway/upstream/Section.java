package org.celltrial.gateway.upstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * One service's share of a composite, read in one call (a patient's course, the study's summary): its JSON, or the
 * service's refusal (its 404 or 403 is the section's), or unavailable when the call got no answer.
 */
public record Section(String service, Part.State state, ObjectNode content) {

    /** Reads the call; a call that fails after its client's fault tolerance counts as unavailable. */
    public static Uni<Section> whole(String service, Uni<Part> call) {
        return call.onFailure().recoverWithItem(Part.unavailable(service))
                .map(part -> part.available() ? new Section(service, part.state(), (ObjectNode) part.value())
                        : new Section(service, part.state(), null));
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
