package org.celltrial.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.celltrial.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Route-guard path fuzzing through the gateway: requests a caller's roles do not allow, written every way a path
 * can be bent (encoded dots and slashes, double encoding, {@code //}, {@code ;jsessionid=} and matrix parameters,
 * upper case, trailing slashes, dot segments through a prefix the caller may use, absolute-form targets, the
 * services' {@code /q/*} management endpoints), sent byte for byte over a socket.
 *
 * <p>"Reached" is read from the services' own access logs (each request carries a unique {@code X-Request-Id},
 * {@link ServiceLogs}), not from the status codes. A request the gateway refuses must reach no service; a request
 * the gateway forwards (its policy allowed the path as the gateway reads it) must not be resolved by the service to
 * an endpoint: the service must answer it 404 or 405 (no such endpoint) or 400 (a path it cannot read). Any other
 * answer from a service means the service read the path as a resource the gateway's policy would have refused for
 * this caller (or as a management endpoint).
 *
 * <p>Long form ({@code -Dcelltrial.long=true}): every bend on every target through every prefix, and random
 * compositions of bends (seed printed), at least 10 000 requests.
 */
class RouteGuardFuzzIT {

    private static final boolean LONG = Boolean.getBoolean("celltrial.long");
    private static final long SEED = Long.getLong("celltrial.fuzz.seed", 20261205L);

    private static RunningSuite suite;
    private static String patient;

    /**
     * A forwarded request the service answered thus was served nothing: no such endpoint (404, 405), or a path or
     * request it cannot read (400; a service checks roles before it validates, AuthorizationMatrixIT, so a 400 never
     * hides an endpoint the caller's roles may not call).
     */
    private static final Set<Integer> REFUSED_BY_SERVICE = Set.of(400, 404, 405);

    /** A request the route policy refuses for this caller, and paths into the same service the policy allows it. */
    record Target(String user, String method, String path, List<String> allowedPrefixes) {
    }

    /**
     * One fuzzed request. {@code servedAsSent}: the request as sent is one the caller may make (a GET carrying a
     * method-override header), so the service must answer it as that request (200), not as the overriding method.
     */
    record Case(Target target, String method, String requestTarget, Map<String, String> headers,
            boolean servedAsSent) {

        Case(Target target, String method, String requestTarget, Map<String, String> headers) {
            this(target, method, requestTarget, headers, false);
        }
    }

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
        StudyPatients.ensureSite(suite, AuthorizationMatrixIT.OWN);
        TestUsers.ensure("matrix-mon", Set.of("monitor"), List.of(AuthorizationMatrixIT.OWN));
        patient = StudyPatients.screened(suite, AuthorizationMatrixIT.OWN, "data-manager", "RG", "1990-01-01", null);
    }

    private static List<Target> targets() {
        String p = "/patients/" + patient;
        List<String> enrollmentEveryone = List.of("/api/v1/enrollment/protocol", "/api/v1/enrollment/me",
                "/api/v1/enrollment/sites/MX-A", "/api/v1/enrollment/protocol/versions/1");
        return List.of(
                // a sponsor reads pseudonymised reports only
                new Target("sponsor-user", "GET", "/api/v1/enrollment/patients", enrollmentEveryone),
                new Target("sponsor-user", "GET", "/api/v1/enrollment" + p, enrollmentEveryone),
                new Target("sponsor-user", "GET", "/api/v1/safety" + p + "/vitals",
                        List.of("/api/v1/safety/me", "/api/v1/safety/summary", "/api/v1/safety/export/fhir")),
                new Target("sponsor-user", "GET", "/api/v1/safety/sae/due",
                        List.of("/api/v1/safety/me", "/api/v1/safety/summary", "/api/v1/safety/export/sdtm-ae")),
                new Target("sponsor-user", "GET", "/api/v1/efficacy" + p + "/platelet-counts",
                        List.of("/api/v1/efficacy/me", "/api/v1/efficacy/summary")),
                // admin: no patient data, no reports
                new Target("admin-user", "GET", "/api/v1/safety/summary", List.of("/api/v1/safety/me")),
                new Target("admin-user", "GET", "/api/v1/enrollment" + p + "/reference", enrollmentEveryone),
                // a monitor writes nothing and reads no study-wide reports (the service itself would let it read
                // the enrollment summary: only the gateway refuses that one)
                new Target("matrix-mon", "POST", "/api/v1/safety" + p + "/vitals",
                        List.of("/api/v1/safety/me", "/api/v1/safety" + p + "/vitals", "/api/v1/safety" + p)),
                new Target("matrix-mon", "GET", "/api/v1/enrollment/summary",
                        List.of("/api/v1/enrollment/patients", "/api/v1/enrollment" + p, "/api/v1/enrollment/protocol")),
                new Target("matrix-mon", "GET", "/api/v1/safety/line-listing",
                        List.of("/api/v1/safety" + p + "/crs", "/api/v1/safety/adverse-events/x")),
                // only an admin amends the protocol
                new Target("data-manager", "PUT", "/api/v1/enrollment/protocol",
                        List.of("/api/v1/enrollment/patients", "/api/v1/enrollment" + p)));
    }

    /** Management endpoints of the services: never reachable through the gateway. */
    private static final List<String> MANAGEMENT = List.of("q/metrics", "q/health/ready", "q/openapi", "q/info",
            "q/dev-ui", "q/arc");

    private static final List<String> UP = List.of("..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "..;", "..;x=1",
            "%252e%252e", "%2e%2e;", "..%00", "..%20");
    private static final List<String> SLASH = List.of("/", "%2f", "%2F", "%252f", "%5c", "\\", "//", "/./", "/;/");

    private static List<Case> cases(Random random) {
        List<Case> cases = new ArrayList<>();
        for (Target target : targets()) {
            Set<String> paths = new LinkedHashSet<>();
            paths.add(target.path());
            paths.addAll(bends(target.path()));
            for (String prefix : target.allowedPrefixes()) {
                paths.addAll(through(prefix, target.path(), LONG ? UP : UP.subList(0, 6), LONG ? SLASH
                        : SLASH.subList(0, 5)));
            }
            String service = target.path().split("/")[3];
            for (String management : LONG ? MANAGEMENT : MANAGEMENT.subList(0, 2)) {
                paths.addAll(through("/api/v1/" + service, "/api/v1/" + service + "/../../" + management, UP,
                        SLASH.subList(0, 4)));
                paths.add("/api/v1/" + service + "/" + management);
                paths.add("/api/v1/" + service + "/" + management.replace("/", "%2f"));
            }
            for (String path : paths) {
                cases.add(new Case(target, target.method(), path, Map.of()));
            }
            cases.add(new Case(target, target.method(), "http://localhost:" + suite.gateway.port + target.path(),
                    Map.of()));
            if (!target.method().equals("GET")) {
                // the method by an override header on a method the caller may use
                for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
                    cases.add(new Case(target, "GET", target.allowedPrefixes().get(0), Map.of(header, target.method()),
                            true));
                }
            } else {
                for (String method : List.of("HEAD", "OPTIONS", "get", "TRACE")) {
                    cases.add(new Case(target, method, target.path(), Map.of()));
                }
            }
            if (LONG) {
                List<String> bent = new ArrayList<>(paths);
                for (int i = 0; i < 600; i++) {
                    // a bend on top of a bend: two random transformations of a random variant
                    String base = bent.get(random.nextInt(bent.size()));
                    List<String> again = bends(base);
                    if (!again.isEmpty()) {
                        cases.add(new Case(target, target.method(), again.get(random.nextInt(again.size())), Map.of()));
                    }
                }
            }
        }
        return cases;
    }

    /** Paths that climb out of an allowed prefix back into the target: prefix + (up + slash) × depth + rest. */
    private static List<String> through(String prefix, String targetPath, List<String> ups, List<String> slashes) {
        String service = "/api/v1/" + targetPath.split("/")[3] + "/";
        String rest = targetPath.startsWith(service) ? targetPath.substring(service.length()) : targetPath;
        int depth = prefix.length() <= service.length() - 1 ? 0 : prefix.substring(service.length()).split("/").length;
        if (rest.startsWith("../../")) { // a management path: climb from the prefix to the root
            depth = prefix.substring(1).split("/").length;
            rest = rest.substring(6);
        }
        List<String> paths = new ArrayList<>();
        for (String up : ups) {
            for (String slash : slashes) {
                StringBuilder path = new StringBuilder(prefix).append(slash);
                for (int i = 0; i < Math.max(depth, 1); i++) {
                    path.append(up).append(slash);
                }
                paths.add(path.append(rest).toString());
            }
        }
        return paths;
    }

    /** One-step bends of a path. */
    private static List<String> bends(String path) {
        List<String> bent = new ArrayList<>();
        bent.add(path + "/");
        bent.add(path + "//");
        bent.add(path + "/.");
        bent.add(path + "/./");
        bent.add(path + ";jsessionid=0123456789ABCDEF");
        bent.add(path + ";");
        bent.add(path + "%3b");
        bent.add(path + "?/../me");
        bent.add(path + "%3f");
        bent.add(path + "%23");
        bent.add(path + "#frag");
        bent.add(path + "%00");
        bent.add(path + "%20");
        bent.add(path + ".json");
        bent.add("/" + path);
        bent.add(path.toUpperCase(Locale.ROOT));
        bent.add(path.replace("/api/v1/", "/API/V1/"));
        bent.add(path.replace("/api/", "/Api/"));
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            bent.add(replaceSegment(segments, i, segments[i] + ";x=1"));
            bent.add(replaceSegment(segments, i, segments[i] + ";jsessionid=1"));
            bent.add(replaceSegment(segments, i, segments[i].toUpperCase(Locale.ROOT)));
            bent.add(replaceSegment(segments, i, capitalise(segments[i])));
            bent.add(replaceSegment(segments, i, percentEncodeFirst(segments[i])));
            bent.add(replaceSegment(segments, i, segments[i] + "/."));
            bent.add(replaceSegment(segments, i, "." + "/" + segments[i]));
            bent.add(replaceSegment(segments, i, "x/../" + segments[i]));
            bent.add(replaceSegment(segments, i, "x/%2e%2e/" + segments[i]));
            bent.add(replaceSegment(segments, i, "x/..;/" + segments[i]));
            if (i < segments.length - 1) {
                bent.add(joinWith(segments, i, "%2f"));
                bent.add(joinWith(segments, i, "%2F"));
                bent.add(joinWith(segments, i, "%252f"));
                bent.add(joinWith(segments, i, "//"));
                bent.add(joinWith(segments, i, "%5c"));
                bent.add(joinWith(segments, i, "/;/"));
            }
        }
        return bent;
    }

    private static String replaceSegment(String[] segments, int index, String replacement) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            path.append('/').append(i == index ? replacement : segments[i]);
        }
        return path.toString();
    }

    private static String joinWith(String[] segments, int index, String separator) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            path.append(i == index + 1 ? separator : "/").append(segments[i]);
        }
        return path.toString();
    }

    private static String capitalise(String segment) {
        return segment.isEmpty() ? segment : Character.toUpperCase(segment.charAt(0)) + segment.substring(1);
    }

    private static String percentEncodeFirst(String segment) {
        return segment.isEmpty() ? segment : String.format("%%%02x", (int) segment.charAt(0)) + segment.substring(1);
    }

    @Test
    void noRefusedRequestReachesAService() {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        String run = "rg" + Long.toHexString(System.currentTimeMillis());
        List<Case> cases = cases(random);
        Map<String, Case> byId = new LinkedHashMap<>();
        Map<String, Integer> gatewayStatus = new LinkedHashMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Case c : cases) {
            String id = run + "-" + byId.size();
            byId.put(id, c);
            String token = tokens.computeIfAbsent(c.target().user(), Calls::token);
            if (byId.size() % 500 == 0) {
                tokens.clear(); // fresh tokens on long runs
            }
            Map<String, String> headers = new LinkedHashMap<>(c.headers());
            headers.put("Authorization", "Bearer " + token);
            headers.put("X-Request-Id", id);
            RawHttp.Answer answer = RawHttp.send(suite.gateway.port, c.method(), c.requestTarget(), headers);
            gatewayStatus.put(id, answer.status());
        }
        // the detector works: an allowed request with a request ID of this run is found in the service's log
        String control = run + "-control";
        RawHttp.Answer allowed = RawHttp.send(suite.gateway.port, "GET", "/api/v1/enrollment/protocol",
                Map.of("Authorization", "Bearer " + Calls.token("sponsor-user"), "X-Request-Id", control));
        assertEquals(200, allowed.status(), allowed.head());
        ServiceLogs.settle();
        // every service that logged the request ID: the one the gateway forwarded to, and any it called in turn
        List<Map.Entry<String, String>> reached = new ArrayList<>();
        for (String module : ServiceLogs.SERVICES) {
            ServiceLogs.received(module, run).forEach((id, line) -> reached.add(Map.entry(id, module + " " + line)));
        }
        assertTrue(reached.stream().anyMatch(hit -> hit.getKey().equals(control)),
                "the control request is in enrollment-service's access log");
        reached.removeIf(hit -> hit.getKey().equals(control));

        List<String> violations = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        gatewayStatus.values().forEach(status -> statuses.merge(status, 1, Integer::sum));
        int forwardedUnmatched = 0;
        for (Map.Entry<String, String> hit : reached) {
            Case c = byId.get(hit.getKey());
            int serviceStatus = Integer.parseInt(hit.getValue().split(" ")[1]);
            int atGateway = gatewayStatus.get(hit.getKey());
            String what = c.method() + " " + c.requestTarget() + " as " + c.target().user() + " " + c.headers();
            if (c.servedAsSent()) {
                if (serviceStatus != 200 || !hit.getValue().contains(" GET ")) {
                    violations.add("the service did not answer it as the GET it was (" + hit.getValue() + "): " + what);
                }
            } else if (atGateway == 403 || atGateway == 401) {
                violations.add("refused at the gateway (" + atGateway + ") yet reached " + hit.getValue() + ": " + what);
            } else if (!REFUSED_BY_SERVICE.contains(serviceStatus)) {
                violations.add("the service resolved it (" + hit.getValue() + "): " + what);
            } else {
                forwardedUnmatched++;
            }
        }
        // A 2xx from the gateway itself for a bent path: only its own endpoints outside /api/v1 (dot segments the
        // gateway resolved to /q/...), which are not in its API access log; never an API answer.
        String apiAccess = ServiceLogs.read(ServiceLogs.gatewayAccessLog());
        Map<String, Integer> gatewayOwn = new TreeMap<>();
        for (Map.Entry<String, Integer> answer : gatewayStatus.entrySet()) {
            Case c = byId.get(answer.getKey());
            if (answer.getValue() / 100 != 2 || c.servedAsSent()) {
                continue;
            }
            if (apiAccess.contains("\"requestId\":\"" + answer.getKey() + "\"")) {
                violations.add("answered " + answer.getValue() + " under /api/v1: " + c.method() + " "
                        + c.requestTarget() + " as " + c.target().user());
            } else {
                gatewayOwn.merge(c.requestTarget().replaceAll(".*?((%2[eE]|\\.)+[/%].*)", "$1"), 1, Integer::sum);
            }
        }
        System.out.printf("[route-fuzz] seed %d: %d requests (%d targets), gateway statuses %s; %d reached a service,"
                        + " %d of them answered 400/404/405 by it (forwarded, nothing served); %d violations; %.1f s%n",
                SEED, cases.size(), targets().size(), statuses, reached.size(), forwardedUnmatched, violations.size(),
                (System.nanoTime() - started) / 1e9);
        System.out.printf("[route-fuzz] %d answered 2xx by the gateway's own endpoints outside /api/v1 (no service"
                + " reached), e.g. %s%n", gatewayOwn.values().stream().mapToInt(Integer::intValue).sum(),
                gatewayOwn.keySet().stream().limit(5).toList());
        violations.forEach(v -> System.out.println("[route-fuzz] VIOLATION " + v));
        assertEquals(List.of(), violations);
        assertTrue(cases.size() >= (LONG ? 10_000 : 300), "requests sent: " + cases.size());
    }
}
