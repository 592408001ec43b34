package org.celltrial.devtools.demo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Calls CellTrial through its gateway with real tokens: each demo user signs in to Keycloak by the password grant
 * of the dev-only public client {@code celltrial-cli} (password {@code <user>-pw}), and the token is renewed
 * shortly before it expires. A failed call throws {@link ApiException} with the problem+json the service answered.
 * Creating POSTs carry an {@code Idempotency-Key}; those (and GETs) are retried when the gateway or a service is
 * briefly unavailable, since a retry cannot create anything twice. A request the gateway's rate limit refuses (429)
 * is sent again after its {@code Retry-After}: it never reached a service.
 */
public final class GatewayClient {

    /** The dev-only public client that allows the password grant (dev/keycloak/import). */
    public static final String CLI_CLIENT = "celltrial-cli";
    public static final String REALM = "celltrial";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 4;
    private static final int RATE_LIMITED_ATTEMPTS = 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String gateway;
    private final String tokenEndpoint;
    private final Map<String, Token> tokens = new HashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    /** What a call answered: status, JSON body (missing when empty) and ETag. */
    public record Answer(int status, JsonNode body, String etag) {
    }

    /** A call that did not answer as expected, with the problem+json (or whatever) the server sent. */
    public static final class ApiException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;
        private final String body;

        ApiException(String request, int status, String body) {
            super(request + " answered " + status + (body == null || body.isBlank() ? "" : ":\n" + body));
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        /** The problem's {@code detail}, or the body as sent. */
        public String detail() {
            try {
                JsonNode problem = new ObjectMapper().readTree(body);
                return problem.path("detail").asText(body);
            } catch (JsonProcessingException | IllegalArgumentException notJson) {
                return body;
            }
        }
    }

    /**
     * @param gatewayUrl  e.g. {@code http://localhost:8080}
     * @param keycloakUrl e.g. {@code http://localhost:8180} (realm {@value #REALM})
     */
    public GatewayClient(String gatewayUrl, String keycloakUrl) {
        this.gateway = stripSlash(gatewayUrl);
        this.tokenEndpoint = stripSlash(keycloakUrl) + "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    public String gatewayUrl() {
        return gateway;
    }

    /** GET; any status but 200 throws. */
    public JsonNode get(String user, String path) {
        return call(user, "GET", path, null, Map.of(), Set.of(200)).body();
    }

    /** GET that may answer any of {@code accepted}. */
    public Answer get(String user, String path, Set<Integer> accepted) {
        return call(user, "GET", path, null, Map.of(), accepted);
    }

    /** A creating POST with an Idempotency-Key: 201 (or 200) expected; retried while unavailable. */
    public JsonNode create(String user, String path, JsonNode body, String idempotencyKey) {
        return call(user, "POST", path, body, Map.of("Idempotency-Key", idempotencyKey), Set.of(200, 201)).body();
    }

    /** A POST that moves a patient on (no Idempotency-Key: not retried). */
    public JsonNode post(String user, String path, JsonNode body) {
        return call(user, "POST", path, body, Map.of(), Set.of(200, 201)).body();
    }

    /** A PUT with If-Match. */
    public JsonNode put(String user, String path, JsonNode body, String ifMatch) {
        return call(user, "PUT", path, body, Map.of("If-Match", ifMatch), Set.of(200)).body();
    }

    public Answer call(String user, String method, String path, JsonNode body, Map<String, String> headers,
            Set<Integer> accepted) {
        String request = method + " " + path + " as " + user;
        boolean retryable = method.equals("GET") || headers.containsKey("Idempotency-Key");
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token(user))
                    .header("Accept", "application/json, application/problem+json");
            headers.forEach(builder::header);
            if (body != null) {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
            } else {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response;
            try {
                response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException | HttpTimeoutException e) {
                if (retryable && attempt < ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                throw new IllegalStateException(request + ": the gateway at " + gateway + " did not answer ("
                        + e.getClass().getSimpleName() + "). Is the suite up (./suite status)?", e);
            } catch (IOException e) {
                throw new IllegalStateException(request + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(request + " interrupted", e);
            }
            int status = response.statusCode();
            if (status == 429 && attempt < RATE_LIMITED_ATTEMPTS) {
                // The gateway's per-user rate limit refused it before any service saw it: wait as told, send again.
                sleepSeconds(response.headers().firstValue("Retry-After").map(GatewayClient::seconds).orElse(1L));
                continue;
            }
            if (status == 503 && retryable && attempt < ATTEMPTS) {
                pause(attempt);
                continue;
            }
            if (!accepted.contains(status)) {
                throw new ApiException(request + (body == null ? "" : " with " + write(body)), status,
                        pretty(response.body()));
            }
            return new Answer(status, read(response.body()), response.headers().firstValue("ETag").orElse(null));
        }
    }

    /** A path with query parameters, URL-encoded; a parameter given several values is repeated. */
    public static String withQuery(String path, Map<String, ?> parameters) {
        Map<String, Object> present = new LinkedHashMap<>();
        parameters.forEach((key, value) -> {
            if (value != null) {
                present.put(key, value);
            }
        });
        if (present.isEmpty()) {
            return path;
        }
        return path + "?" + present.entrySet().stream().flatMap(entry -> (entry.getValue() instanceof Iterable<?> values
                ? java.util.stream.StreamSupport.stream(values.spliterator(), false)
                : java.util.stream.Stream.of(entry.getValue()))
                .map(value -> encode(entry.getKey()) + "=" + encode(String.valueOf(value))))
                .collect(Collectors.joining("&"));
    }

    private synchronized String token(String user) {
        Token token = tokens.get(user);
        if (token == null || Instant.now().isAfter(token.renewAfter())) {
            token = signIn(user);
            tokens.put(user, token);
        }
        return token.value();
    }

    private Token signIn(String user) {
        String form = "grant_type=password&client_id=" + encode(CLI_CLIENT) + "&username=" + encode(user)
                + "&password=" + encode(user + "-pw");
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer at " + tokenEndpoint + " (" + e + "). Is the suite "
                    + "up (./suite status)?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signing in " + user, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + " (client " + CLI_CLIENT
                    + ", password grant) at " + tokenEndpoint + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode answer = read(response.body());
        long lifetime = answer.path("expires_in").asLong(60);
        // Renewed half-way or 30 s before expiry, whichever comes first.
        return new Token(answer.path("access_token").asText(),
                Instant.now().plusSeconds(Math.max(5, Math.min(lifetime / 2, lifetime - 30))));
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String pretty(String body) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body));
        } catch (JsonProcessingException | IllegalArgumentException notJson) {
            return body;
        }
    }

    private static void pause(int attempt) {
        sleepSeconds(1L << (attempt - 1));
    }

    private static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(Math.min(60, Math.max(1, seconds)) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException httpDate) {
            return 1;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
