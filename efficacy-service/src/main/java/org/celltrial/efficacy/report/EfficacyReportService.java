package org.celltrial.efficacy.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.efficacy.platelet.PlateletCountRecord;
import org.celltrial.efficacy.response.PatientResponse;
import org.celltrial.efficacy.response.ResponseCourse;
import org.celltrial.efficacy.response.ResponseService;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The efficacy summary of every infused patient the caller may see, at a cut-off date. */
@ApplicationScoped
public class EfficacyReportService {

    private final EfficacyFigures figures = new EfficacyFigures();

    @Inject
    MeasurementRepository measurements;

    @Inject
    PatientGate patients;

    @Inject
    ResponseService responses;

    @Inject
    BCellService bCells;

    @Inject
    AutoantibodyService autoantibodies;

    @Inject
    SecurityIdentity identity;

    /**
     * No session here: the patients' references come first, all in one call to enrollment-service per page of
     * patients (never one per patient), then the repositories read in their own sessions.
     */
    public Uni<EfficacySummary> summary(LocalDate asOf, List<String> siteCodes) {
        SiteScope scope = SiteScope.of(Caller.of(identity), siteCodes);
        return knownPatients().flatMap(known -> {
            List<UUID> inScope = known.entrySet().stream().filter(patient -> scope.covers(patient.getValue()))
                    .map(Map.Entry::getKey).toList();
            return patients.findAll(inScope).flatMap(references -> Multi.createFrom()
                    .iterable(inScope.stream().map(references::get).filter(Objects::nonNull).toList())
                    // One patient at a time: the session is not shared between concurrent operations.
                    .onItem().transformToUniAndConcatenate(patient -> row(patient, asOf))
                    .filter(Objects::nonNull)
                    .collect().asList());
        }).map(rows -> figures.summarise(asOf, siteCodes, rows));
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

    /** A patient's row, or null for one not infused by the cut-off. */
    private Uni<EfficacySummary.PatientRow> row(PatientReference patient, LocalDate asOf) {
        if (patient.day0() == null || (asOf != null && patient.day0().isAfter(asOf))) {
            return Uni.createFrom().nullItem();
        }
        return responses.assess(patient, asOf).flatMap(response -> measurements
                .ofPatient(BCellRecord.class, patient.id()).flatMap(cd19 -> measurements
                        .ofPatient(AutoantibodyRecord.class, patient.id()).map(elisa -> row(patient, asOf, response,
                                cd19, elisa))));
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
