package org.celltrial.efficacy.bcell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.efficacy.measurement.SeriesService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class BCellService extends SeriesService<BCellRecord, BCellRequest, BCellView, BCellAssessment> {

    private final BCellDepletionEvaluator evaluator = new BCellDepletionEvaluator();

    /** B-cell aplasia: CD19⁺ cells per µL below this. */
    @ConfigProperty(name = "celltrial.efficacy.b-cells.aplasia-threshold-per-ul")
    BigDecimal aplasiaThreshold;

    /** The deployment's threshold: a summary row kept under another was computed by another rule. */
    public BigDecimal aplasiaThreshold() {
        return aplasiaThreshold;
    }

    public BCellService() {
        super(BCellRecord.class, BCellView.class, "b-cells");
    }

    @Override
    protected BCellRecord measurement(BCellRequest request) {
        BCellRecord count = new BCellRecord();
        count.measuredOn = request.date();
        count.cd19PerUl = request.cd19PerUl();
        return count;
    }

    @Override
    protected BCellView view(BCellRecord count) {
        return BCellView.of(count);
    }

    @Override
    public BCellAssessment summary(List<BCellRecord> series, LocalDate day0) {
        return evaluator.evaluate(series.stream().map(r -> new BCellCount(r.measuredOn, r.cd19PerUl)).toList(), day0,
                aplasiaThreshold);
    }
}
