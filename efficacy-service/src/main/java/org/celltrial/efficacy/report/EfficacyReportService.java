package org.celltrial.efficacy.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.protocol.PatientProtocols;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.SiteScope;
import org.celltrial.efficacy.antibody.AutoantibodyService;
import org.celltrial.efficacy.antibody.AutoantibodyRecord;
import org.celltrial.efficacy.bcell.BCellService;
import org.celltrial.efficacy.bcell.BCellRecord;
import org.celltrial.efficacy.measurement.MeasurementRepository;
import org.celltrial.efficacy.measurement.SeriesService;
import org.celltrial.common.enrollment.EnrollmentApi;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.load.ConcurrencyLimit;
import org.celltrial.common.paging.KeysetPages;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.enrollment.ProtocolReference;
import org.celltrial.efficacy.response.PatientResponse;
import org.celltrial.efficacy.response.PlateletCountRepository;
import org.celltrial.efficacy.response.ResponseCourse;
import org.celltrial.efficacy.response.ResponseService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The efficacy summary of every infused patient the caller may see, at a cut-off date. */
@ApplicationScoped
public class EfficacyReportService {

    private static final Logger LOG = Logger.getLogger(EfficacyReportService.class);

    private final ConcurrencyLimit summaries = new ConcurrencyLimit(2, "efficacy summaries");

    @ConfigProperty(name = "celltrial.efficacy.summary.patients-a-page")
    int pageSize;

    @Inject
    MeasurementRepository measurements;

    @Inject
    PlateletCountRepository plateletCounts;

    @Inject
    PatientGate patients;

    @Inject
    PatientProtocols protocols;

    @Inject
    ResponseService responses;

    @Inject
    BCellService bCells;

    @Inject
    AutoantibodyService autoantibodies;

    @Inject
    SecurityIdentity identity;

    @Inject
    ResponseSnapshotRepository snapshots;

    @Inject
    Clock clock;

    private volatile SummaryInputs summaryInputs;

    /**
     * No session here: the summary reads a page of patients with efficacy data at a time, each with its data's
     * revision, protocol version and row kept for this cut-off (one query), then asks enrollment-service for the
     * page's protocols (each version once) and the revisions of its patients' references (one call a page). A kept row
     * is used while its patient's data, reference revision and the digest of the rest are unchanged
     * ({@link ResponseSnapshot}); the others' references are asked for, and their rows computed from one query per kind
     * of measurement for them and kept, in a short transaction of their own. Each page is added up and let go before
     * the next is read, so without the rows ({@code withPatients} false) what a summary holds does not grow with the
     * study; an unchanged study's summary reads a row and a revision a patient, not a million counts, nor every
     * patient's reference (docs/performance.md, "The efficacy summary"). At most two summaries are computed at once,
     * a third is a 503: three at once over 10 000 patients took more than the heap (docs/performance.md, run 12).
     */
    public Uni<EfficacySummary> summary(LocalDate asOf, List<String> siteCodes, boolean withPatients) {
        return summaries.run(() -> summaryNow(asOf, siteCodes, withPatients));
    }

    private Uni<EfficacySummary> summaryNow(LocalDate asOf, List<String> siteCodes, boolean withPatients) {
        SiteScope scope = SiteScope.of(Caller.of(identity), siteCodes);
        CutOff cutOff = new CutOff(asOf, LocalDate.now(clock));
        EfficacyFigures.Tally tally = new EfficacyFigures.Tally(withPatients);
        Inputs inputs = new Inputs(summaryInputs(), cutOff, protocols.inForce().memoize().indefinitely());
        Uni<Void> added = scope.coversNone() ? Uni.createFrom().voidItem() : addAll(cutOff, scope, inputs, tally);
        return added.map(ignored -> tally.summary(asOf, siteCodes));
    }

    /**
     * Adds the patients a page at a time, each page read once the one before is added and let go: a stream of pages.
     * A chain in which each page's work called the next ran out of heap computing 10 000 rows after a new build; this
     * stream holds a page's rows at most (docs/performance.md, runs 35 and 36).
     */
    private Uni<Void> addAll(CutOff cutOff, SiteScope scope, Inputs inputs, EfficacyFigures.Tally tally) {
        return KeysetPages.of(pageSize, (UUID after, Integer size) -> snapshots.patientsAt(cutOff.key(),
                        scope.sites(), after, size), SummaryPatient::patientId)
                .select().where(page -> !page.isEmpty())
                .onItem().transformToUniAndConcatenate(page -> add(page, cutOff, inputs, tally))
                .collect().last().replaceWithVoid();
    }

