package org.celltrial.efficacy.kinetics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.efficacy.measurement.SeriesService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class KineticsService extends SeriesService<KineticsRecord, KineticsRequest, KineticsView, KineticsSummary> {

    private final CarTKineticsCalculator calculator = new CarTKineticsCalculator();

    /** The qPCR assay's lower limit of quantification. */
    @ConfigProperty(name = "celltrial.efficacy.qpcr.lloq-copies-per-ug-dna")
    BigDecimal lloq;

    public KineticsService() {
        super(KineticsRecord.class, KineticsView.class, "car-t-kinetics");
    }

    @Override
    protected KineticsRecord measurement(KineticsRequest request) {
        KineticsRecord sample = new KineticsRecord();
        sample.measuredOn = request.date();
        sample.copiesPerUgDna = request.copiesPerUgDna();
        return sample;
    }

    @Override
    protected KineticsView view(KineticsRecord sample) {
        return KineticsView.of(sample);
    }

    @Override
    public KineticsSummary summary(List<KineticsRecord> series, LocalDate day0) {
        return calculator.summarise(series.stream().map(r -> new KineticsSample(r.measuredOn, r.copiesPerUgDna)).toList(),
                day0, lloq);
    }
}
