package org.celltrial.efficacy.bcell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.efficacy.measurement.SeriesService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class BCellService extends SeriesService<Cd19Record, Cd19Request, Cd19View, BCellAssessment> {

    private final BCellDepletionEvaluator evaluator = new BCellDepletionEvaluator();

    /** B-cell aplasia: CD19⁺ cells per µL below this. */
    @ConfigProperty(name = "celltrial.efficacy.b-cells.aplasia-threshold-per-ul")
    BigDecimal aplasiaThreshold;

    public BCellService() {
        super(Cd19Record.class, Cd19View.class, "b-cells");
    }

    @Override
    protected Cd19Record measurement(Cd19Request request) {
        Cd19Record count = new Cd19Record();
        count.measuredOn = request.date();
        count.cd19PerUl = request.cd19PerUl();
        return count;
    }

    @Override
    protected Cd19View view(Cd19Record count) {
        return Cd19View.of(count);
    }

    @Override
    public BCellAssessment summary(List<Cd19Record> series, LocalDate day0) {
        return evaluator.evaluate(series.stream().map(r -> new Cd19Count(r.measuredOn, r.cd19PerUl)).toList(), day0,
                aplasiaThreshold);
    }
}
