package org.celltrial.gateway.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.gateway.upstream.EfficacyClient;
import org.celltrial.gateway.upstream.EnrollmentClient;
import org.celltrial.gateway.upstream.Part;
import org.celltrial.gateway.upstream.SafetyClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * Data review across the services (docs/data-review.md): each service keeps the queries, verifications, signatures
 * and locks of its own records; this reads them as one and makes a signature or a lock in every service under one
 * id. A write goes to the services one after the other; a refusal stops it with the refusing service's problem,
 * and a retry with the same id completes it (each service answers a repeated id with what it already made).
 */
@ApplicationScoped
public class ReviewService {

    @Inject
    EnrollmentClient enrollment;

    @Inject
    SafetyClient safety;

    @Inject
    EfficacyClient efficacy;

    @Inject
    ObjectMapper json;

    public Uni<ObjectNode> queries(List<String> siteCodes, String status) {
        return both(safety.queries(siteCodes, status), efficacy.queries(siteCodes, status)).map(parts -> {
            List<JsonNode> all = new ArrayList<>();
            parts.forEach(part -> tagged(part).forEach(all::add));
            all.sort(Comparator.comparing((JsonNode q) -> q.path("openedAt").asText())
                    .thenComparing(q -> q.path("id").asText()));
            return withUnavailable(json.createObjectNode().set("items", json.valueToTree(all)), parts);
        });
    }

    public Uni<ObjectNode> sourceVerification(List<String> siteCodes) {
        return both(safety.sourceVerification(siteCodes), efficacy.sourceVerification(siteCodes)).map(parts -> {
            Map<String, long[]> sites = new TreeMap<>();
            parts.stream().filter(Part::available).forEach(part -> part.value().forEach(site -> {
                long[] counts = sites.computeIfAbsent(site.path("siteCode").asText(), code -> new long[2]);
                counts[0] += site.path("verified").asLong();
                counts[1] += site.path("total").asLong();
            }));
            ArrayNode rows = json.createArrayNode();
            sites.forEach((code, counts) -> rows.addObject().put("siteCode", code).put("verified", counts[0])
                    .put("total", counts[1])
                    .put("percent", counts[1] == 0 ? 0 : Math.round(1000.0 * counts[0] / counts[1]) / 10.0));
            return withUnavailable(json.createObjectNode().set("sites", rows), parts);
        });
    }

    public Uni<ObjectNode> signatures(UUID patientId) {
        return both(safety.signatures(patientId), efficacy.signatures(patientId))
                .map(parts -> merged(parts, "signatures", this::signatureState));
    }

    public Uni<ObjectNode> sign(UUID patientId, ObjectNode signature) {
        ObjectNode request = withId(signature);
        return inTurn(request, List.of(
                Map.entry(SafetyClient.SERVICE, () -> safety.sign(patientId, request)),
                Map.entry(EfficacyClient.SERVICE, () -> efficacy.sign(patientId, request))), "signature");
    }

    public Uni<ObjectNode> locks() {
        return Uni.combine().all().unis(enrollment.locks(), safety.locks(), efficacy.locks()).asTuple()
                .map(parts -> merged(List.of(parts.getItem1(), parts.getItem2(), parts.getItem3()), "locks",
                        this::lockState));
    }

    /**
     * Locks every service, once none of the reviewed services' queries in the lock's scope is unresolved (each
     * service checks its own again, inside its lock).
     */
    public Uni<ObjectNode> lock(ObjectNode lock) {
        ObjectNode request = withId(lock);
        List<String> scope = request.hasNonNull("siteCode") ? List.of(request.get("siteCode").asText()) : List.of();
        return both(safety.queries(scope, null), efficacy.queries(scope, null)).flatMap(parts -> {
            List<String> unresolved = new ArrayList<>();
            for (Part part : parts) {
                if (!part.available()) {
                    throw refusedOrUnavailable(part, "lock", List.of(), request);
                }
                part.value().forEach(query -> {
                    if (!"CLOSED".equals(query.path("status").asText())) {
                        unresolved.add(part.service() + " " + query.path("id").asText() + " "
                                + query.path("status").asText() + " on " + query.path("recordType").asText()
                                + " of " + query.path("subjectId").asText());
                    }
                });
            }
            if (!unresolved.isEmpty()) {
                throw ProblemException.conflict(unresolved.size() + " quer" + (unresolved.size() == 1 ? "y is"
                        : "ies are") + " not closed (" + String.join(", ", unresolved.subList(0,
                                Math.min(5, unresolved.size()))) + (unresolved.size() > 5 ? ", …" : "")
                        + "): close them before locking");
            }
            return inTurn(request, List.of(
                    Map.entry(SafetyClient.SERVICE, () -> safety.lock(request)),
                    Map.entry(EfficacyClient.SERVICE, () -> efficacy.lock(request)),
                    Map.entry(EnrollmentClient.SERVICE, () -> enrollment.lock(request))), "lock");
        });
    }

    public Uni<ObjectNode> unlock(UUID lockId, ObjectNode reason) {
        ObjectNode request = reason.deepCopy().put("id", lockId.toString());
        return inTurn(request, List.of(
                Map.entry(EnrollmentClient.SERVICE, () -> enrollment.unlock(lockId, reason)),
                Map.entry(SafetyClient.SERVICE, () -> safety.unlock(lockId, reason)),
                Map.entry(EfficacyClient.SERVICE, () -> efficacy.unlock(lockId, reason))), "unlock");
    }

