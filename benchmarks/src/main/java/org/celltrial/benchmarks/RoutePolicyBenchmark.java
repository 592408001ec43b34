package org.celltrial.benchmarks;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.celltrial.common.security.Roles;
import org.celltrial.gateway.policy.RoutePolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The gateway's decision for each request: {@link RoutePolicy#allows}, over a mix of {@value #MIX_SIZE} requests
 * as the gateway sees them (normalised paths), from rules early and late in the table, allowed and refused, and
 * paths no rule matches (which try every rule). The figure is per decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutePolicyBenchmark {

    static final int MIX_SIZE = 16;

    /** One request and the decision the policy must reach for it. */
    record Request(Set<String> roles, String method, String path, boolean allowed) {
    }

    private static final Set<String> INVESTIGATOR = Set.of(Roles.INVESTIGATOR);
    private static final Set<String> DATA_MANAGER = Set.of(Roles.DATA_MANAGER);
    private static final Set<String> SAFETY_OFFICER = Set.of(Roles.SAFETY_OFFICER);
    private static final Set<String> SPONSOR = Set.of(Roles.SPONSOR);
    private static final Set<String> MONITOR = Set.of(Roles.MONITOR);
    private static final Set<String> ADMIN = Set.of(Roles.ADMIN);

    private static final String PATIENT = "3f2b8c1e-7d4a-4e59-9a61-0c5d2e8f1b47";

    static final List<Request> MIX = List.of(
            new Request(INVESTIGATOR, "GET", "/api/v1/enrollment/me", true),
            new Request(INVESTIGATOR, "GET", "/api/v1/enrollment/patients/" + PATIENT, true),
            new Request(INVESTIGATOR, "POST", "/api/v1/safety/patients/" + PATIENT + "/vitals", true),
            new Request(INVESTIGATOR, "GET", "/api/v1/safety/patients/" + PATIENT + "/crs", true),
            new Request(INVESTIGATOR, "POST", "/api/v1/efficacy/patients/" + PATIENT + "/platelet-counts", true),
            new Request(INVESTIGATOR, "GET", "/api/v1/efficacy/patients/" + PATIENT + "/response", true),
            new Request(INVESTIGATOR, "GET", "/api/v1/study/patients/" + PATIENT + "/course", true),
            new Request(DATA_MANAGER, "PUT", "/api/v1/enrollment/patients/" + PATIENT + "/screening", true),
            new Request(SAFETY_OFFICER, "POST", "/api/v1/safety/adverse-events/ae-1042", true),
            new Request(SAFETY_OFFICER, "GET", "/api/v1/safety/sae/due", true),
            new Request(SPONSOR, "GET", "/api/v1/study/summary", true),
            new Request(SPONSOR, "GET", "/api/v1/safety/patients/" + PATIENT + "/crs", false),
            new Request(MONITOR, "POST", "/api/v1/efficacy/patients/" + PATIENT + "/platelet-counts", false),
            new Request(ADMIN, "POST", "/api/v1/enrollment/sites", true),
            new Request(INVESTIGATOR, "DELETE", "/api/v1/enrollment/protocol", false),
            new Request(INVESTIGATOR, "GET", "/api/v1/unknown/" + PATIENT, false));

    private final RoutePolicy policy = new RoutePolicy();

    private Request[] requests;

    @Setup
    public void setUp() {
        requests = MIX.toArray(Request[]::new);
        if (requests.length != MIX_SIZE) {
            throw new IllegalStateException("the mix has " + requests.length + " requests, not " + MIX_SIZE);
        }
        // The decisions must stay the intended ones, or the figures measure something else.
        for (Request request : requests) {
            if (policy.allows(request.roles(), request.method(), request.path()) != request.allowed()) {
                throw new IllegalStateException("unexpected decision for " + request);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(MIX_SIZE)
    public void allows(Blackhole blackhole) {
        for (Request request : requests) {
            blackhole.consume(policy.allows(request.roles(), request.method(), request.path()));
        }
    }
}
