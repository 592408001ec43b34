package org.celltrial.common.enrollment;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.record.PatientRecord;
import org.celltrial.common.security.Caller;
import org.celltrial.common.upstream.Upstream;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Whether the caller may act on a patient. Writes and computed views ask enrollment-service (the patient must
 * exist and be at one of the caller's sites: else 404; enrollment down: 503, nothing written). Reads of stored
 * data use the site stored with them, so they keep working while enrollment-service is down.
 */
@ApplicationScoped
public class PatientGate {

    private static final String SHARED_IN_REQUEST = PatientGate.class.getName() + ".sharedInRequest";

    @Inject
    EnrollmentClient enrollment;

    @Inject
    SecurityIdentity identity;

    public Uni<PatientReference> reference(UUID patientId) {
        return find(patientId).map(found -> found.orElseThrow(() -> ProblemException.notFound("Patient " + patientId)));
    }

    /**
     * The patient if enrollment-service shows it to the caller; empty if not; 503 if it cannot say. Asked each time,
     * unless the request's reads are {@link #sharingReferences sharing} the answers.
     */
    public Uni<Optional<PatientReference>> find(UUID patientId) {
        Map<UUID, Uni<Optional<PatientReference>>> shared = VertxContext.isOnDuplicatedContext()
                ? ContextLocals.<Map<UUID, Uni<Optional<PatientReference>>>>get(SHARED_IN_REQUEST).orElse(null)
                : null;
        return shared == null ? ask(patientId)
                : shared.computeIfAbsent(patientId, id -> ask(id).memoize().indefinitely());
    }

    private Uni<Optional<PatientReference>> ask(UUID patientId) {
        return enrollment.reference(patientId)
                .onFailure().transform(failure -> Upstream.asProblem(EnrollmentClient.SERVICE, failure));
    }

    /**
     * The reads, started on the request, with each patient's reference asked of enrollment-service once and its answer
     * (or failure) shared by every later ask in this request: for a request that reads several views of one patient,
     * each of which would ask (a service's part of the course: one call instead of one a view). Kept on the request's
     * Vert.x duplicated context, as Quarkus keeps the request's Hibernate Reactive session.
     */
    public <T> Uni<T> sharingReferences(Supplier<Uni<T>> reads) {
        return Uni.createFrom().deferred(() -> {
            ContextLocals.put(SHARED_IN_REQUEST, new HashMap<UUID, Uni<Optional<PatientReference>>>());
            return reads.get();
        });
    }

    /**
     * Those of these patients enrollment-service shows the caller, by ID, in as few calls as its page size allows
     * (one per {@link EnrollmentApi#MAX_REFERENCES}), never one per patient; 503 if it cannot say.
     */
    public Uni<Map<UUID, PatientReference>> findAll(Collection<UUID> patientIds) {
        return inPages(patientIds, EnrollmentApi.MAX_REFERENCES, enrollment::references)
                .collect().<Map<UUID, PatientReference>>in(HashMap::new,
                        (all, page) -> page.forEach(reference -> all.put(reference.id(), reference)));
    }

    /**
     * The revision of the reference of those of these patients enrollment-service shows the caller, by ID, in as few
     * calls as its page size allows (one per {@link EnrollmentApi#MAX_REVISIONS}); 503 if it cannot say. With the
     * revisions a report holds, it tells which references to ask for again ({@link #findAll}).
     */
    public Uni<Map<UUID, Long>> referenceRevisions(Collection<UUID> patientIds) {
        return inPages(patientIds, EnrollmentApi.MAX_REVISIONS, enrollment::referenceRevisions)
                .collect().<Map<UUID, Long>>in(HashMap::new, Map::putAll);
    }

    /** Enrollment's answers for these patients, a call a page of {@code size}, in turn; 503 if it cannot say. */
    private static <A> Multi<A> inPages(Collection<UUID> patientIds, int size, Function<List<UUID>, Uni<A>> call) {
        return Multi.createFrom().iterable(pages(patientIds, size)).onItem().transformToUniAndConcatenate(call::apply)
                .onFailure().transform(failure -> Upstream.asProblem(EnrollmentClient.SERVICE, failure));
    }

    /** These patients (or what the caller holds of each) in pages of at most {@code size}, in their order. */
    public static <T> List<List<T>> pages(Collection<T> patients, int size) {
        List<T> all = List.copyOf(patients);
        return IntStream.range(0, (all.size() + size - 1) / size)
                .mapToObj(page -> all.subList(page * size, Math.min(all.size(), (page + 1) * size))).toList();
    }

    /** For a patient's stored records: the site they were recorded under decides; with none, enrollment decides. */
    public Uni<Void> readable(UUID patientId, List<? extends PatientRecord> stored) {
        return readable(patientId, stored.isEmpty() ? null : stored.get(0).siteCode);
    }

    /** For stored data: the site it was recorded under decides; with nothing stored, enrollment decides. */
    public Uni<Void> readable(UUID patientId, String storedSiteCode) {
        if (storedSiteCode != null) {
            if (!Caller.of(identity).maySeeSite(storedSiteCode)) {
                return Uni.createFrom().failure(ProblemException.notFound("Patient " + patientId));
            }
            return Uni.createFrom().voidItem();
        }
        return reference(patientId).replaceWithVoid();
    }
}