    /** One write in every service, one after the other; the first refusal or silence stops it. */
    private Uni<ObjectNode> inTurn(ObjectNode request, List<Map.Entry<String, Supplier<Uni<Part>>>>
            writes, String what) {
        ObjectNode parts = json.createObjectNode();
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, Supplier<Uni<Part>>> write : writes) {
            chain = chain.chain(() -> write.getValue().get().invoke(part -> {
                if (part.state() != Part.State.AVAILABLE) {
                    throw refusedOrUnavailable(part, what, done, request);
                }
                parts.set(write.getKey(), part.value());
                done.add(write.getKey());
            }).replaceWithVoid());
        }
        return chain.map(all -> {
            ObjectNode answer = json.createObjectNode().put("id", request.path("id").asText());
            answer.set("services", parts);
            return answer;
        });
    }

    /** Why a service did not do its part: its own refusal, passed on, or its silence; and what was done already. */
    private ProblemException refusedOrUnavailable(Part part, String what, List<String> done, ObjectNode request) {
        String already = done.isEmpty() ? "" : " (" + String.join(" and ", done) + " already made the " + what
                + " " + request.path("id").asText() + ": retry with that id to complete it)";
        if (part.state() == Part.State.REFUSED) {
            JsonNode problem = part.value();
            int status = problem.path("status").asInt(409);
            List<Problem.Violation> violations = new ArrayList<>();
            problem.path("violations").forEach(v -> violations.add(new Problem.Violation(v.path("field").asText(),
                    v.path("message").asText())));
            return new ProblemException(new Problem(problem.path("type").asText(ProblemType.forStatus(status).uri()),
                    problem.path("title").asText(ProblemType.forStatus(status).title()), status,
                    part.service() + ": " + problem.path("detail").asText() + already, null, violations));
        }
        if (part.state() == Part.State.FORBIDDEN) {
            return new ProblemException(ProblemType.FORBIDDEN, part.service() + " refused the " + what + already);
        }
        if (part.state() == Part.State.NOT_FOUND) {
            return ProblemException.notFound(part.service() + " found nothing to " + what + already);
        }
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, part.service() + " is unavailable, so the "
                + what + " is not complete" + already);
    }

    /**
     * Items of every service grouped by their shared id, each with its state in every service: whole only when
     * every service has it.
     */
    private ObjectNode merged(List<Part> parts, String field, Function<List<JsonNode>, String> state) {
        for (Part part : parts) {
            if (part.state() == Part.State.FORBIDDEN) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Your role may not read these " + field);
            }
            if (part.state() == Part.State.NOT_FOUND) {
                throw ProblemException.notFound("Nothing to show");
            }
        }
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        Map<String, List<JsonNode>> copies = new LinkedHashMap<>();
        long expected = parts.stream().filter(Part::available).count();
        for (Part part : parts) {
            if (!part.available()) {
                continue;
            }
            for (JsonNode item : part.value()) {
                String id = item.path("id").asText();
                ObjectNode merged = byId.computeIfAbsent(id, key -> {
                    ObjectNode copy = item.deepCopy();
                    copy.putObject("services");
                    return copy;
                });
                ((ObjectNode) merged.get("services")).set(part.service(), item);
                copies.computeIfAbsent(id, key -> new ArrayList<>()).add(item);
            }
        }
        ArrayNode items = json.createArrayNode();
        byId.forEach((id, merged) -> {
            List<JsonNode> all = copies.get(id);
            merged.put("complete", all.size() == expected);
            merged.put("status", state.apply(all));
            items.add(merged);
        });
        return withUnavailable(json.createObjectNode().set(field, items), parts);
    }

    /** A signature is valid only while every service's part of it is. */
    private String signatureState(List<JsonNode> copies) {
        return copies.stream().allMatch(c -> "VALID".equals(c.path("status").asText())) ? "VALID" : "INVALIDATED";
    }

    private String lockState(List<JsonNode> copies) {
        return copies.stream().allMatch(c -> c.path("inForce").asBoolean()) ? "IN_FORCE" : "LIFTED";
    }

    private ObjectNode withId(ObjectNode request) {
        ObjectNode copy = request.deepCopy();
        if (!copy.hasNonNull("id")) {
            copy.put("id", UUID.randomUUID().toString());
        }
        return copy;
    }

    private static Iterable<JsonNode> tagged(Part part) {
        List<JsonNode> items = new ArrayList<>();
        if (part.available()) {
            part.value().forEach(item -> items.add(((ObjectNode) item.deepCopy()).put("service", part.service())));
        }
        return items;
    }

    private ObjectNode withUnavailable(ObjectNode answer, List<Part> parts) {
        ArrayNode unavailable = answer.putArray("unavailable");
        parts.stream().filter(p -> p.state() == Part.State.UNAVAILABLE).forEach(p -> unavailable.add(p.service()));
        for (Part part : parts) {
            if (part.state() == Part.State.FORBIDDEN) {
                throw new ProblemException(ProblemType.FORBIDDEN, part.service() + " refused: not for your role");
            }
        }
        return answer;
    }

    private static Uni<List<Part>> both(Uni<Part> first, Uni<Part> second) {
        return Uni.combine().all().unis(first, second).asTuple().map(t -> List.of(t.getItem1(), t.getItem2()));
    }
}
