package org.celltrial.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * The proxy under load: with every connection to a service busy and the wait queue full, the next request is
 * answered 503 at once; neither that nor callers that hang up open the service's circuit. A connection the service
 * closes before answering (a pooled connection to a process that has since restarted) costs a read nothing.
 */
class ServiceProxyPoolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vertx vertx;
    private final List<HttpServerRequest> held = new ArrayList<>();
    /** How many of the next requests the service answers by closing their connection. */
    private final AtomicInteger toClose = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private int upstreamPort;
    private int gatewayPort;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        // The service: holds every request until release() answers it.
        HttpServer upstream = vertx.createHttpServer().requestHandler(request -> {
            received.incrementAndGet();
            if (toClose.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                request.connection().close();
                return;
            }
            synchronized (held) {
                held.add(request);
            }
        });
        upstreamPort = upstream.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .actualPort();
        ServiceProxy proxy = new ServiceProxy();
        proxy.config = config(URI.create("http://localhost:" + upstreamPort));
        proxy.vertx = vertx;
        proxy.json = JSON;
        Router router = Router.router(vertx);
        proxy.install(router);
        gatewayPort = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRequestBeyondThePoolAndItsQueueIsAnswered503AtOnceAndTheCircuitStaysClosed() throws Exception {
        // Pool of 1 and queue of 1: the first request holds the connection, the second waits.
        CompletableFuture<HttpResponse<String>> first = send();
        awaitHeld(1);
        CompletableFuture<HttpResponse<String>> second = send();
        Thread.sleep(200);   // the second is queued by now (the service still holds only the first)
        assertEquals(1, heldCount());

        long started = System.nanoTime();
        HttpResponse<String> third = send().get(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertEquals(503, third.statusCode());
        assertEquals("application/problem+json", third.headers().firstValue("Content-Type").orElse(""));
        assertEquals("1", third.headers().firstValue("Retry-After").orElse(""));
        JsonNode problem = JSON.readTree(third.body());
        assertEquals("urn:celltrial:problem:service-unavailable", problem.path("type").asText());
        assertEquals(503, problem.path("status").asInt());
        assertTrue(problem.path("detail").asText().contains("enrollment service is unavailable (too busy"),
                problem.toString());
        assertTrue(millis < 2000, "answered in " + millis + " ms, not at once");

        // The held requests complete once the service answers; a busy 503 did not open the circuit (threshold 1).
        release();
        assertEquals(200, first.get(5, TimeUnit.SECONDS).statusCode());
        awaitHeld(1);
        release();
        assertEquals(200, second.get(5, TimeUnit.SECONDS).statusCode());
        CompletableFuture<HttpResponse<String>> fourth = send();
        awaitHeld(1);
        release();
        assertEquals(200, fourth.get(5, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void callersThatHangUpDoNotOpenTheCircuit() throws Exception {
        // Threshold 1: were a hung-up caller counted as the service failing, the first would open the circuit.
        for (int i = 0; i < 3; i++) {
            try (Socket caller = new Socket("localhost", gatewayPort)) {
                caller.getOutputStream().write(("GET /api/v1/enrollment/protocol HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                caller.getOutputStream().flush();
                awaitHeld(1);
            }
            Thread.sleep(200);   // the gateway has seen the caller go and reset the forwarded request
            synchronized (held) {
                held.clear();
            }
        }
        CompletableFuture<HttpResponse<String>> after = send();
        awaitHeld(1);
        release();
        assertEquals(200, after.get(5, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void aReadWhoseConnectionClosesBeforeAnyAnswerIsSentOnceMoreAndAnswered() throws Exception {
        toClose.set(1);
        CompletableFuture<HttpResponse<String>> read = send();
        awaitHeld(1);
        release();

        HttpResponse<String> answer = read.get(5, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("{}", answer.body());
        assertEquals(2, received.get(), "the closed attempt and the one answered");
    }

    @Test
    void aWriteWhoseConnectionClosesIsNotSentAgain() throws Exception {
        toClose.set(1);
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + gatewayPort + "/api/v1/enrollment/protocol"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":2}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("it did not answer"), answer.body());
        assertEquals(1, received.get(), "the write reached the service once");
    }

    @Test
    void aReadIsSentOnceMoreOnlyOnce() throws Exception {
        toClose.set(2);
        HttpResponse<String> answer = send().get(5, TimeUnit.SECONDS);

        assertEquals(503, answer.statusCode(), answer.body());
        assertEquals(2, received.get());
    }

    private CompletableFuture<HttpResponse<String>> send() {
        return client.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + gatewayPort + "/api/v1/enrollment/protocol")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int heldCount() {
        synchronized (held) {
            return held.size();
        }
    }

    private void awaitHeld(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (heldCount() < count) {
            assertTrue(System.nanoTime() < deadline, "the service never got the request");
            Thread.sleep(10);
        }
    }

    private void release() {
        synchronized (held) {
            for (HttpServerRequest request : held) {
                request.response().putHeader("Content-Type", "application/json").end("{}");
            }
            held.clear();
        }
    }

    private static GatewayConfig config(URI url) {
        GatewayConfig.Upstream upstream = new GatewayConfig.Upstream() {
            public URI url() { return url; }
            public Duration connectTimeout() { return Duration.ofSeconds(2); }
            public Duration idleTimeout() { return Duration.ofSeconds(15); }
            public GatewayConfig.CircuitBreaker circuitBreaker() {
                return new GatewayConfig.CircuitBreaker() {
                    public int failureThreshold() { return 1; }
                    public Duration openFor() { return Duration.ofSeconds(30); }
                };
            }
            public GatewayConfig.Pool pool() {
                return new GatewayConfig.Pool() {
                    public int size() { return 1; }
                    public int maxWaitQueue() { return 1; }
                };
            }
        };
        return new GatewayConfig() {
            public Map<String, Upstream> services() { return Map.of("enrollment", upstream); }
            public MemorySize maxRequestBody() { return new MemorySize(java.math.BigInteger.valueOf(256 * 1024)); }
            public RateLimits rateLimits() {
                return new RateLimits() {
                    public Limit person() { return null; }
                    public Limit machine() { return null; }
                    public Set<String> machineClients() { return Set.of(); }
                };
            }
        };
    }
}
