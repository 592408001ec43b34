package org.celltrial.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.celltrial.testing.Tokens;

/**
 * Plain HTTP calls for the suites that send thousands of requests (java.net.http: the path is sent as given), each
 * with a request ID of the suite's own, and real tokens refreshed before they expire.
 */
final class Calls {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String[]> TOKENS = new HashMap<>();
    private static final long TOKEN_REUSE_MILLIS = 45_000;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** One answer, with the request ID it was sent with. */
    record Answer(int status, String contentType, String body, String requestId) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** A FHIR OperationOutcome: how the FHIR intake answers a body that is no FHIR transaction. */
        boolean isOperationOutcome() {
            return contentType != null && contentType.startsWith("application/fhir+json") && body != null
                    && body.contains("\"resourceType\":\"OperationOutcome\"");
        }
    }

    private Calls() {
    }

    /** A fresh-enough token of a demo or test user; {@code sponsor-system} is the client-credentials client. */
    static synchronized String token(String user) {
        String[] cached = TOKENS.get(user);
        long now = System.currentTimeMillis();
        if (cached == null || now - Long.parseLong(cached[1]) > TOKEN_REUSE_MILLIS) {
            String token = user.equals("sponsor-system") ? Tokens.sponsorSystem() : Tokens.of(user);
            cached = new String[] {token, Long.toString(now)};
            TOKENS.put(user, cached);
        }
        return cached[0];
    }

    /** A request ID unique to this run: the prefix names the suite, so its requests can be found in the logs. */
    static String requestId(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime()) + "-" + SEQUENCE.incrementAndGet();
    }

    static Answer send(String method, String url, String user, String contentType, String body,
            Map<String, String> headers, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("X-Request-Id", requestId);
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null),
                    answer.body(), requestId);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer get(String url, String user, String requestId) {
        return send("GET", url, user, null, null, Map.of(), requestId);
    }
}
