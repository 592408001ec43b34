package org.celltrial.efficacy.kinetics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.efficacy.measurement.SeriesService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class KineticsService extends SeriesService<QpcrRecord, QpcrRequest, QpcrView, KineticsSummary> {

    private final CarTKineticsCalculator calculator = new CarTKineticsCalculator();

    /** The qPCR assay's lower limit of quantification. */
    @ConfigProperty(name = "celltrial.efficacy.qpcr.lloq-copies-per-ug-dna")
    BigDecimal lloq;

    public KineticsService() {
        super(QpcrRecord.class, QpcrView.class, "car-t-kinetics");
    }

    @Override
    protected QpcrRecord measurement(QpcrRequest request) {
        QpcrRecord sample = new QpcrRecord();
        sample.measuredOn = request.date();
        sample.copiesPerUgDna = request.copiesPerUgDna();
        return sample;
    }

    @Override
    protected QpcrView view(QpcrRecord sample) {
        return QpcrView.of(sample);
    }

    @Override
    public KineticsSummary summary(List<QpcrRecord> series, LocalDate day0) {
        return calculator.summarise(series.stream().map(r -> new QpcrSample(r.measuredOn, r.copiesPerUgDna)).toList(),
                day0, lloq);
    }
}
