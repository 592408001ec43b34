package org.celltrial.safety.e2b;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.enrollment.EnrollmentClient;
import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.SiteScope;
import org.celltrial.safety.ae.AdverseEvent;
import org.celltrial.safety.ae.AdverseEventRepository;
import org.celltrial.safety.ae.AdverseEventService;
import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ctcae.Analyte;
import org.celltrial.safety.ctcae.LabRecord;
import org.celltrial.safety.ctcae.LabRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * ICH E2B(R3) reports of serious adverse events, one or a batch by onset date, for the sites the caller may see.
 * Everything is read first (the events, their labs, enrollment's patient reference, with no session held while
 * enrollment is asked); a case that lacks a fact the report requires refuses the whole request with a 409 naming
 * each missing fact; a report handed out is audited (entity {@value #AUDITED_AS}, one row per case version), in
 * its own transaction.
 */
@ApplicationScoped
public class E2bService {

    static final String AUDITED_AS = "E2bReport";

    @Inject
    AdverseEventRepository events;

    @Inject
    AdverseEventService adverseEvents;

    @Inject
    LabRepository labs;

    @Inject
    EnrollmentClient enrollment;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @Inject
    E2bConfig config;

    @ConfigProperty(name = "celltrial.study-id")
    String studyId;

    @ConfigProperty(name = "celltrial.safety.meddra-version")
    String meddraVersion;

    @ConfigProperty(name = "celltrial.safety.zone", defaultValue = "UTC")
    ZoneId zone;

    /** One event's report; 404 for an event the caller may not see, as for one that does not exist. */
    public Uni<String> report(UUID eventId) {
        Caller caller = Caller.of(identity);
        return events.findById(eventId)
                .map(event -> {
                    if (event == null || event.voided || !caller.maySeeSite(event.siteCode)) {
                        throw ProblemException.notFound("Adverse event " + eventId);
                    }
                    return List.of(event);
                })
                .flatMap(this::reports)
                .map(xml -> xml.orElseThrow());
    }

    /**
     * The serious events with an onset from {@code from} to {@code to}, both included, of the sites asked for (all
     * the caller may see when none); empty when there is none.
     */
    public Uni<Optional<String>> batch(LocalDate from, LocalDate to, List<String> siteCodes) {
        SiteScope scope = SiteScope.of(Caller.of(identity), siteCodes);
        return events.seriousWithOnset(from, to)
                .map(found -> found.stream().filter(event -> scope.covers(event.siteCode)).toList())
                .flatMap(this::reports);
    }

    private Uni<Optional<String>> reports(List<AdverseEvent> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Instant now = clock.instant();
        IcsrAssembler assembler = new IcsrAssembler(config, studyId, meddraVersion);
        return Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(event -> assess(assembler, event, now))
                .collect().asList()
                .flatMap(assessed -> {
                    List<Problem.Violation> missing = new ArrayList<>();
                    assessed.forEach(each -> each.missing().forEach(
                            fact -> missing.add(new Problem.Violation("adverseEvent " + each.eventId(), fact))));
                    if (!missing.isEmpty()) {
                        throw new ProblemException(ProblemType.CONFLICT, "The E2B(R3) report needs facts the case "
                                + "does not have yet: " + String.join("; ", missing.stream()
                                        .map(violation -> violation.field() + ": " + violation.message()).toList()),
                                missing);
                    }
                    return disclose(assessed.stream().map(Assessed::facts).toList(), now);
                })
                .map(Optional::of);
    }

    /** One case: its facts, or what it lacks. */
    private record Assessed(UUID eventId, List<String> missing, IcsrFacts facts) {
    }

    private Uni<Assessed> assess(IcsrAssembler assembler, AdverseEvent stored, Instant now) {
        AdverseEventView event = adverseEvents.view(stored);
        return labs.ofPatient(stored.patientId).flatMap(results -> events.lastChanged(stored.id, zone)
                .flatMap(lastChanged -> enrollment.reference(stored.patientId).map(reference -> {
                    if (reference.isEmpty()) {
                        return new Assessed(stored.id, List.of("patient: enrollment has no reference for patient "
                                + stored.patientId), null);
                    }
                    List<String> missing = assembler.missing(event, reference.get());
                    if (!missing.isEmpty()) {
                        return new Assessed(stored.id, missing, null);
                    }
                    LocalDate mostRecent = lastChanged == null ? event.awarenessDate() : lastChanged;
                    return new Assessed(stored.id, List.of(),
                            assembler.assemble(event, reference.get(), tests(results), mostRecent, now));
                })));
    }

    /** Platelets and neutrophils, the counts a CAR-T case is judged by, in their UCUM units. */
    private List<IcsrFacts.Test> tests(List<LabRecord> results) {
        return results.stream()
                .filter(result -> result.analyte == Analyte.PLT || result.analyte == Analyte.ANC)
                .map(result -> new IcsrFacts.Test(result.analyte == Analyte.PLT ? "Platelet count" : "Neutrophil count",
                        result.at.atZone(zone).toLocalDate(), result.value, result.unit, result.lowerLimitNormal,
                        result.upperLimitNormal))
                .toList();
    }

    private Uni<String> disclose(List<IcsrFacts> cases, Instant now) {
        String batchId = config.senderId() + "-" + UUID.randomUUID();
        String xml = IcsrWriter.batch(batchId, config.senderId(), config.receiverId(), now, cases);
        return Panache.withTransaction(() -> Multi.createFrom().iterable(cases)
                        .onItem().transformToUniAndConcatenate(facts -> audit.record(AuditAction.CREATE, AUDITED_AS,
                                IcsrWriter.messageId(facts), null, disclosed(batchId, facts), null))
                        .collect().asList())
                .replaceWith(xml);
    }

    private Map<String, Object> disclosed(String batchId, IcsrFacts facts) {
        Map<String, Object> disclosed = new LinkedHashMap<>();
        disclosed.put("batchId", batchId);
        disclosed.put("receiver", config.receiverId());
        disclosed.put("worldwideCaseId", facts.worldwideCaseId());
        disclosed.put("version", facts.version());
        disclosed.put("subjectId", facts.patient().subjectId());
        return disclosed;
    }
}
