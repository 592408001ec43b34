package org.celltrial.gateway.upstream;

import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.smallrye.mutiny.Uni;

/** Reads every page of a list endpoint ({@code {"items": [...], "nextCursor": ...}}) into one array. */
final class Pages {

    /** The services' largest page. */
    static final int LIMIT = 200;

    private Pages() {
    }

    static Uni<JsonNode> all(BiFunction<Integer, String, Uni<JsonNode>> page) {
        return collect(page, null, JsonNodeFactory.instance.arrayNode()).map(JsonNode.class::cast);
    }

    private static Uni<ArrayNode> collect(BiFunction<Integer, String, Uni<JsonNode>> page, String cursor,
            ArrayNode items) {
        return page.apply(LIMIT, cursor).flatMap(json -> {
            json.path("items").forEach(items::add);
            JsonNode next = json.path("nextCursor");
            return next.isTextual() ? collect(page, next.asText(), items) : Uni.createFrom().item(items);
        });
    }
}
