package org.celltrial.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests as the cluster would receive them: {@code kubectl kustomize k8s/overlays/<env>} for dev
 * and prod, every rendered object checked against the deployment rules of the architecture (hardened containers,
 * probes, resources, secrets never committed, network isolation, TLS-only public entry, pinned images, labels,
 * production availability) and the realm import checked against the realm file it is generated from.
 *
 * <p>Plain JUnit (no Quarkus, no cluster). Skipped where {@code kubectl} is not installed; the realm check needs
 * only bash and python3.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("celltrial.root", "..")).toAbsolutePath().normalize();
    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();
    private static final Set<String> POD_WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");
    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Pattern URL = Pattern.compile("https?://([a-z0-9-]+)(?::(\\d+))?(/.*)?");
    private static final String PART_OF = "app.kubernetes.io/part-of";
    private static final String NAME = "app.kubernetes.io/name";

    // ---------------------------------------------------------------- containers

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void everyContainerIsHardened(String overlay) {
        for (Map<String, Object> workload : workloads(overlay)) {
            Map<String, Object> pod = podSpec(workload);
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            assertEquals(Boolean.FALSE, pod.get("automountServiceAccountToken"),
                    id(workload) + ": the pod must not mount a service account token");
            for (Map<String, Object> container : containers(pod)) {
                String where = id(workload) + " container " + container.get("name");
                Map<String, Object> security = map(container.get("securityContext"));
                assertEquals(Boolean.TRUE, firstNonNull(security.get("runAsNonRoot"), podSecurity.get("runAsNonRoot")),
                        where + ": runAsNonRoot must be true");
                assertEquals(Boolean.TRUE, security.get("readOnlyRootFilesystem"),
                        where + ": readOnlyRootFilesystem must be true");
                assertEquals(Boolean.FALSE, security.get("allowPrivilegeEscalation"),
                        where + ": allowPrivilegeEscalation must be false");
                assertTrue(list(map(security.get("capabilities")).get("drop")).contains("ALL"),
                        where + ": capabilities must drop ALL");
                Object seccomp = firstNonNull(at(security, "seccompProfile", "type"),
                        at(podSecurity, "seccompProfile", "type"));
                assertEquals("RuntimeDefault", seccomp, where + ": seccomp profile must be RuntimeDefault");
                assertTrue(mountsWritableTmp(pod, container),
                        where + ": needs a writable emptyDir at /tmp (the root filesystem is read-only)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void everyContainerHasProbesResourcesAndGracefulShutdown(String overlay) {
        for (Map<String, Object> workload : workloads(overlay)) {
            Map<String, Object> pod = podSpec(workload);
            for (Map<String, Object> container : containers(pod)) {
                String where = id(workload) + " container " + container.get("name");
                assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"),
                        where + ": liveness probe");
                assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"),
                        where + ": readiness probe");
                assertEquals("/q/health/started", at(container, "startupProbe", "httpGet", "path"),
                        where + ": startup probe");
                for (String kind : List.of("requests", "limits")) {
                    Map<String, Object> amounts = map(at(container, "resources", kind));
                    assertNotNull(amounts.get("cpu"), where + ": resources." + kind + ".cpu");
                    assertNotNull(amounts.get("memory"), where + ": resources." + kind + ".memory");
                }
                assertNotNull(at(container, "lifecycle", "preStop"),
                        where + ": needs a preStop hook so endpoints drain before SIGTERM");
                assertTrue(pod.get("terminationGracePeriodSeconds") instanceof Number,
                        where + ": terminationGracePeriodSeconds must be set");
                int grace = ((Number) pod.get("terminationGracePeriodSeconds")).intValue();
                Object sleep = at(container, "lifecycle", "preStop", "sleep", "seconds");
                int preStop = sleep instanceof Number n ? n.intValue() : 0;
                int shutdown = shutdownTimeoutSeconds(overlay, container);
                assertTrue(shutdown > 0, where + ": QUARKUS_SHUTDOWN_TIMEOUT must be set for a graceful shutdown");
                assertTrue(grace > preStop + shutdown, where + ": terminationGracePeriodSeconds (" + grace
                        + ") must exceed preStop (" + preStop + ") + quarkus.shutdown.timeout (" + shutdown + ")");
            }
        }
    }

    // ---------------------------------------------------------------- secrets

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void noSecretIsCommitted(String overlay) {
        for (Map<String, Object> secret : ofKind(overlay, "Secret")) {
            assertTrue(map(secret.get("data")).isEmpty() && map(secret.get("stringData")).isEmpty(),
                    id(secret) + ": a Secret with data must never be in the tree; reference it by name");
        }
        // values in env are plain settings only: anything secret comes from a secretKeyRef
        for (Map<String, Object> workload : workloads(overlay)) {
            for (Map<String, Object> container : containers(podSpec(workload))) {
                for (Object item : list(container.get("env"))) {
                    Map<String, Object> env = map(item);
                    String name = String.valueOf(env.get("name"));
                    if (name.matches(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*")) {
                        assertNotNull(at(env, "valueFrom", "secretKeyRef"),
                                id(workload) + ": " + name + " must come from a Secret, not a literal value");
                    }
                }
            }
        }
        for (Map<String, Object> config : ofKind(overlay, "ConfigMap")) {
            for (String key : map(config.get("data")).keySet()) {
                assertFalse(key.matches(".*(PASSWORD|SECRET|TOKEN).*"),
                        id(config) + ": " + key + " looks secret; ConfigMaps hold non-secret settings only");
            }
        }
    }

    /**
     * docs/architecture.md, Audit trail: each service runs as its database's runtime role, which CloudNativePG manages
     * without any power over the schema, and only its Flyway connects as the owner.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void servicesRunAsTheRuntimeRoleAndMigrateAsTheOwner(String overlay) {
        for (String db : List.of("enrollment", "safety", "efficacy")) {
            Map<String, Object> cluster = ofKind(overlay, "Cluster").stream()
                    .filter(c -> name(c).equals(db + "-db")).findFirst().orElseThrow();
            Map<String, Object> runtimeRole = list(at(cluster, "spec", "managed", "roles")).stream().map(KubernetesManifestsTest::map)
                    .filter(r -> (db + "_app").equals(r.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(id(cluster) + ": manages no role " + db + "_app"));
            assertEquals(true, runtimeRole.get("login"), db + "_app logs in");
            for (String power : List.of("superuser", "createdb", "createrole", "bypassrls", "replication")) {
                assertEquals(false, runtimeRole.get(power), db + "_app: " + power);
            }
            assertEquals(db + "-db-runtime", at(runtimeRole, "passwordSecret", "name"));

            Map<String, Object> deployment = ofKind(overlay, "Deployment").stream()
                    .filter(d -> name(d).equals(db + "-service")).findFirst().orElseThrow();
            Map<String, Object> secretOf = new HashMap<>();
            for (Map<String, Object> container : containers(podSpec(deployment))) {
                for (Object env : list(container.get("env"))) {
                    secretOf.put(String.valueOf(map(env).get("name")), at(env, "valueFrom", "secretKeyRef", "name"));
                }
            }
            assertEquals(db + "-db-runtime", secretOf.get("QUARKUS_DATASOURCE_USERNAME"), id(deployment));
            assertEquals(db + "-db-runtime", secretOf.get("QUARKUS_DATASOURCE_PASSWORD"), id(deployment));
            assertEquals(db + "-db-app", secretOf.get("QUARKUS_FLYWAY_USERNAME"), id(deployment));
            assertEquals(db + "-db-app", secretOf.get("QUARKUS_FLYWAY_PASSWORD"), id(deployment));
        }
    }

    // ---------------------------------------------------------------- network

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void thereIsADefaultDenyPolicy(String overlay) {
        boolean found = ofKind(overlay, "NetworkPolicy").stream().anyMatch(policy -> {
            Map<String, Object> spec = map(policy.get("spec"));
            return map(spec.get("podSelector")).isEmpty()
                    && list(spec.get("policyTypes")).containsAll(List.of("Ingress", "Egress"))
                    && list(spec.get("ingress")).isEmpty() && list(spec.get("egress")).isEmpty();
        });
        assertTrue(found, "a default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules) is required");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void everyServiceHasANetworkPolicySelectingItsPods(String overlay) {
        for (Map<String, Object> service : ofKind(overlay, "Service")) {
            Map<String, Object> selector = map(at(service, "spec", "selector"));
            assertFalse(selector.isEmpty(), id(service) + ": a Service must select pods");
            assertFalse(policiesFor(overlay, selector, "Ingress").isEmpty(),
                    id(service) + ": no NetworkPolicy with Ingress rules selects its pods " + selector);
            assertFalse(policiesFor(overlay, selector, "Egress").isEmpty(),
                    id(service) + ": no NetworkPolicy with Egress rules selects its pods " + selector);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void servicesAreReachableOnlyFromTheGatewayAndTheirDeclaredCallers(String overlay) {
        Map<String, Set<String>> callers = callers(overlay);
        for (Map<String, Object> deployment : ofKind(overlay, "Deployment")) {
            String name = name(deployment);
            Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
            for (Map<String, Object> policy : policiesFor(overlay, podLabels, "Ingress")) {
                for (Object rule : list(at(policy, "spec", "ingress"))) {
                    List<Object> from = list(map(rule).get("from"));
                    assertFalse(from.isEmpty(), id(policy) + ": an ingress rule without 'from' opens " + name
                            + " to everyone");
                    for (Object peer : from) {
                        Map<String, Object> p = map(peer);
                        assertFalse(p.containsKey("ipBlock"), id(policy) + ": no ipBlock ingress to " + name);
                        if (name.equals("gateway")) {
                            assertTrue(p.containsKey("namespaceSelector"),
                                    id(policy) + ": the gateway is reached only through the ingress controller");
                        } else {
                            assertFalse(p.containsKey("namespaceSelector"),
                                    id(policy) + ": " + name + " must not be reachable from other namespaces");
                            Object caller = at(p, "podSelector", "matchLabels", NAME);
                            assertTrue("gateway".equals(caller) || callers.getOrDefault(name, Set.of()).contains(caller),
                                    id(policy) + ": " + name + " admits " + caller
                                            + ", which is neither the gateway nor configured to call it");
                        }
                    }
                }
            }
            // egress: in-cluster peers only (no internet)
            for (Map<String, Object> policy : policiesFor(overlay, podLabels, "Egress")) {
                for (Object rule : list(at(policy, "spec", "egress"))) {
                    for (Object peer : list(map(rule).get("to"))) {
                        assertFalse(map(peer).containsKey("ipBlock"),
                                id(policy) + ": " + name + " needs no egress outside the cluster");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void eachDatabaseIsReachableOnlyFromItsOwnService(String overlay) {
        List<Map<String, Object>> clusters = ofKind(overlay, "Cluster");
        assertFalse(clusters.isEmpty(), "PostgreSQL runs as CloudNativePG clusters");
        for (Map<String, Object> cluster : clusters) {
            String db = name(cluster);
            Map<String, Object> ownerPods = databaseOwnerPods(overlay, db);
            assertNotNull(ownerPods, db + ": no workload uses this database (host " + db + "-rw)");
            Map<String, Object> self = Map.of("cnpg.io/cluster", db);
            List<Map<String, Object>> policies = policiesFor(overlay, self, "Ingress");
            assertFalse(policies.isEmpty(), db + ": no NetworkPolicy selects its pods");
            for (Map<String, Object> policy : policies) {
                for (Object rule : list(at(policy, "spec", "ingress"))) {
                    boolean postgresPort = list(map(rule).get("ports")).stream()
                            .anyMatch(port -> Objects.equals(map(port).get("port"), 5432));
                    if (!postgresPort) {
                        continue;
                    }
                    for (Object peer : list(map(rule).get("from"))) {
                        Map<String, Object> labels = map(at(peer, "podSelector", "matchLabels"));
                        assertTrue(map(peer).keySet().equals(Set.of("podSelector"))
                                && (labels.equals(self) || labels.equals(ownerPods)),
                                id(policy) + ": PostgreSQL port of " + db + " admits " + peer
                                        + "; only its own service " + ownerPods + " and its own instances may connect");
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- public entry

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void onlyTheGatewayAndKeycloakHaveIngressesAndTheyAreTls(String overlay) {
        Set<String> keycloakServices = keycloakServices(overlay);
        int gatewayIngresses = 0;
        for (Map<String, Object> ingress : ofKind(overlay, "Ingress")) {
            Set<String> backends = new HashSet<>();
            Set<String> hosts = new HashSet<>();
            for (Object rule : list(at(ingress, "spec", "rules"))) {
                hosts.add(String.valueOf(map(rule).get("host")));
                for (Object path : list(at(rule, "http", "paths"))) {
                    backends.add(String.valueOf(at(path, "backend", "service", "name")));
                }
            }
            assertNull(at(ingress, "spec", "defaultBackend"), id(ingress) + ": no default backend");
            if (backends.equals(Set.of("gateway"))) {
                gatewayIngresses++;
            } else {
                assertTrue(!backends.isEmpty() && keycloakServices.containsAll(backends), id(ingress)
                        + ": an Ingress routes either to the gateway or to Keycloak, never to " + backends);
            }
            List<Object> tls = list(at(ingress, "spec", "tls"));
            assertFalse(tls.isEmpty(), id(ingress) + ": TLS is required");
            Set<String> tlsHosts = new HashSet<>();
            for (Object entry : tls) {
                assertNotNull(map(entry).get("secretName"), id(ingress) + ": TLS entry needs a secretName");
                list(map(entry).get("hosts")).forEach(h -> tlsHosts.add(String.valueOf(h)));
            }
            assertTrue(tlsHosts.containsAll(hosts), id(ingress) + ": every host must be covered by TLS: " + hosts);
        }
        assertEquals(1, gatewayIngresses, "exactly one Ingress for the gateway");
        // Keycloak published by its operator: if so, over TLS as well
        for (Map<String, Object> keycloak : ofKind(overlay, "Keycloak")) {
            if (!Boolean.FALSE.equals(at(keycloak, "spec", "ingress", "enabled"))) {
                assertNotNull(at(keycloak, "spec", "ingress", "tlsSecret"), id(keycloak) + ": ingress needs TLS");
                assertTrue(String.valueOf(at(keycloak, "spec", "hostname", "hostname")).startsWith("https://"),
                        id(keycloak) + ": public hostname must be https");
            }
        }
    }

    /**
     * Production never publishes Keycloak's admin console and Admin REST API ({@code /admin}): not through the
     * operator's Ingress (which routes every path, so it must be off), and no Ingress path to Keycloak outside the
     * realm's own endpoints ({@code /realms/celltrial/}) and the login pages' static files ({@code /resources/}).
     */
    @Test
    void productionNeverRoutesKeycloakAdmin() {
        for (Map<String, Object> keycloak : ofKind("prod", "Keycloak")) {
            assertEquals(Boolean.FALSE, at(keycloak, "spec", "ingress", "enabled"), id(keycloak)
                    + ": the operator's Ingress publishes every path, /admin included; it must be disabled in prod");
        }
        Set<String> keycloakServices = keycloakServices("prod");
        List<String> published = new ArrayList<>();
        for (Map<String, Object> ingress : ofKind("prod", "Ingress")) {
            Object fallback = at(ingress, "spec", "defaultBackend", "service", "name");
            assertFalse(keycloakServices.contains(fallback), id(ingress) + ": Keycloak as default backend routes /admin");
            for (Object rule : list(at(ingress, "spec", "rules"))) {
                for (Object item : list(at(rule, "http", "paths"))) {
                    if (!keycloakServices.contains(at(item, "backend", "service", "name"))) {
                        continue;
                    }
                    String path = String.valueOf(map(item).get("path"));
                    String type = String.valueOf(map(item).get("pathType"));
                    String where = id(ingress) + " path " + path + " (" + type + ")";
                    assertTrue(type.equals("Prefix") || type.equals("Exact"),
                            where + ": ImplementationSpecific paths (regular expressions) could match /admin");
                    assertFalse(routes(path, type, "/admin") || routes(path, type, "/admin/master/console/")
                            || routes(path, type, "/realms/master/protocol/openid-connect/token"),
                            where + ": routes Keycloak's admin console, Admin API or master realm");
                    assertTrue(path.startsWith("/realms/celltrial/") || path.startsWith("/resources/"),
                            where + ": Keycloak is published on /realms/celltrial/ and /resources/ only");
                    published.add(path);
                }
            }
        }
        assertTrue(published.stream().anyMatch(p -> p.startsWith("/realms/celltrial")),
                "prod must still publish the realm (login, tokens, keys): " + published);
    }

    /** Whether an Ingress path of the type would route the request path (Kubernetes' Prefix: whole elements). */
    private static boolean routes(String path, String type, String request) {
        if (type.equals("Exact")) {
            return path.equals(request);
        }
        String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return prefix.isEmpty() || request.equals(prefix) || request.startsWith(prefix + "/");
    }

    private static Set<String> keycloakServices(String overlay) {
        return ofKind(overlay, "Keycloak").stream().map(k -> name(k) + "-service").collect(Collectors.toSet());
    }

    /**
     * In Kubernetes the gateway's access log goes to stdout too (JSON, for the cluster's log shipper), besides its
     * file: CELLTRIAL_ACCESS_LOG_HANDLERS names both handlers, and the gateway defines each of them.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void gatewayAccessLogAlsoGoesToStdout(String overlay) throws IOException {
        Map<String, Object> data = map(ofKind(overlay, "ConfigMap").stream()
                .filter(c -> name(c).equals("gateway-config")).findFirst().orElseThrow().get("data"));
        assertNotNull(data.get("CELLTRIAL_ACCESS_LOG"), "the access log file on its volume");
        List<String> handlers = List.of(String.valueOf(data.get("CELLTRIAL_ACCESS_LOG_HANDLERS")).split("\\s*,\\s*"));
        String properties = Files.readString(ROOT.resolve("gateway/src/main/resources/application.properties"),
                StandardCharsets.UTF_8);
        assertTrue(properties.contains("quarkus.log.category.\"celltrial.access\".handlers=${CELLTRIAL_ACCESS_LOG_HANDLERS:"),
                "the gateway takes the access log's handlers from CELLTRIAL_ACCESS_LOG_HANDLERS");
        boolean file = false;
        boolean stdout = false;
        for (String handler : handlers) {
            boolean isFile = properties.contains("quarkus.log.handler.file.\"" + handler + "\".enabled=true");
            boolean isConsole = properties.contains("quarkus.log.handler.console.\"" + handler + "\".enabled=true");
            assertTrue(isFile || isConsole, "access log handler " + handler + " is not defined by the gateway");
            file |= isFile;
            stdout |= isConsole;
        }
        assertTrue(file && stdout, "the access log goes to its file and to stdout: " + handlers);
        assertTrue(properties.contains("%prod.quarkus.log.console.json.enabled=true")
                || Files.readString(ROOT.resolve("common-web/src/main/resources/META-INF/microprofile-config.properties"),
                        StandardCharsets.UTF_8).contains("%prod.quarkus.log.console.json.enabled=true"),
                "console lines (the access log's included) are JSON in the prod profile");
    }

    // ---------------------------------------------------------------- images and labels

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void imagesArePinned(String overlay) {
        for (Map<String, Object> workload : workloads(overlay)) {
            for (Map<String, Object> container : containers(podSpec(workload))) {
                String image = String.valueOf(container.get("image"));
                assertPinned(id(workload), image);
                if (overlay.equals("prod")) {
                    assertTrue(DIGEST.matcher(image).matches(), id(workload) + ": prod pins images by digest: " + image);
                }
            }
        }
        for (Map<String, Object> cluster : ofKind(overlay, "Cluster")) {
            Object image = at(cluster, "spec", "imageName");
            if (image != null) {
                assertPinned(id(cluster), String.valueOf(image));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void everythingIsLabelled(String overlay) {
        for (Map<String, Object> object : rendered(overlay)) {
            Map<String, Object> labels = map(at(object, "metadata", "labels"));
            assertEquals("celltrial", labels.get(PART_OF), id(object) + ": label " + PART_OF);
            assertNotNull(labels.get(NAME), id(object) + ": label " + NAME);
        }
        for (Map<String, Object> workload : workloads(overlay)) {
            Map<String, Object> labels = map(at(workload, "spec", "template", "metadata", "labels"));
            assertEquals("celltrial", labels.get(PART_OF), id(workload) + ": pod label " + PART_OF);
            assertEquals(name(workload), labels.get(NAME), id(workload) + ": pod label " + NAME);
            assertNotNull(labels.get("app.kubernetes.io/component"), id(workload) + ": pod label component");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void serviceAccountsMountNoToken(String overlay) {
        List<Map<String, Object>> accounts = ofKind(overlay, "ServiceAccount");
        Set<String> names = accounts.stream().map(KubernetesManifestsTest::name).collect(Collectors.toSet());
        for (Map<String, Object> account : accounts) {
            assertEquals(Boolean.FALSE, account.get("automountServiceAccountToken"),
                    id(account) + ": automountServiceAccountToken must be false");
        }
        for (Map<String, Object> workload : workloads(overlay)) {
            Object account = podSpec(workload).get("serviceAccountName");
            assertTrue(names.contains(account), id(workload) + ": runs as its own ServiceAccount, not " + account);
        }
    }

    // ---------------------------------------------------------------- availability and wiring

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void everyDeploymentHasServiceDisruptionBudgetAutoscalerAndWiring(String overlay) {
        for (Map<String, Object> deployment : ofKind(overlay, "Deployment")) {
            String name = name(deployment);
            Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
            assertTrue(ofKind(overlay, "Service").stream()
                    .anyMatch(s -> contains(podLabels, map(at(s, "spec", "selector")))), name + ": no Service");
            assertTrue(ofKind(overlay, "PodDisruptionBudget").stream()
                    .anyMatch(p -> contains(podLabels, map(at(p, "spec", "selector", "matchLabels")))),
                    name + ": no PodDisruptionBudget");
            assertTrue(ofKind(overlay, "HorizontalPodAutoscaler").stream()
                    .anyMatch(h -> name.equals(at(h, "spec", "scaleTargetRef", "name"))), name + ": no HPA");
        }
        // every URL a ConfigMap points at is an existing Service on its port (or the Keycloak operator's service)
        Set<String> keycloakServices = ofKind(overlay, "Keycloak").stream()
                .map(k -> name(k) + "-service").collect(Collectors.toSet());
        for (Map<String, Object> config : ofKind(overlay, "ConfigMap")) {
            for (Map.Entry<String, Object> entry : map(config.get("data")).entrySet()) {
                Matcher url = URL.matcher(String.valueOf(entry.getValue()));
                if (!entry.getKey().endsWith("_URL") || !url.matches()) {
                    continue;
                }
                String host = url.group(1);
                if (keycloakServices.contains(host)) {
                    continue;
                }
                Map<String, Object> service = ofKind(overlay, "Service").stream()
                        .filter(s -> host.equals(name(s))).findFirst().orElse(null);
                assertNotNull(service, id(config) + ": " + entry.getKey() + " points at unknown Service " + host);
                int port = url.group(2) == null ? 80 : Integer.parseInt(url.group(2));
                assertTrue(list(at(service, "spec", "ports")).stream()
                        .anyMatch(p -> Objects.equals(map(p).get("port"), port)),
                        id(config) + ": Service " + host + " has no port " + port);
            }
            Object dbHost = map(config.get("data")).get("CELLTRIAL_DB_HOST");
            if (dbHost != null) {
                assertTrue(ofKind(overlay, "Cluster").stream().anyMatch(c -> dbHost.equals(name(c) + "-rw")),
                        id(config) + ": CELLTRIAL_DB_HOST " + dbHost + " is no CloudNativePG cluster's -rw service");
            }
        }
    }

    /**
     * Every service runs with the JVM options ./suite runs it with (k8s/base/service-jvm.env, read by both), and its
     * memory request holds the heap, metaspace and code cache those options allow, its limit that plus room for
     * thread stacks, Netty's direct buffers and the JVM itself (docs/performance.md: 226-375 MB resident under load).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void servicesRunWithTheSuitesJvmOptionsInMemoryThatFits(String overlay) throws IOException {
        Path file = ROOT.resolve("k8s/base/service-jvm.env");
        String options = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("JDK_JAVA_OPTIONS=")).map(line -> line.substring(17))
                .findFirst().orElseThrow(() -> new AssertionError(file + " must set JDK_JAVA_OPTIONS"));
        assertTrue(Files.readString(ROOT.resolve("suite"), StandardCharsets.UTF_8).contains("k8s/base/service-jvm.env"),
                "./suite must read its services' JVM options from k8s/base/service-jvm.env");
        assertTrue(options.contains("-XX:+UseSerialGC"), "the JVM options choose the collector: " + options);
        long committed = optionMebibytes(options, "-Xmx") + optionMebibytes(options, "-XX:MaxMetaspaceSize=")
                + optionMebibytes(options, "-XX:ReservedCodeCacheSize=");
        List<Map<String, Object>> deployments = ofKind(overlay, "Deployment");
        assertEquals(Set.of("enrollment-service", "safety-service", "efficacy-service", "gateway"),
                deployments.stream().map(KubernetesManifestsTest::name).collect(Collectors.toSet()));
        for (Map<String, Object> deployment : deployments) {
            for (Map<String, Object> container : containers(podSpec(deployment))) {
                String where = id(deployment) + " container " + container.get("name");
                assertEquals(options, configMapValue(overlay, container, "JDK_JAVA_OPTIONS"),
                        where + ": JDK_JAVA_OPTIONS from the ConfigMap made of k8s/base/service-jvm.env");
                long request = quantityMebibytes(at(container, "resources", "requests", "memory"));
                long limit = quantityMebibytes(at(container, "resources", "limits", "memory"));
                assertTrue(request >= committed, where + ": memory request " + request
                        + " MiB below heap + metaspace + code cache (" + committed + " MiB)");
                assertTrue(limit >= committed + 128, where + ": memory limit " + limit
                        + " MiB leaves less than 128 MiB beyond heap + metaspace + code cache (" + committed + " MiB)");
            }
        }
    }

    @Test
    void productionIsHighlyAvailable() {
        for (Map<String, Object> deployment : ofKind("prod", "Deployment")) {
            Object replicas = at(deployment, "spec", "replicas");
            assertTrue(replicas instanceof Number n && n.intValue() >= 2, id(deployment) + ": replicas >= 2 in prod");
            Map<String, Object> antiAffinity = map(at(podSpec(deployment), "affinity", "podAntiAffinity"));
            List<Object> terms = new ArrayList<>(list(antiAffinity.get("requiredDuringSchedulingIgnoredDuringExecution")));
            list(antiAffinity.get("preferredDuringSchedulingIgnoredDuringExecution"))
                    .forEach(weighted -> terms.add(map(weighted).get("podAffinityTerm")));
            assertTrue(terms.stream().anyMatch(term -> "kubernetes.io/hostname".equals(map(term).get("topologyKey"))
                    && name(deployment).equals(at(term, "labelSelector", "matchLabels", NAME))),
                    id(deployment) + ": pod anti-affinity across nodes (kubernetes.io/hostname) in prod");
        }
        for (Map<String, Object> hpa : ofKind("prod", "HorizontalPodAutoscaler")) {
            Object min = at(hpa, "spec", "minReplicas");
            Object max = at(hpa, "spec", "maxReplicas");
            assertTrue(min instanceof Number n && n.intValue() >= 2, id(hpa) + ": minReplicas >= 2 in prod");
            assertTrue(max instanceof Number x && x.intValue() > ((Number) min).intValue(), id(hpa) + ": max > min");
        }
        for (Map<String, Object> cluster : ofKind("prod", "Cluster")) {
            Object instances = at(cluster, "spec", "instances");
            assertTrue(instances instanceof Number n && n.intValue() >= 3, id(cluster) + ": 3 PostgreSQL instances");
            assertFalse(list(at(cluster, "spec", "plugins")).isEmpty(), id(cluster) + ": continuous backups");
        }
        for (Map<String, Object> keycloak : ofKind("prod", "Keycloak")) {
            Object instances = at(keycloak, "spec", "instances");
            assertTrue(instances instanceof Number n && n.intValue() >= 2, id(keycloak) + ": 2 Keycloak instances");
        }
    }

    // ---------------------------------------------------------------- realm

    @Test
    void productionRealmHasNoDevelopmentPieces() {
        Map<String, Object> realm = realm("prod");
        List<String> clients = list(realm.get("clients")).stream()
                .map(c -> String.valueOf(map(c).get("clientId"))).toList();
        assertFalse(clients.contains("celltrial-cli"), "the password-grant client celltrial-cli is dev only");
        assertTrue(clients.containsAll(List.of("celltrial-gateway", "web", "sponsor-system")), "clients: " + clients);
        for (Object user : list(realm.get("users"))) {
            assertNotNull(map(user).get("serviceAccountClientId"),
                    "prod imports no people, only client service accounts: " + map(user).get("username"));
            assertTrue(list(map(user).get("credentials")).isEmpty(), "no credentials in the prod realm");
        }
        for (Object client : list(realm.get("clients"))) {
            Object secret = map(client).get("secret");
            if (secret != null) {
                Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(secret));
                assertTrue(placeholder.matches() && placeholder.group(2) == null, "client " + map(client).get("clientId")
                        + ": its secret is a placeholder without a development default, not " + secret);
            }
            for (Object uri : list(map(client).get("redirectUris"))) {
                assertTrue(String.valueOf(uri).startsWith("https://"), "prod redirect URIs are https: " + uri);
            }
        }
        assertPlaceholdersFromSecrets("prod");
    }

    /** Both realms: brute-force lockout, a password policy, login and admin events recorded. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void realmLocksOutGuessersAndRecordsEvents(String overlay) {
        Map<String, Object> realm = realm(overlay);
        assertEquals(Boolean.TRUE, realm.get("bruteForceProtected"), "brute-force detection on");
        assertTrue(realm.get("failureFactor") instanceof Number n && n.intValue() > 0 && n.intValue() <= 10,
                "locked after a few failures: failureFactor " + realm.get("failureFactor"));
        assertTrue(realm.get("waitIncrementSeconds") instanceof Number n && n.intValue() > 0, "lockout waits");
        String policy = String.valueOf(realm.get("passwordPolicy"));
        Matcher length = Pattern.compile("(?:^|\\s)length\\((\\d+)\\)").matcher(policy);
        assertTrue(length.find() && Integer.parseInt(length.group(1)) >= 12, "passwords of 12+ characters: " + policy);
        assertTrue(policy.contains("notUsername") && policy.contains("passwordHistory"), "password policy " + policy);
        assertEquals(Boolean.TRUE, realm.get("eventsEnabled"), "login events recorded");
        List<Object> types = list(realm.get("enabledEventTypes"));
        assertTrue(types.isEmpty() || types.containsAll(List.of("LOGIN", "LOGIN_ERROR", "CLIENT_LOGIN_ERROR")),
                "login events include LOGIN and LOGIN_ERROR: " + types);
        assertEquals(Boolean.TRUE, realm.get("adminEventsEnabled"), "admin events recorded");
        assertEquals(Boolean.TRUE, realm.get("adminEventsDetailsEnabled"), "admin events with their representation");
    }

    @Test
    void developmentRealmKeepsTheLocalStackClientsAndDemoUsers() {
        Map<String, Object> realm = realm("dev");
        assertTrue(list(realm.get("clients")).stream().anyMatch(c -> "celltrial-cli".equals(map(c).get("clientId"))),
                "dev keeps celltrial-cli, as the local stack");
        assertTrue(list(realm.get("users")).size() > 1, "dev imports the demo users");
        assertPlaceholdersFromSecrets("dev");
    }

    @Test
    void realmImportIsGeneratedFromTheRealmFile(@TempDir Path out)
            throws IOException, InterruptedException {
        assumeTrue(available("bash", "--version") && available("python3", "--version"),
                "bash and python3 are needed to run k8s/generate-realm-import.sh: skipping the drift check");
        Path script = ROOT.resolve("k8s/generate-realm-import.sh");
        Result result = run(List.of("bash", script.toString(), out.toString()), ROOT);
        assertEquals(0, result.exit(), "k8s/generate-realm-import.sh failed:\n" + result.stderr());
        for (String file : List.of("base/keycloak/realm-import.yaml", "overlays/dev/realm-demo-users-patch.yaml")) {
            String expected = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
            String committed = Files.readString(ROOT.resolve("k8s").resolve(file), StandardCharsets.UTF_8);
            assertEquals(expected, committed, "k8s/" + file + " differs from what k8s/generate-realm-import.sh makes of "
                    + "dev/keycloak/import/: run the script and commit its output");
        }
    }

    // ---------------------------------------------------------------- helpers: checks

    private static void assertPinned(String where, String image) {
        assertFalse(image.endsWith(":latest"), where + ": never :latest: " + image);
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        assertTrue(image.contains("@sha256:") || lastSegment.contains(":"),
                where + ": image needs a tag or a digest: " + image);
    }

    private static void assertPlaceholdersFromSecrets(String overlay) {
        Map<String, Object> realmImport = single(overlay, "KeycloakRealmImport");
        Map<String, Object> placeholders = map(at(realmImport, "spec", "placeholders"));
        Matcher used = PLACEHOLDER.matcher(String.valueOf(at(realmImport, "spec", "realm")));
        Set<String> names = new HashSet<>();
        while (used.find()) {
            names.add(used.group(1));
        }
        assertFalse(names.isEmpty(), "the realm's client secrets are placeholders");
        for (String name : names) {
            assertNotNull(at(placeholders, name, "secret", "name"), name + " must be filled from a Secret");
            assertNotNull(at(placeholders, name, "secret", "key"), name + " must name the Secret's key");
        }
    }

    private static boolean mountsWritableTmp(Map<String, Object> pod, Map<String, Object> container) {
        Set<String> emptyDirs = list(pod.get("volumes")).stream().map(KubernetesManifestsTest::map)
                .filter(v -> v.containsKey("emptyDir")).map(v -> String.valueOf(v.get("name")))
                .collect(Collectors.toSet());
        return list(container.get("volumeMounts")).stream().map(KubernetesManifestsTest::map)
                .anyMatch(m -> "/tmp".equals(m.get("mountPath")) && emptyDirs.contains(String.valueOf(m.get("name")))
                        && !Boolean.TRUE.equals(m.get("readOnly")));
    }

    private static int shutdownTimeoutSeconds(String overlay, Map<String, Object> container) {
        String timeout = configMapValue(overlay, container, "QUARKUS_SHUTDOWN_TIMEOUT");
        if (timeout == null) {
            return 0;
        }
        Matcher seconds = Pattern.compile("(\\d+)[sS]?").matcher(timeout);
        return seconds.matches() ? Integer.parseInt(seconds.group(1)) : 0;
    }

    /** The value of {@code key} in the ConfigMaps the container takes its environment from, or null. */
    private static String configMapValue(String overlay, Map<String, Object> container, String key) {
        for (Object source : list(container.get("envFrom"))) {
            Object configName = at(source, "configMapRef", "name");
            for (Map<String, Object> config : ofKind(overlay, "ConfigMap")) {
                Object value = map(config.get("data")).get(key);
                if (name(config).equals(configName) && value != null) {
                    return String.valueOf(value);
                }
            }
        }
        return null;
    }

    /** An option's size in MiB ({@code -Xmx128m}, {@code -XX:MaxMetaspaceSize=160m}), failing when it is missing. */
    private static long optionMebibytes(String options, String prefix) {
        Matcher size = Pattern.compile("(?:^|\\s)" + Pattern.quote(prefix) + "(\\d+)([kmgKMG])(?:\\s|$)").matcher(options);
        assertTrue(size.find(), "the JVM options must set " + prefix + "<size>: " + options);
        long amount = Long.parseLong(size.group(1));
        return switch (Character.toLowerCase(size.group(2).charAt(0))) {
            case 'k' -> amount / 1024;
            case 'g' -> amount * 1024;
            default -> amount;
        };
    }

    /** A Kubernetes memory quantity in MiB (Mi, Gi, M, G or bytes). */
    private static long quantityMebibytes(Object quantity) {
        Matcher amount = Pattern.compile("(\\d+)(Mi|Gi|M|G)?").matcher(String.valueOf(quantity));
        assertTrue(amount.matches(), "unexpected memory quantity " + quantity);
        long value = Long.parseLong(amount.group(1));
        String unit = amount.group(2) == null ? "" : amount.group(2);
        return switch (unit) {
            case "Gi" -> value * 1024;
            case "Mi" -> value;
            case "G" -> value * 1_000_000_000L / (1024 * 1024);
            case "M" -> value * 1_000_000L / (1024 * 1024);
            default -> value / (1024 * 1024);
        };
    }

    /** Who is configured to call each Deployment's Service: name of the Service -> names of calling Deployments. */
    private static Map<String, Set<String>> callers(String overlay) {
        Map<String, Set<String>> callers = new LinkedHashMap<>();
        for (Map<String, Object> deployment : ofKind(overlay, "Deployment")) {
            for (Map<String, Object> container : containers(podSpec(deployment))) {
                for (Object source : list(container.get("envFrom"))) {
                    Object configName = at(source, "configMapRef", "name");
                    ofKind(overlay, "ConfigMap").stream().filter(c -> name(c).equals(configName))
                            .flatMap(c -> map(c.get("data")).values().stream())
                            .map(value -> URL.matcher(String.valueOf(value))).filter(Matcher::matches)
                            .forEach(url -> callers.computeIfAbsent(url.group(1), k -> new HashSet<>())
                                    .add(name(deployment)));
                }
            }
        }
        return callers;
    }

    /** The pod labels of whoever owns database cluster {@code db}: a Deployment or the Keycloak it serves. */
    private static Map<String, Object> databaseOwnerPods(String overlay, String db) {
        for (Map<String, Object> deployment : ofKind(overlay, "Deployment")) {
            for (Map<String, Object> container : containers(podSpec(deployment))) {
                boolean usesIt = list(container.get("env")).stream()
                        .anyMatch(env -> (db + "-app").equals(at(env, "valueFrom", "secretKeyRef", "name")));
                if (usesIt) {
                    return Map.of(NAME, name(deployment));
                }
            }
        }
        for (Map<String, Object> keycloak : ofKind(overlay, "Keycloak")) {
            if ((db + "-rw").equals(at(keycloak, "spec", "db", "host"))) {
                return Map.of("app.kubernetes.io/managed-by", "keycloak-operator",
                        "app.kubernetes.io/instance", name(keycloak));
            }
        }
        return null;
    }

    private static List<Map<String, Object>> policiesFor(String overlay, Map<String, Object> podLabels, String type) {
        return ofKind(overlay, "NetworkPolicy").stream().filter(policy -> {
            Map<String, Object> selector = map(at(policy, "spec", "podSelector", "matchLabels"));
            return !selector.isEmpty() && contains(podLabels, selector)
                    && list(at(policy, "spec", "policyTypes")).contains(type);
        }).toList();
    }

    private static boolean contains(Map<String, Object> labels, Map<String, Object> selector) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static Map<String, Object> realm(String overlay) {
        return map(at(single(overlay, "KeycloakRealmImport"), "spec", "realm"));
    }

    // ---------------------------------------------------------------- helpers: rendering

    private static List<Map<String, Object>> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, KubernetesManifestsTest::render);
    }

    private static List<Map<String, Object>> render(String overlay) {
        assumeTrue(available("kubectl", "version", "--client"),
                "kubectl is not installed: skipping the Kubernetes manifest checks (install kubectl to run them)");
        Path dir = ROOT.resolve("k8s/overlays").resolve(overlay);
        assertTrue(Files.isDirectory(dir), "missing " + dir + " (is celltrial.root " + ROOT + " right?)");
        Result result;
        try {
            result = run(List.of("kubectl", "kustomize", dir.toString()), ROOT);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("kubectl kustomize " + dir + " failed", e);
        }
        assertEquals(0, result.exit(), "kubectl kustomize k8s/overlays/" + overlay + " must render:\n" + result.stderr());
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : yaml.loadAll(result.stdout())) {
            if (document != null) {
                objects.add(map(document));
            }
        }
        assertFalse(objects.isEmpty(), "k8s/overlays/" + overlay + " rendered nothing");
        return objects;
    }

    private static List<Map<String, Object>> ofKind(String overlay, String kind) {
        return rendered(overlay).stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    private static Map<String, Object> single(String overlay, String kind) {
        List<Map<String, Object>> objects = ofKind(overlay, kind);
        assertEquals(1, objects.size(), "one " + kind + " in " + overlay);
        return objects.get(0);
    }

    private static List<Map<String, Object>> workloads(String overlay) {
        List<Map<String, Object>> workloads = rendered(overlay).stream()
                .filter(o -> POD_WORKLOADS.contains(String.valueOf(o.get("kind")))).toList();
        assertFalse(workloads.isEmpty(), overlay + " has no workloads");
        return workloads;
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(at(workload, "spec", "template", "spec"));
    }

    private static List<Map<String, Object>> containers(Map<String, Object> pod) {
        return Stream.concat(list(pod.get("initContainers")).stream(), list(pod.get("containers")).stream())
                .map(KubernetesManifestsTest::map).toList();
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(List<String> command, Path directory) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("celltrial-k8s", ".out");
        Path stderr = Files.createTempFile("celltrial-k8s", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static boolean available(String... command) {
        try {
            return run(List.of(command), ROOT).exit() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---------------------------------------------------------------- helpers: untyped YAML

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static Object at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    private static Object firstNonNull(Object first, Object second) {
        return first != null ? first : second;
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(at(object, "metadata", "name"));
    }

    private static String id(Map<String, Object> object) {
        return object.get("kind") + "/" + name(object);
    }
}