    /**
     * The rows of a page's patients, with their protocols and the revisions of their references, added up: those of
     * {@value EnrollmentApi#MAX_REFERENCES} patients at a time, for the rows to compute read every count of their
     * patients (a page of 2 000 computed at once, two summaries at a time ran out of heap; runs 35 and 36).
     *
     * @return how many rows were added
     */
    private Uni<Integer> add(List<SummaryPatient> page, CutOff cutOff, Inputs inputs, EfficacyFigures.Tally tally) {
        List<UUID> ids = page.stream().map(SummaryPatient::patientId).toList();
        Map<UUID, Integer> versions = new HashMap<>();
        page.stream().filter(patient -> patient.protocolVersion() != null)
                .forEach(patient -> versions.put(patient.patientId(), patient.protocolVersion()));
        return protocols.ofVersions(ids, versions, inputs.inForce)
                .flatMap(protocolOf -> patients.referenceRevisions(ids)
                        .flatMap(referenceRevisions -> Multi.createFrom()
                                .iterable(PatientGate.pages(page, EnrollmentApi.MAX_REFERENCES))
                                .onItem().transformToUniAndConcatenate(
                                        part -> rows(part, cutOff, protocolOf, referenceRevisions, inputs))
                                .onItem().transform(rows -> {
                                    rows.forEach(tally::add);
                                    return rows.size();
                                })
                                .collect().with(Collectors.summingInt(Integer::intValue))));
    }

    /**
     * What one summary's rows are computed from: the protocol in force for the patients never graded, asked once a
     * summary, and the digests, what the rows under the same protocol share digested once. By the protocol's version:
     * an amendment adds a version and never changes one (docs/api.md, enrollment-service).
     */
    private static final class Inputs {

        private final SummaryInputs inputs;
        private final CutOff cutOff;
        private final Uni<ProtocolReference> inForce;
        private final Map<Integer, SummaryInputs.Rows> under = new HashMap<>();

        Inputs(SummaryInputs inputs, CutOff cutOff, Uni<ProtocolReference> inForce) {
            this.inputs = inputs;
            this.cutOff = cutOff;
            this.inForce = inForce;
        }

        String of(UUID patientId, long referenceRevision, ProtocolReference protocol) {
            return under.computeIfAbsent(protocol.version(), version -> inputs.at(String.valueOf(protocol),
                    cutOff.asOf(), cutOff.date())).of(patientId, referenceRevision);
        }
    }

    /** The summary's cut-off; without {@code asOf}, every count, rescue-free up to today. */
    private record CutOff(LocalDate asOf, LocalDate today) {

        LocalDate date() {
            return asOf != null ? asOf : today;
        }

        /** Under which key its rows are kept: an open cut-off's rows hold for the day only. */
        String key() {
            return asOf != null ? asOf.toString() : "open, on " + today;
        }
    }

    private static boolean infused(PatientReference patient, LocalDate asOf) {
        return patient.day0() != null && (asOf == null || !patient.day0().isAfter(asOf));
    }

