package org.celltrial.safety.ctcae;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.idempotency.Created;
import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.record.PatientRecords;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.safety.ae.AdverseEventService;
import org.celltrial.safety.ae.AdverseEventService.Derived;
import org.celltrial.safety.ae.Origin;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Lab results in, CTCAE v5.0 grades out: each result is graded against its own normal range and the patient's
 * baseline result, and the lab adverse events are kept in step (opened, worsened, resolved).
 */
@ApplicationScoped
public class LabService {

    private final CtcaeLabGrader grader = new CtcaeLabGrader();
    private final LabEventBuilder eventBuilder = new LabEventBuilder();

    @Inject
    PatientRecords records;

    @Inject
    PatientGate patients;

    @Inject
    LabRepository labs;

    @Inject
    AdverseEventService events;

    @ConfigProperty(name = "celltrial.safety.zone", defaultValue = "UTC")
    ZoneId zone;

    @WithTransaction
    public Uni<Created<LabView>> record(UUID patientId, String idempotencyKey, LabRequest request) {
        LabResult result = result(request);
        return labs.baseline(patientId, request.analyte()).flatMap(baseline -> records.record(patientId,
                idempotencyKey, request, "labs", LabView.class, patient -> {
                    LabGrade grade = grade(result, baseline == null || baseline.at.isAfter(request.at()) ? null
                            : baseline.result());
                    LabRecord lab = new LabRecord();
                    lab.at = request.at();
                    lab.analyte = request.analyte();
                    lab.value = request.value();
                    lab.unit = request.unit();
                    lab.lowerLimitNormal = request.lowerLimitNormal();
                    lab.upperLimitNormal = request.upperLimitNormal();
                    lab.ctcaeGrade = grade.grade();
                    lab.ctcaeRule = grade.rule();
                    lab.ctcaeEngine = CtcaeLabGrader.VERSION;
                    return lab;
                }, LabView::of, (patient, recorded) -> synchroniseEvents(patient)));
    }

    /** Voids a mistaken record; the course is regraded without it and its adverse events kept in step. */
    @WithTransaction
    public Uni<Void> voidRecord(UUID patientId, UUID recordId, String ifMatch, String reason) {
        return records.voidRecord(LabRecord.class, patientId, recordId, ifMatch, reason,
                (patient, voided) -> synchroniseEvents(patient));
    }

    @WithSession
    public Uni<Page<LabView>> list(UUID patientId, Integer limit, String cursor) {
        return labs.ofPatient(patientId)
                .call(found -> patients.readable(patientId, found))
                .map(found -> Page.slice(found, limit, cursor, lab -> lab.analyte + "|" + Page.key(lab.at) + "|" + lab.id,
                        LabView::of));
    }

    /** Regrades every analyte's series against its baseline and brings the lab events in step. */
    private Uni<Void> synchroniseEvents(PatientReference patient) {
        return labs.ofPatient(patient.id()).flatMap(all -> {
            Map<Analyte, List<LabRecord>> byAnalyte = all.stream()
                    .collect(Collectors.groupingBy(lab -> lab.analyte, TreeMap::new, Collectors.toList()));
            List<Derived> derived = byAnalyte.values().stream().flatMap(series -> {
                LabResult baseline = series.get(0).result();
                List<GradedLab> graded = series.stream().map(lab -> new GradedLab(lab.at.atZone(zone).toLocalDate(),
                        lab == series.get(0) ? grade(baseline, null) : grade(lab.result(), baseline))).toList();
                return eventBuilder.events(graded).stream().map(event -> new Derived(
                        event.analyte() + ":" + event.onset(), event.term(), event.onset(), event.maxGrade(),
                        "CTCAE v5.0 " + event.rule(), event.resolvedOn(), CtcaeLabGrader.VERSION));
            }).toList();
            return events.synchronise(patient, Origin.LAB, derived);
        });
    }

    private LabGrade grade(LabResult result, LabResult baseline) {
        try {
            return grader.grade(CtcaeVersion.V5_0, result, baseline);
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
