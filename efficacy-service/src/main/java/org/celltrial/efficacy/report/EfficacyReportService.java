package org.celltrial.efficacy.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.protocol.PatientProtocols;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.SiteScope;
import org.celltrial.efficacy.antibody.AutoantibodyService;
import org.celltrial.efficacy.antibody.AutoantibodyRecord;
import org.celltrial.efficacy.bcell.BCellService;
import org.celltrial.efficacy.bcell.BCellRecord;
import org.celltrial.efficacy.kinetics.KineticsRecord;
import org.celltrial.efficacy.measurement.MeasurementRepository;
import org.celltrial.efficacy.measurement.SeriesService;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.load.ConcurrencyLimit;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.efficacy.platelet.PlateletCountRecord;
import org.celltrial.efficacy.response.PatientResponse;
import org.celltrial.efficacy.response.PlateletCountRepository;
import org.celltrial.efficacy.response.ResponseCourse;
import org.celltrial.efficacy.response.ResponseService;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The efficacy summary of every infused patient the caller may see, at a cut-off date. */
@ApplicationScoped
public class EfficacyReportService {

    private final EfficacyFigures figures = new EfficacyFigures();
    private final ConcurrencyLimit summaries = new ConcurrencyLimit(2, "efficacy summaries");

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

    /**
     * No session here: the in-scope patients a page at a time (one call to enrollment-service for their references),
     * then for the page's infused patients one query for their protocol versions and one per kind of measurement,
     * each in its own short session; the rows are computed in memory. So the number of queries grows with the pages,
     * not the patients, and only one page's measurements are held at a time. At most two summaries are computed at
     * once, a third is a 503: three at once over 10 000 patients took more than the heap (docs/performance.md, run 12).
     */
    public Uni<EfficacySummary> summary(LocalDate asOf, List<String> siteCodes) {
        return summaries.run(() -> summaryNow(asOf, siteCodes));
    }

    private Uni<EfficacySummary> summaryNow(LocalDate asOf, List<String> siteCodes) {
        SiteScope scope = SiteScope.of(Caller.of(identity), siteCodes);
        return knownPatients().flatMap(known -> Multi.createFrom()
                .iterable(PatientGate.pages(known.entrySet().stream()
                        .filter(patient -> scope.covers(patient.getValue())).map(Map.Entry::getKey).toList()))
                // One page at a time: the session is not shared between concurrent operations.
                .onItem().transformToUniAndConcatenate(page -> patients.findAll(page)
                        .flatMap(references -> rows(page.stream().map(references::get).filter(Objects::nonNull)
                                .filter(patient -> infused(patient, asOf)).toList(), asOf)))
                .collect().<List<EfficacySummary.PatientRow>>in(ArrayList::new, List::addAll))
                .map(rows -> figures.summarise(asOf, siteCodes, rows));
    }

    /** Every patient with efficacy data, with the site recorded. */
    private Uni<Map<UUID, String>> knownPatients() {
        Map<UUID, String> known = new LinkedHashMap<>();
        return Multi.createFrom().items(PlateletCountRecord.class, AutoantibodyRecord.class, KineticsRecord.class,
                BCellRecord.class)
                .onItem().transformToUniAndConcatenate(kind -> measurements.patients(kind))
                .collect().asList()
                .map(lists -> {
                    lists.forEach(measured -> measured.forEach(patient -> known.put(patient.patientId(),
                            patient.siteCode())));
                    return known;
                });
    }

    private static boolean infused(PatientReference patient, LocalDate asOf) {
        return patient.day0() != null && (asOf == null || !patient.day0().isAfter(asOf));
    }

    /** The rows of a page's infused patients, from one read of each kind of data for all of them. */
    private Uni<List<EfficacySummary.PatientRow>> rows(List<PatientReference> infused, LocalDate asOf) {
        if (infused.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = infused.stream().map(PatientReference::id).toList();
        return protocols.ofAll(ids).flatMap(protocolOf -> plateletCounts.ofPatients(ids)
                .flatMap(counts -> measurements.ofPatients(BCellRecord.class, ids)
                        .flatMap(cd19 -> measurements.ofPatients(AutoantibodyRecord.class, ids)
                                .map(elisa -> infused.stream().map(patient -> row(patient, asOf,
                                        responses.assess(patient, protocolOf.get(patient.id()),
                                                counts.getOrDefault(patient.id(), List.of()), asOf),
                                        cd19.getOrDefault(patient.id(), List.of()),
                                        elisa.getOrDefault(patient.id(), List.of()))).toList()))));
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
