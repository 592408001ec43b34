package org.celltrial.safety.ae;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.record.RecordVoiding;
import org.celltrial.common.review.RecordReview;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.Caller.Action;
import org.celltrial.common.security.Roles;
import org.celltrial.common.versioning.Versions;
import org.celltrial.safety.ctcae.CtcaeTerm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Adverse events: reported by hand, or derived from graded observations (CTCAE lab grades, CRS and ICANS
 * episodes) and kept in step with them; followed up with a reason, and a derived grade confirmed or
 * overridden by a safety officer.
 */
@ApplicationScoped
public class AdverseEventService {

    @Inject
    RecordReview review;

    @Inject
    AdverseEventRepository events;

    @Inject
    PatientRecords records;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    PatientGate patients;

    @Inject
    AuditTrail audit;

    @Inject
    RecordVoiding voiding;

    @Inject
    ObjectMapper json;

    @Inject
    SecurityIdentity identity;

    @Inject
    Validator validator;

    /** Reported by any clinical writer of the endpoint at a site it reads (safety officers at every site). */
    public Uni<Created<AdverseEventView>> report(UUID patientId, String idempotencyKey, AdverseEventRequest request) {
        checkConsistency(request.grade(), request.serious(), request.seriousnessCriteria(), request.outcome(),
                request.onset(), request.resolvedOn());
        return records.patientToWrite(patientId, Action.READ).flatMap(patient -> Panache.withTransaction(
                () -> records.lockPatient(patientId).chain(() -> idempotent.create(idempotencyKey, request,
                        AdverseEventView.class,
                        () -> records.store(patient, reported(request), "adverse-events", this::view)))));
    }

    private static AdverseEvent reported(AdverseEventRequest request) {
        AdverseEvent event = new AdverseEvent();
        event.origin = Origin.REPORTED;
        event.ctcaeTerm = request.ctcaeTerm();
        event.meddraCode = request.meddraCode();
        event.onset = request.onset();
        event.grade = request.grade();
        event.serious = request.serious();
        event.seriousnessCriteria = request.seriousnessCriteria();
        event.relatedToCarT = request.relatedToCarT();
        event.relatedToLymphodepletion = request.relatedToLymphodepletion();
        event.outcome = request.outcome();
        event.resolvedOn = request.resolvedOn();
        event.treatments = request.treatments();
        event.awarenessDate = request.awarenessDate();
        event.expected = request.expected();
        return event;
    }

    /** No session here: the repository's closes before enrollment is asked (when nothing is stored). */
    public Uni<Page<AdverseEventView>> list(UUID patientId, Integer limit, String cursor) {
        return readable(patientId)
                .map(found -> Page.slice(found, limit, cursor, e -> e.onset + "|" + Page.key(e.createdAt) + "|" + e.id,
                        this::view));
    }

    /** Every one of the patient's events, in {@link #list}'s order (for the patient's course). */
    public Uni<List<AdverseEventView>> all(UUID patientId) {
        return readable(patientId).map(found -> found.stream().map(this::view).toList());
    }

    private Uni<List<AdverseEvent>> readable(UUID patientId) {
        return events.ofPatient(patientId).call(found -> patients.readable(patientId, found));
    }

    @WithSession
    public Uni<AdverseEventView> get(UUID eventId) {
        return visible(eventId).map(this::view);
    }

