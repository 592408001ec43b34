package org.celltrial.safety.ctcae;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.batch.BatchReader;
import org.celltrial.common.batch.BatchResult;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.security.Caller.Action;
import org.celltrial.safety.ae.AdverseEventService;
import org.celltrial.safety.ae.AdverseEventService.Derived;
import org.celltrial.safety.ae.Origin;
import org.celltrial.safety.grading.GradedWriteService;
import org.celltrial.safety.grading.GradingSettings;
import org.celltrial.safety.grading.PatientGradingSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Multi;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Lab results in, CTCAE grades out (docs/clinical-rules.md, CTCAE): each result is graded by the CTCAE version the
 * patient's protocol names, against its own normal range and the analyte's baseline (the last result on or before
 * the protocol's anchor). Every write regrades the patient's stored results, so a back-dated or voided baseline
 * changes every grade it affects (each change audited), and the lab adverse events are kept in step with them.
 */
@ApplicationScoped
public class LabService {

    private final CtcaeLabGrader grader = new CtcaeLabGrader();
    private final LabEventBuilder eventBuilder = new LabEventBuilder();

    /** Results of one analyte in the order {@link LabRepository#ofPatient} reads them: by time, then entry. */
    private static final Comparator<LabRecord> CHRONOLOGICAL = Comparator.<LabRecord, Instant>comparing(
            lab -> lab.at).thenComparing(lab -> lab.createdAt);

    @Inject
    PatientRecords records;

    @Inject
    IdempotentCreates idempotent;

    @Inject
    PatientGate patients;

    @Inject
    LabRepository labs;

    @Inject
    AdverseEventService events;

    @Inject
    PatientGradingSettings settings;

    @Inject
    GradedWriteService writes;

    @Inject
    AuditTrail audit;

    @ConfigProperty(name = "celltrial.safety.zone", defaultValue = "UTC")
    ZoneId zone;

    /** At most this many stored results are read and graded together in a batch ({@link #stored}). */
    @ConfigProperty(name = "celltrial.safety.lab-batch.stored-results-a-group")
    long storedResultsAGroup;

    /**
     * Stores the result, graded against the patient's baseline, and regrades the patient's results: enrollment-service
     * answers first (the patient, the caller's right to write there, the protocol), with no connection held; then one
     * transaction: the patient's lock (so the baseline is chosen from the results stored before this one), the
     * idempotent create with its audit row, the regrade of the results read before it with the new one, as a batch
     * regrades (the lock held, nothing else can have changed them).
     */
    public Uni<Created<LabView>> record(UUID patientId, String idempotencyKey, LabRequest request) {
        LabResult result = result(request);
        return writes.write(patientId, (patient, under) -> storedValuesOf(patientId).flatMap(stored -> idempotent
                .create(idempotencyKey, request, LabView.class, () -> {
                    LabRecord lab = graded(request, result, stored, patient, under);
                    return records.store(patient, lab, "labs", LabView::of)
                            .call(() -> writes.regradeAndPin(patient, under,
                                    (same, sameUnder) -> regraded(same, sameUnder, stored, List.of(lab))));
                })));
    }

    /**
     * Stores a batch of results (read by common's {@link BatchReader}), as {@link #record} stores one, in one
     * transaction, set-wise: a batch of 500 results for 500 patients makes a handful of round trips to PostgreSQL
     * besides its inserts and two for each of its sites (the locked-period check), not about ten a patient
     * (docs/performance.md, run 17). First, with no connection held, the patients'
     * references from enrollment-service (one call per page of patients), their grading settings (one query) and
     * whether every line can be graded; a line that cannot (an unknown patient, one the caller may not write, a unit
     * the grader cannot read) is named in a 400 problem and nothing is stored. Then every patient's lock (one
     * statement, in ID order, so concurrent batches do not deadlock) and their settings confirmed; their stored
     * results counted (one query) and read as values a group of patients at a time (one query a group,
     * {@link LabRepository#gradingValuesOf}), each result graded against the results stored before it, each patient
     * regraded in memory; the results with their audit rows
     * ({@link PatientRecords#add}), the changed stored grades (read again in one query,
     * {@link LabRepository#writeGrades}), the regrades' audit rows, the lab adverse events (their patients' read in
     * one query) and the grading states, all sent in one flush.
     */
    public Uni<BatchResult> recordBatch(List<BatchReader.Row<LabRequest>> rows) {
        Map<UUID, List<BatchReader.Row<LabRequest>>> byPatient = rows.stream()
                .collect(Collectors.groupingBy(BatchReader.Row::patientId, TreeMap::new, Collectors.toList()));
        return records.patientsToWrite(byPatient.keySet(), Action.WRITE)
                .flatMap(writable -> settings.of(writable.values().stream()
                                .filter(patient -> patient.refusal() == null)
                                .map(PatientRecords.PatientToWrite::patientId).toList())
                        .map(before -> byPatient.entrySet().stream()
                                .map(rowsOf -> prepared(writable.get(rowsOf.getKey()), rowsOf.getValue(),
                                        before.get(rowsOf.getKey())))
                                .toList()))
                .invoke(patients -> BatchReader.refuseIfAny(patients.stream()
                        .flatMap(patient -> patient.problems().stream())
                        .toList()))
                .flatMap(patients -> Panache.withTransaction(() -> records.storeBatch(rows.size(), patients.size(),
                        () -> stored(patients))));
    }

    /** One patient's lines of a batch, with the patient's reference and settings, or why they cannot be stored. */
    private record BatchPatient(UUID patientId, List<BatchReader.Row<LabRequest>> rows, PatientReference patient,
            GradingSettings before, List<Problem.Violation> problems) {
    }

    private BatchPatient prepared(PatientRecords.PatientToWrite writable, List<BatchReader.Row<LabRequest>> rows,
            GradingSettings before) {
        if (writable.refusal() != null) {
            return new BatchPatient(writable.patientId(), rows, null, null,
                    BatchReader.refusedLines(rows, writable.refusal()));
        }
        List<Problem.Violation> problems = new ArrayList<>();
        for (BatchReader.Row<LabRequest> row : rows) {
            try {
                grade(result(row.request()), null, before);
            } catch (ProblemException e) {
                problems.add(BatchReader.violation(row.line(), field(e), e.problem().detail()));
            }
        }
        return new BatchPatient(writable.patientId(), rows, writable.patient(), before, problems);
    }

    private static String field(ProblemException e) {
        List<Problem.Violation> violations = e.problem().violations();
        return violations == null || violations.isEmpty() ? "line" : violations.get(0).field();
    }

    /**
     * Inside the batch's transaction: every patient's lines stored and regraded (see {@link #recordBatch}). The
     * patients' stored results are read and graded a group at a time, each group's dropped before the next is read:
     * as many patients as hold at most {@link #storedResultsAGroup} stored results between them (counted first, in
     * one query; a patient with more is a group alone). What the batch holds then no longer grows with its patients'
     * series: a batch that held them all ran safety-service's heap out at 500 patients with 154 results each
     * (docs/performance.md, runs 29 and 30). What the groups add and change is sent together at the end.
     */
    private Uni<List<BatchResult.StoredLine>> stored(List<BatchPatient> patients) {
        Map<UUID, GradingSettings> before = patients.stream()
                .collect(Collectors.toMap(BatchPatient::patientId, BatchPatient::before));
        return settings.lockAndConfirm(before).flatMap(under -> labs.storedCountsOf(before.keySet()).flatMap(counts -> {
            BatchGrading grading = new BatchGrading();
            ToLongFunction<BatchPatient> storedOf = patient -> counts.getOrDefault(patient.patientId(), 0L);
            return Multi.createFrom().iterable(groups(patients, storedOf, storedResultsAGroup))
                    .onItem().transformToUniAndConcatenate(group -> labs.gradingValuesOf(group.stream()
                                    .map(BatchPatient::patientId).toList())
                            .invoke(stored -> grading.grade(group, stored, under)))
                    .collect().last()
                    .chain(() -> records.add(grading.added, LabView::of))
                    .chain(() -> labs.writeGrades(grading.regradedStored))
                    .chain(() -> audited(grading.changes))
                    .chain(() -> events.synchronise(grading.derived, Origin.LAB))
                    .chain(() -> settings.gradedUnder(under))
                    .chain(() -> records.flushTogether(grading.added))
                    .replaceWith(grading.lines);
        }));
    }

    /** The patients, in their order, in groups of at most {@code limit} stored results (or of one patient). */
    static <P> List<List<P>> groups(List<P> patients, ToLongFunction<P> storedCount, long limit) {
        List<List<P>> groups = new ArrayList<>();
        List<P> group = new ArrayList<>();
        long inGroup = 0;
        for (P patient : patients) {
            long stored = storedCount.applyAsLong(patient);
            if (!group.isEmpty() && inGroup + stored > limit) {
                groups.add(group);
                group = new ArrayList<>();
                inGroup = 0;
            }
            group.add(patient);
            inGroup += stored;
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /** What a batch's groups of patients add and change, gathered for the batch's one flush ({@link #stored}). */
    private final class BatchGrading {
        final List<LabRecord> added = new ArrayList<>();
        final List<BatchResult.StoredLine> lines = new ArrayList<>();
        final List<Regraded> changes = new ArrayList<>();
        final List<LabRecord> regradedStored = new ArrayList<>();
        final Map<PatientReference, List<Derived>> derived = new LinkedHashMap<>();

        /** A group's lines graded against its patients' stored results, keeping of those only the regraded. */
        void grade(List<BatchPatient> group, Map<UUID, List<LabRecord>> stored, Map<UUID, GradingSettings> under) {
            int changedBefore = changes.size();
            for (BatchPatient batch : group) {
                GradingSettings settingsOf = under.get(batch.patientId());
                List<LabRecord> series = new ArrayList<>(stored.getOrDefault(batch.patientId(), List.of()));
                for (BatchReader.Row<LabRequest> row : batch.rows()) {
                    LabRecord lab = records.stamp(graded(row.request(), result(row.request()), series,
                            batch.patient(), settingsOf), batch.patient());
                    series.add(lab);
                    added.add(lab);
                    lines.add(new BatchResult.StoredLine(row.line(), lab.id));
                }
                Regrading regrading = regrading(batch.patient(), settingsOf, series);
                changes.addAll(regrading.changes());
                derived.put(batch.patient(), regrading.derived());
            }
            regradedStored.addAll(regradedOf(stored.values().stream().flatMap(List::stream),
                    changes.subList(changedBefore, changes.size())));
        }
    }

    /** The record of a result, graded against the baseline its analyte's stored series gives it. */
    private LabRecord graded(LabRequest request, LabResult result, List<LabRecord> stored, PatientReference patient,
            GradingSettings under) {
        LabRecord lab = new LabRecord();
        lab.at = request.at();
        lab.analyte = request.analyte();
        lab.value = request.value();
        lab.unit = request.unit();
        lab.lowerLimitNormal = request.lowerLimitNormal();
        lab.upperLimitNormal = request.upperLimitNormal();
        List<LabRecord> series = Stream.concat(stored.stream(), Stream.of(lab))
                .filter(same -> same.analyte == lab.analyte)
                .sorted(Comparator.comparing(same -> same.at))
                .toList();
        apply(lab, gradeAgainst(lab, result, baseline(series, anchor(patient, under), under), under), under);
        return lab;
    }

    /** Voids a mistaken record; every result is regraded without it and its adverse events kept in step. */
    public Uni<Void> voidRecord(UUID patientId, UUID recordId, String ifMatch, String reason) {
        return writes.voidRecord(patientId, LabRecord.class, recordId, ifMatch, reason, LabView::of, this::regrade);
    }

    public Uni<Page<LabView>> list(UUID patientId, Integer limit, String cursor) {
        return labs.ofPatient(patientId)
                .call(found -> patients.readable(patientId, found))
                .map(found -> Page.slice(found, limit, cursor, lab -> lab.analyte + "|" + Page.key(lab.at) + "|" + lab.id,
                        LabView::of));
    }

    /**
     * Regrades every stored result of the patient under these settings (a changed grade is stored and audited)
     * and brings the lab adverse events in step: results after the baseline anchor open them.
     */
    public Uni<Void> regrade(PatientReference patient, GradingSettings under) {
        return storedValuesOf(patient.id()).flatMap(stored -> regraded(patient, under, stored, List.of()));
    }

    /**
     * {@link #regrade} of the stored results read as values with the records a write has just added: a changed grade
     * of a stored result is written by {@link LabRepository#writeGrades}, an added record's is set on it directly
     * (the session manages it).
     */
    private Uni<Void> regraded(PatientReference patient, GradingSettings under, List<LabRecord> stored,
            List<LabRecord> added) {
        Regrading regrading = regrading(patient, under, Stream.concat(stored.stream(), added.stream()).toList());
        return labs.writeGrades(regradedOf(stored.stream(), regrading.changes()))
                .chain(() -> audited(regrading.changes()))
                .chain(() -> events.synchronise(patient, Origin.LAB, regrading.derived()));
    }

    /**
     * The patient's stored results (none voided) as values the session does not manage, as a batch reads them: a
     * write grades its result against them and regrades them all, so as managed records every stored result was
     * hydrated, snapshotted and checked again for changes at the write's flush (docs/performance.md, run 40). The
     * grades a regrade changes are written by {@link LabRepository#writeGrades}.
     */
    private Uni<List<LabRecord>> storedValuesOf(UUID patientId) {
        return labs.gradingValuesOf(List.of(patientId)).map(stored -> stored.getOrDefault(patientId, List.of()));
    }

    /** Of these results read as values, the ones the changes regraded, for {@link LabRepository#writeGrades}. */
    private static List<LabRecord> regradedOf(Stream<LabRecord> values, List<Regraded> changes) {
        Set<UUID> regradedIds = changes.stream().map(Regraded::id).collect(Collectors.toSet());
        return values.filter(lab -> regradedIds.contains(lab.id)).toList();
    }

    /** What a regrade changes: the grades (already applied to the results it read) and the lab adverse events. */
    private record Regrading(List<Regraded> changes, List<Derived> derived) {
    }

    /** Regrades the patient's results in memory, each analyte against its baseline (see {@link #regrade}). */
    private Regrading regrading(PatientReference patient, GradingSettings under, List<LabRecord> all) {
        Map<Analyte, List<LabRecord>> byAnalyte = all.stream()
                .sorted(CHRONOLOGICAL)
                .collect(Collectors.groupingBy(lab -> lab.analyte, TreeMap::new, Collectors.toList()));
        LocalDate anchor = anchor(patient, under);
        List<Derived> derived = new ArrayList<>();
        List<Regraded> regraded = new ArrayList<>();
        for (List<LabRecord> series : byAnalyte.values()) {
            Optional<LabRecord> baseline = baseline(series, anchor, under);
            LabGrade baselineGrade = baseline.map(found -> grade(found.result(), null, under)).orElse(null);
            List<GradedLab> afterAnchor = new ArrayList<>();
            for (LabRecord lab : series) {
                LabGrade grade = gradeAgainst(lab, lab.result(), baseline, under);
                Regraded change = Regraded.of(lab, grade, under);
                if (change != null) {
                    regraded.add(change);
                    apply(lab, grade, under);
                }
                if (LabBaselineRule.afterAnchor(date(lab), anchor)) {
                    afterAnchor.add(new GradedLab(date(lab), grade));
                }
            }
            eventBuilder.events(afterAnchor, baselineGrade).forEach(event -> derived.add(new Derived(
                    event.analyte() + ":" + event.onset(), event.term(), event.onset(), event.maxGrade(),
                    event.rule(), event.resolvedOn(), CtcaeLabGrader.VERSION, under.protocolVersion())));
        }
        return new Regrading(regraded, derived);
    }

    /** An audit row for each changed grade. */
    private Uni<Void> audited(List<Regraded> changes) {
        return Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(change -> audit.record(AuditAction.REGRADE, "LabRecord",
                        change.id(), change.before(), change.after(), "Regraded: the baseline or the protocol's "
                                + "grading settings changed"))
                .collect().last().replaceWithVoid();
    }

    /** A stored grade as it was and as it is now. */
    private record Regraded(UUID id, StoredGrade before, StoredGrade after) {

        static Regraded of(LabRecord lab, LabGrade grade, GradingSettings under) {
            StoredGrade before = new StoredGrade(lab.ctcaeGrade, lab.ctcaeRule, lab.ctcaeEngine, lab.ctcaeVersion,
                    lab.protocolVersion);
            StoredGrade after = new StoredGrade(grade.grade(), grade.rule(), CtcaeLabGrader.VERSION,
                    under.ctcaeVersion().label(), under.protocolVersion());
            return before.equals(after) ? null : new Regraded(lab.id, before, after);
        }
    }

    private record StoredGrade(int ctcaeGrade, String ctcaeRule, String ctcaeEngine, String ctcaeVersion,
            int protocolVersion) {
    }

    private static LocalDate anchor(PatientReference patient, GradingSettings under) {
        return LabBaselineRule.anchor(under.labBaselineAnchor(), patient.lymphodepletionStart(), patient.day0());
    }

    private Optional<LabRecord> baseline(List<LabRecord> chronological, LocalDate anchor, GradingSettings under) {
        return new LabBaselineRule(under.labBaselineLookBackDays()).baseline(chronological, this::date, anchor);
    }

    /** A result graded against the analyte's baseline; the baseline itself against no baseline. */
    private LabGrade gradeAgainst(LabRecord lab, LabResult result, Optional<LabRecord> baseline,
            GradingSettings under) {
        return grade(result, baseline.filter(found -> found != lab).map(LabRecord::result).orElse(null), under);
    }

    private LocalDate date(LabRecord lab) {
        return lab.at.atZone(zone).toLocalDate();
    }

    private static void apply(LabRecord lab, LabGrade grade, GradingSettings under) {
        lab.ctcaeGrade = grade.grade();
        lab.ctcaeRule = grade.rule();
        lab.ctcaeEngine = CtcaeLabGrader.VERSION;
        lab.ctcaeVersion = under.ctcaeVersion().label();
        lab.protocolVersion = under.protocolVersion();
    }

    private LabGrade grade(LabResult result, LabResult baseline, GradingSettings under) {
        if (CtcaeTerm.forAnalyte(under.ctcaeVersion(), result.analyte()).isEmpty()) {
            throw ProblemException.invalid("analyte", "CTCAE v" + under.ctcaeVersion().label()
                    + ", which the protocol grades by, has no term for " + result.analyte());
        }
        try {
            return grader.grade(under.ctcaeVersion(), result, baseline);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("unit", e.getMessage());
        }
    }

    /** The result as the grader reads it; a result it cannot read (a count in the wrong unit) is a 400. */
    private static LabResult result(LabRequest request) {
        try {
            return new LabResult(request.analyte(), request.value(), request.unit(), request.lowerLimitNormal(),
                    request.upperLimitNormal());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("lowerLimitNormal", e.getMessage());
        }
    }
}
