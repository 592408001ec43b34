package org.celltrial.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The merged OpenAPI document the gateway serves at {@code /q/openapi} (every service's operations and the
 * gateway's composites), read with Jackson: its operations, their parameters and request body schemas, with
 * {@code $ref}s to {@code #/components/schemas} resolved on demand.
 */
final class ApiDocument {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head");
    static final ObjectMapper JSON = new ObjectMapper();

    /** One operation: its method and path template, e.g. {@code POST /api/v1/safety/patients/{id}/vitals}. */
    record Operation(String method, String path, JsonNode node) {

        String key() {
            return method + " " + path;
        }

        /** The path's second segment after /api/v1: enrollment, safety, efficacy or study (the gateway). */
        String service() {
            return path.split("/")[3];
        }

        boolean isRead() {
            return method.equals("GET") || method.equals("HEAD");
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    found.add(p);
                }
            });
            return found;
        }

        boolean hasQuery(String name) {
            return parameters("query").stream().anyMatch(p -> name.equals(p.path("name").asText()));
        }

        boolean hasHeader(String name) {
            return parameters("header").stream().anyMatch(p -> name.equalsIgnoreCase(p.path("name").asText()));
        }

        /** The request body's media type (application/json first), or null for an operation without a body. */
        String bodyMediaType() {
            JsonNode content = node.path("requestBody").path("content");
            if (content.has("application/json")) {
                return "application/json";
            }
            Iterator<String> names = content.fieldNames();
            return names.hasNext() ? names.next() : null;
        }

        JsonNode bodySchema() {
            String type = bodyMediaType();
            return type == null ? null : node.path("requestBody").path("content").path(type).path("schema");
        }
    }

    final JsonNode root;
    final List<Operation> operations;
    final int bytes;

    private ApiDocument(JsonNode root, int bytes) {
        this.root = root;
        this.bytes = bytes;
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    ops.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), path.getValue().get(method)));
                }
            }
        }
        this.operations = List.copyOf(ops);
    }

    /** The gateway's merged document, as JSON. */
    static ApiDocument fetch(String gatewayUrl) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(gatewayUrl + "/q/openapi?format=json")).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + answer.statusCode());
            }
            return new ApiDocument(JSON.readTree(answer.body()), answer.body().length());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the gateway's OpenAPI document: " + e.getMessage(), e);
        }
    }

    /** The schema itself, following a {@code $ref} to the components (repeatedly). */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("external $ref " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