    /**
     * A follow-up as a JSON Merge Patch (RFC 7396) of the event's {@link AdverseEventUpdate} fields: a field left out
     * keeps its stored value, an explicit null clears it, and {@code reason} is always required. If-Match must
     * carry the version read; old and new go to the audit trail with the reason. The fields that move regulatory
     * deadlines ({@link #SAFETY_OFFICER_FIELDS}) may be changed only by a safety officer: anyone else sending a
     * value that differs from the stored one gets a 403 naming the field, and nothing is stored.
     */
    @WithTransaction
    public Uni<AdverseEventView> update(UUID eventId, String ifMatch, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body must be a JSON object");
        }
        return visible(eventId).call(review::requireOpen).flatMap(event -> {
            Versions.requireMatch(ifMatch, event.version);
            AdverseEventUpdate stored = updatable(event);
            AdverseEventUpdate update;
            try {
                update = merge(stored, (ObjectNode) patch);
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(e);
            }
            requireSafetyOfficerFor(stored, update);
            if (update.confirmedGrade() == null && event.confirmedGrade != null) {
                throw ProblemException.invalid("confirmedGrade",
                        "a confirmed grade is overridden by another, not cleared");
            }
            int grade = update.confirmedGrade() != null ? update.confirmedGrade() : event.grade;
            checkConsistency(grade, update.serious(), update.seriousnessCriteria(), update.outcome(), event.onset,
                    update.resolvedOn());
            AdverseEventView before = view(event);
            if (update.confirmedGrade() != null && !update.confirmedGrade().equals(event.confirmedGrade)) {
                event.confirmedGrade = update.confirmedGrade();
                event.confirmedBy = identity.getPrincipal().getName();
                event.confirmationReason = update.reason();
            }
            event.serious = update.serious();
            event.seriousnessCriteria = update.seriousnessCriteria();
            event.relatedToCarT = update.relatedToCarT();
            event.relatedToLymphodepletion = update.relatedToLymphodepletion();
            event.sponsorRelatedToCarT = update.sponsorRelatedToCarT();
            event.outcome = update.outcome();
            event.resolvedOn = update.resolvedOn();
            event.treatments = update.treatments();
            event.awarenessDate = update.awarenessDate();
            event.expected = update.expected();
            event.reportedOn = update.reportedOn();
            event.applyGrade();
            return events.flush().map(flushed -> view(event))
                    .call(after -> audit.record(AuditAction.CORRECT, "AdverseEvent", eventId, before, after,
                            update.reason()))
                    .call(() -> review.changed(event));
        });
    }

    /**
     * The fields that move an event's regulatory deadlines or its reported grade, and the sponsor's causality
     * assessment: the safety officer's alone.
     */
    static final List<String> SAFETY_OFFICER_FIELDS = List.of("confirmedGrade", "expected", "awarenessDate",
            "reportedOn", "sponsorRelatedToCarT");

    private void requireSafetyOfficerFor(AdverseEventUpdate stored, AdverseEventUpdate update) {
        if (Caller.of(identity).hasRole(Roles.SAFETY_OFFICER)) {
            return;
        }
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(stored.confirmedGrade(), update.confirmedGrade())) {
            changed.add("confirmedGrade");
        }
        if (!Objects.equals(stored.expected(), update.expected())) {
            changed.add("expected");
        }
        if (!Objects.equals(stored.awarenessDate(), update.awarenessDate())) {
            changed.add("awarenessDate");
        }
        if (!Objects.equals(stored.reportedOn(), update.reportedOn())) {
            changed.add("reportedOn");
        }
        if (!Objects.equals(stored.sponsorRelatedToCarT(), update.sponsorRelatedToCarT())) {
            changed.add("sponsorRelatedToCarT");
        }
        if (!changed.isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only a safety officer may change "
                    + String.join(", ", changed) + " (they move the event's reporting deadlines or its grade, "
                    + "or are the sponsor's assessment)",
                    changed.stream().map(field -> new Problem.Violation(field, "only a safety officer may change it"))
                            .toList());
        }
    }

    /** The event's stored follow-up fields, as a follow-up would send them (without a reason). */
    private AdverseEventUpdate updatable(AdverseEvent event) {
        return new AdverseEventUpdate(event.confirmedGrade, event.serious,
                event.seriousnessCriteria,
                event.relatedToCarT, event.relatedToLymphodepletion, event.sponsorRelatedToCarT, event.outcome,
                event.resolvedOn, event.treatments, event.awarenessDate, event.expected,
                event.reportedOn, null);
    }

    /** RFC 7396 over the stored fields, read back and validated as a whole (unknown fields are refused). */
    private AdverseEventUpdate merge(AdverseEventUpdate stored, ObjectNode patch) throws JsonProcessingException {
        ObjectNode target = json.valueToTree(stored);
        target.remove("reason");
        mergePatch(target, patch);
        AdverseEventUpdate merged = json.treeToValue(target, AdverseEventUpdate.class);
        Set<ConstraintViolation<AdverseEventUpdate>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return merged;
    }

    /** RFC 7396, section 2: members of the patch replace the target's, null removes, objects merge recursively. */
    static void mergePatch(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(member -> {
            JsonNode value = member.getValue();
            if (value.isNull()) {
                target.remove(member.getKey());
            } else if (value.isObject() && target.get(member.getKey()) instanceof ObjectNode inner) {
                mergePatch(inner, (ObjectNode) value);
            } else {
                target.set(member.getKey(), value);
            }
        });
    }

    /**
     * One derived event as its source grades it now.
     *
     * @param engine          the grading engine and its version
     * @param protocolVersion the protocol version whose settings it was graded under
     */
    public record Derived(String key, CtcaeTerm term, LocalDate onset, int grade, String rule, LocalDate resolvedOn,
            String engine, int protocolVersion) {
    }

    /**
     * Brings a patient's derived events of one origin in step with what the observations grade now: new
     * events are opened, changed ones updated (the confirmed grade stays), and events whose source no longer
     * exists (two CRS episodes that merged) are voided with a reason. Runs in the caller's transaction.
     */
    public Uni<Void> synchronise(PatientReference patient, Origin origin, List<Derived> derivedNow) {
        Synchronised touched = new Synchronised();
        return events.derived(patient.id(), origin)
                .flatMap(existing -> synchronise(patient, origin, derivedNow, existing, touched))
                .chain(() -> reviewed(touched))
                .chain(events::flush);
    }

    /**
     * {@link #synchronise} for many patients (a batch): their derived events of that origin read in one query, and
     * not flushed: the caller's transaction sends the changes with its next flush.
     */
    public Uni<Void> synchronise(Map<PatientReference, List<Derived>> derivedNow, Origin origin) {
        Synchronised touched = new Synchronised();
        return events.derived(derivedNow.keySet().stream().map(PatientReference::id).toList(), origin)
                .flatMap(existing -> Multi.createFrom().iterable(derivedNow.entrySet())
                        .onItem().transformToUniAndConcatenate(patient -> synchronise(patient.getKey(), origin,
                                patient.getValue(), existing.getOrDefault(patient.getKey().id(), List.of()), touched))
                        .collect().last())
                .chain(() -> reviewed(touched));
    }

    /** The derived events a synchronisation opened, and those it regraded or voided, for {@link #reviewed}. */
    private static final class Synchronised {
        final List<AdverseEvent> opened = new ArrayList<>();
        final List<AdverseEvent> changed = new ArrayList<>();
    }

    /**
     * Review's part of a synchronisation, once for all its events (a batch's included): the signatures covering a new
     * or changed event invalidated and a changed event's source verification cleared, a read or two in all, not one
     * or two an event (docs/performance.md, run 41).
     */
    private Uni<Void> reviewed(Synchronised touched) {
        return review.created(touched.opened)   // new: no source verification to clear
                .chain(() -> review.changed(touched.changed));
    }

    /** {@link #synchronise} against the patient's derived events of that origin as already read, not flushed. */
    private Uni<Void> synchronise(PatientReference patient, Origin origin, List<Derived> derivedNow,
            List<AdverseEvent> existing, Synchronised touched) {
        // Two derived events may share a key (two lab episodes opened on one day): the last stands for the key, as it
        // did when results came one at a time and each updated the one stored event; two would break its unique index.
        Map<String, Derived> byKey = new LinkedHashMap<>();
        derivedNow.forEach(derived -> byKey.put(derived.key(), derived));
        List<Derived> current = List.copyOf(byKey.values());
        Set<String> keys = current.stream().map(Derived::key).collect(Collectors.toSet());
        Uni<Void> voids = Multi.createFrom().iterable(existing)
                .filter(event -> !keys.contains(event.originKey))
                .onItem().transformToUniAndConcatenate(event -> voiding.markVoid(event, "AdverseEvent",
                        this::view, "Its source no longer grades as a separate event (regraded after new or "
                                + "corrected observations)").invoke(touched.changed::add))
                .collect().asList().replaceWithVoid();
        Uni<Void> upserts = Multi.createFrom().iterable(current)
                .onItem().transformToUniAndConcatenate(derived -> existing.stream()
                        .filter(event -> derived.key().equals(event.originKey)).findFirst()
                        .map(event -> update(event, derived, touched))
                        .orElseGet(() -> open(patient, origin, derived, touched)))
                .collect().asList().replaceWithVoid();
        return voids.chain(() -> upserts);
    }

    private Uni<Void> update(AdverseEvent event, Derived derived, Synchronised touched) {
        if (event.derivedGrade != null && event.derivedGrade == derived.grade()
                && Objects.equals(event.resolvedOn, derived.resolvedOn())
                && Objects.equals(event.derivedRule, derived.rule())
                && Objects.equals(event.derivedBy, derived.engine())
                && Objects.equals(event.protocolVersion, derived.protocolVersion())) {
            return Uni.createFrom().voidItem();
        }
        AdverseEventView before = view(event);
        event.derivedGrade = derived.grade();
        event.derivedRule = derived.rule();
        event.derivedBy = derived.engine();
        event.protocolVersion = derived.protocolVersion();
        event.resolvedOn = derived.resolvedOn();
        if (followsResolution(event.outcome)) {
            event.outcome = derivedOutcome(derived);
        }
        event.applyGrade();
        touched.changed.add(event);
        return audit.record(AuditAction.CORRECT, "AdverseEvent", event.id, before, view(event),
                "Regraded from the observations: " + derived.rule()).replaceWithVoid();
    }

    private static Outcome derivedOutcome(Derived derived) {
        return derived.resolvedOn() != null ? Outcome.RECOVERED : Outcome.NOT_RECOVERED;
    }

    /**
     * A derived event's outcome follows the observations (resolved or not) until someone records a finer one
     * (recovering, with sequelae, fatal, unknown), which regrading then keeps.
     */
    private static boolean followsResolution(Outcome outcome) {
        return outcome == null || outcome == Outcome.RECOVERED || outcome == Outcome.NOT_RECOVERED;
    }

    private Uni<Void> open(PatientReference patient, Origin origin, Derived derived, Synchronised touched) {
        AdverseEvent event = records.stamp(new AdverseEvent(), patient);
        event.origin = origin;
        event.originKey = derived.key();
        event.ctcaeTerm = derived.term().term();
        event.meddraCode = derived.term().meddraCode();
        event.onset = derived.onset();
        event.derivedGrade = derived.grade();
        event.derivedRule = derived.rule();
        event.derivedBy = derived.engine();
        event.protocolVersion = derived.protocolVersion();
        event.resolvedOn = derived.resolvedOn();
        event.outcome = derivedOutcome(derived);
        event.serious = false;
        event.seriousnessCriteria = List.of();
        event.treatments = List.of();
        event.applyGrade();
        touched.opened.add(event);
        return events.persist(event).call(saved -> audit.created("AdverseEvent", saved.id, view(saved)))
                .replaceWithVoid();
    }

    private Uni<AdverseEvent> visible(UUID eventId) {
        return events.findById(eventId).flatMap(event -> {
            if (event == null || event.voided) {
                return Uni.createFrom().failure(ProblemException.notFound("Adverse event " + eventId));
            }
            return patients.readable(event.patientId, event.siteCode).replaceWith(event);
        });
    }

    /** Serious events name their criteria, grade 5 is death, and an event resolves after its onset. */
    private static void checkConsistency(int grade, boolean serious, List<SeriousnessCriterion> criteria,
            Outcome outcome, LocalDate onset, LocalDate resolvedOn) {
        if (serious == criteria.isEmpty()) {
            throw ProblemException.invalid("seriousnessCriteria", serious
                    ? "a serious event names at least one criterion"
                    : "only a serious event has seriousness criteria");
        }
        if ((grade == 5) != (outcome == Outcome.FATAL)) {
            throw ProblemException.invalid("outcome", "grade 5 is death related to the event: outcome FATAL, "
                    + "and only then");
        }
        if (resolvedOn != null && resolvedOn.isBefore(onset)) {
            throw ProblemException.invalid("resolvedOn", "must not be before the onset " + onset);
        }
    }

    public AdverseEventView view(AdverseEvent event) {
        return new AdverseEventView(event.id, event.patientId, event.subjectId, event.siteCode, event.origin,
                event.ctcaeTerm, event.meddraCode, event.onset, event.grade, event.derivedGrade, event.derivedRule,
                event.confirmedGrade, event.confirmationReason, event.serious,
                event.seriousnessCriteria,
                event.derivedBy, event.protocolVersion, event.relatedToCarT, event.relatedToLymphodepletion,
                event.sponsorRelatedToCarT, event.outcome, event.resolvedOn,
                event.treatments, event.awarenessDate, event.expected,
                event.reportedOn, event.version);
    }
}
