package org.celltrial.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An RFC 9457 problem details body. {@code type} is stable and machine-readable; {@code detail} is for
 * people; {@code violations} names each bad field of a 400. Never carries a stack trace or a class name.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected input: the field's JSON path (or parameter name) and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, List.of());
    }

    public static Problem of(ProblemType type, String detail, List<Violation> violations) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, List.copyOf(violations));
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, violations);
    }

    /** The body as sent: already serialised, so no content negotiation can rewrite its media type. */
    public String toJson(ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem body must serialise", e);
        }
    }
}
