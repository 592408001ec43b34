package org.celltrial.efficacy.antibody;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.efficacy.measurement.SeriesService;

@ApplicationScoped
public class AutoantibodyService extends SeriesService<ElisaRecord, ElisaRequest, ElisaView, AutoantibodyAssessment> {

    private final AutoantibodyEvaluator evaluator = new AutoantibodyEvaluator();

    public AutoantibodyService() {
        super(ElisaRecord.class, ElisaView.class, "autoantibodies");
    }

    @Override
    protected ElisaRecord measurement(ElisaRequest request) {
        ElisaRecord result = new ElisaRecord();
        result.measuredOn = request.date();
        result.target = request.target();
        result.opticalDensity = request.opticalDensity();
        result.cutoff = request.cutoff();
        return result;
    }

    @Override
    protected ElisaView view(ElisaRecord result) {
        return ElisaView.of(result);
    }

    @Override
    public AutoantibodyAssessment summary(List<ElisaRecord> series, LocalDate day0) {
        return evaluator.evaluate(series.stream()
                .map(r -> new ElisaResult(r.measuredOn, r.target, r.opticalDensity, r.cutoff)).toList(), day0);
    }
}