    /**
     * The rows of a page's infused patients the caller may see: those kept that still hold (for the patient's data,
     * reference revision and protocol), the others computed from references asked of enrollment for them alone, and
     * kept. A patient without a reference revision is not shown to the caller.
     */
    private Uni<List<EfficacySummary.PatientRow>> rows(List<SummaryPatient> page, CutOff cutOff,
            Map<UUID, ProtocolReference> protocolOf, Map<UUID, Long> referenceRevisions, Inputs inputs) {
        Map<UUID, SummaryPatient> stale = new LinkedHashMap<>();
        for (SummaryPatient patient : page) {
            Long referenceRevision = referenceRevisions.get(patient.patientId());
            ResponseSnapshot kept = patient.kept();
            if (referenceRevision != null && (kept == null || !referenceRevision.equals(kept.referenceRevision())
                    || !kept.holdsFor(patient.revision(), inputs.of(patient.patientId(), referenceRevision,
                            protocolOf.get(patient.patientId()))))) {
                stale.put(patient.patientId(), patient);
            }
        }
        return patients.findAll(stale.keySet()).flatMap(found -> {
            List<PatientReference> infused = stale.keySet().stream().map(found::get)
                    .filter(reference -> reference != null && infused(reference, cutOff.asOf())).toList();
            return computed(infused, protocolOf, cutOff.asOf()).map(rows -> infused.stream().map(patient -> {
                long referenceRevision = referenceRevisions.get(patient.id());
                return new ResponseSnapshot(patient.id(), stale.get(patient.id()).revision(), referenceRevision,
                        inputs.of(patient.id(), referenceRevision, protocolOf.get(patient.id())),
                        rows.get(patient.id()));
            }).toList());
        }).call(fresh -> keep(cutOff, fresh)).map(fresh -> {
            Map<UUID, EfficacySummary.PatientRow> freshRows = new HashMap<>();
            fresh.forEach(snapshot -> freshRows.put(snapshot.patientId(), snapshot.row()));
            // In the page's order: a kept row that holds, else the row computed now (none: not infused or not shown).
            return page.stream().filter(patient -> referenceRevisions.containsKey(patient.patientId()))
                    .map(patient -> stale.containsKey(patient.patientId()) ? freshRows.get(patient.patientId())
                            : patient.kept().row())
                    .filter(Objects::nonNull).toList();
        });
    }

    /**
     * The rows of these patients computed from their data, one query per kind for all of them. The revision of each
     * patient's data was read before (in {@link #summaryNow}): data written since makes the kept row's revision old,
     * so it is computed again next time, never kept as newer than it is.
     */
    private Uni<Map<UUID, EfficacySummary.PatientRow>> computed(List<PatientReference> patients,
            Map<UUID, ProtocolReference> protocolOf, LocalDate asOf) {
        if (patients.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = patients.stream().map(PatientReference::id).toList();
        return plateletCounts.ofPatients(ids)
                .flatMap(counts -> measurements.ofPatients(BCellRecord.class, ids)
                        .flatMap(cd19 -> measurements.ofPatients(AutoantibodyRecord.class, ids)
                                .map(elisa -> {
                                    Map<UUID, EfficacySummary.PatientRow> rows = new HashMap<>();
                                    patients.forEach(patient -> rows.put(patient.id(), row(patient, asOf,
                                            responses.assess(patient, protocolOf.get(patient.id()),
                                                    counts.getOrDefault(patient.id(), List.of()), asOf),
                                            cd19.getOrDefault(patient.id(), List.of()),
                                            elisa.getOrDefault(patient.id(), List.of()))));
                                    return rows;
                                })));
    }

    /** Keeps the rows computed; where that fails, the summary is answered all the same and computes them next time. */
    private Uni<Void> keep(CutOff cutOff, List<ResponseSnapshot> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> snapshots.store(cutOff.key(), fresh))
                .onFailure().invoke(e -> LOG.warnf(e, "The summary rows at %s were not kept", cutOff.key()))
                .onFailure().recoverWithNull();
    }

    /** Built on first use: digesting the code reads this service's classes once. */
    private SummaryInputs summaryInputs() {
        SummaryInputs built = summaryInputs;
        if (built == null) {
            built = SummaryInputs.ofRunningCode(bCells.aplasiaThreshold());
            summaryInputs = built;
        }
        return built;
    }

    private EfficacySummary.PatientRow row(PatientReference patient, LocalDate asOf, PatientResponse response,
            List<BCellRecord> cd19, List<AutoantibodyRecord> elisa) {
        ResponseCourse carT = response.assessment().carT();
        List<BCellRecord> cd19UpTo = SeriesService.upTo(cd19, asOf);
        List<AutoantibodyRecord> elisaUpTo = SeriesService.upTo(elisa, asOf);
        Boolean aplasia = cd19UpTo.isEmpty() ? null : bCells.summary(cd19UpTo, patient.day0()).aplasiaSustained();
        var antibodies = elisaUpTo.isEmpty() ? null : autoantibodies.summary(elisaUpTo, patient.day0());
        return new EfficacySummary.PatientRow(patient.subjectId(), patient.siteCode(), carT.bestResponse(),
                carT.timeToResponseDays(), response.assessment().censoredAt(), aplasia,
                antibodies == null ? null : antibodies.anyPositiveAtBaseline(),
                antibodies == null ? null : antibodies.allNegativeAfterInfusion(),
                response.rescueIndependence() == null ? null : response.rescueIndependence().rescueFreeAtCutOff());
    }
}
