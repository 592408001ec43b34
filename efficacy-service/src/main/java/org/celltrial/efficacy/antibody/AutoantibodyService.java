package org.celltrial.efficacy.antibody;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.efficacy.measurement.SeriesService;

@ApplicationScoped
public class AutoantibodyService extends SeriesService<AutoantibodyRecord, AutoantibodyRequest, AutoantibodyView, AutoantibodyAssessment> {

    private final AutoantibodyEvaluator evaluator = new AutoantibodyEvaluator();

    public AutoantibodyService() {
        super(AutoantibodyRecord.class, AutoantibodyView.class, "autoantibodies");
    }

    @Override
    protected AutoantibodyRecord measurement(AutoantibodyRequest request) {
        AutoantibodyRecord result = new AutoantibodyRecord();
        result.measuredOn = request.date();
        result.target = request.target();
        result.opticalDensity = request.opticalDensity();
        result.cutoff = request.cutoff();
        return result;
    }

    @Override
    protected AutoantibodyView view(AutoantibodyRecord result) {
        return AutoantibodyView.of(result);
    }

    @Override
    public AutoantibodyAssessment summary(List<AutoantibodyRecord> series, LocalDate day0) {
        return evaluator.evaluate(series.stream()
                .map(r -> new AutoantibodyResult(r.measuredOn, r.target, r.opticalDensity, r.cutoff)).toList(), day0);
    }
}
