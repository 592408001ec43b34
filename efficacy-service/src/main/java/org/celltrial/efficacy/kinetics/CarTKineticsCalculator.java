package org.celltrial.efficacy.kinetics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Summarises CAR-T kinetics from qPCR (transgene copies per µg genomic DNA), per docs/clinical-rules.md, CAR-T
 * kinetics, with the conventions of CAR-T cellular kinetics (non-compartmental analysis; AUC by the linear
 * trapezoidal rule).
 * <ul>
 * <li>Study day = sample date − Day 0. Samples before Day 0 are ignored: there are no CAR-T cells before the
 * infusion, so a value there is not expansion.</li>
 * <li>Cmax: the highest value at or above the LLOQ (a value below it is never Cmax); Tmax its study day, the
 * earliest if tied.</li>
 * <li>AUC₀₋₂₈: linear trapezoidal rule, Σ (dᵢ₊₁ − dᵢ) × (cᵢ + cᵢ₊₁) / 2, over the samples of study days 0–28.
 * Values below the LLOQ count as 0 (a convention). Without a day-0 sample, day 0 counts as 0: the CAR-T has not
 * expanded yet. Without a day-28 sample, the day-28 value is interpolated linearly between the last sample before
 * and the first after day 28 ({@link MathContext#DECIMAL64}), and the summary says so
 * ({@code day28Interpolated}).</li>
 * <li>When the samples stop before day 28 (none on or after it, also when the cut-off {@code asOf} comes before
 * day 28), there is no AUC₀₋₂₈: the same rule gives AUC₀₋last, up to the last sample ({@code lastSampleDay}).</li>
 * <li>Persistence: the last study day with a value at or above the LLOQ.</li>
 * </ul>
 * Figures are unrounded: rounding for display is the caller's.
 */
public final class CarTKineticsCalculator {

    /**
     * The engine every summary names. 2.0: no AUC₀₋₂₈ when the samples stop before day 28, AUC₀₋last instead (1.0
     * ran the AUC to the last sample and reported it as AUC₀₋₂₈).
     */
    public static final String VERSION = "CarTKineticsCalculator 2.0 (linear trapezoidal rule, AUC to day 28)";

    /** The study day AUC₀₋₂₈ runs to. */
    static final int AUC_END_DAY = 28;

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /**
     * @param lloq the assay's lower limit of quantification, copies/µg DNA
     */
    public KineticsSummary summarise(List<KineticsSample> samples, LocalDate day0, BigDecimal lloq) {
        if (samples == null || samples.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("samples must be a list without nulls");
        }
        if (day0 == null) {
            throw new IllegalArgumentException("day0 is required");
        }
        if (lloq == null || lloq.signum() <= 0) {
            throw new IllegalArgumentException("lloq must be positive, was " + lloq);
        }
        Set<LocalDate> dates = new HashSet<>();
        for (KineticsSample sample : samples) {
            // Two values on one day would make the curve depend on the order they were given in.
            if (!dates.add(sample.date())) {
                throw new IllegalArgumentException("more than one sample on " + sample.date());
            }
        }
        List<Point> points = samples.stream()
                .map(sample -> new Point(Math.toIntExact(ChronoUnit.DAYS.between(day0, sample.date())),
                        sample.copiesPerUgDna()))
                .filter(point -> point.day() >= 0)
                .sorted(Comparator.comparingInt(Point::day))
                .toList();
        List<String> explanation = new ArrayList<>();
        long beforeDay0 = samples.size() - points.size();
        if (beforeDay0 > 0) {
            explanation.add(beforeDay0 + " sample" + (beforeDay0 == 1 ? "" : "s")
                    + " before Day 0 ignored: no CAR-T before the infusion");
        }
        if (points.isEmpty()) {
            explanation.add("No sample on or after Day 0: no Cmax, Tmax, AUC or persistence");
            return new KineticsSummary(null, null, null, null, null, null, false, VERSION,
                    String.join("; ", explanation));
        }

        Point highest = null;
        for (Point point : points) {
            // Strictly greater: the earliest of equal peaks is Tmax.
            if (point.value().compareTo(lloq) >= 0 && (highest == null || point.value().compareTo(highest.value()) > 0)) {
                highest = point;
            }
        }
        Optional<Point> peak = Optional.ofNullable(highest);
        Optional<Point> lastDetectable = points.stream()
                .filter(point -> point.value().compareTo(lloq) >= 0)
                .reduce((earlier, later) -> later);
        String limit = "the LLOQ " + plain(lloq);
        explanation.add(peak
                .map(p -> "Cmax " + plain(p.value()) + " copies/µg DNA on day " + p.day() + " (Tmax)")
                .orElse("No value at or above " + limit + ": no Cmax or Tmax"));

        Auc auc = auc(points, lloq, limit);
        explanation.addAll(auc.explanation());
        explanation.add(lastDetectable
                .map(p -> "last detectable on day " + p.day() + " (" + plain(p.value()) + " ≥ " + limit + ")")
                .orElse("never at or above " + limit));
        return new KineticsSummary(peak.map(Point::value).orElse(null), peak.map(Point::day).orElse(null),
                auc.auc0to28(), auc.auc0toLast(), points.get(points.size() - 1).day(),
                lastDetectable.map(Point::day).orElse(null), auc.day28Interpolated(), VERSION,
                String.join("; ", explanation));
    }

    private record Point(int day, BigDecimal value) {
    }

    /** AUC₀₋₂₈ or, when the samples stop before day 28, AUC₀₋last: never both. */
    private record Auc(BigDecimal auc0to28, BigDecimal auc0toLast, boolean day28Interpolated,
            List<String> explanation) {
    }

    /** The AUC of samples from Day 0 on, in day order, over days 0–28 or up to the last sample, explained. */
    private static Auc auc(List<Point> points, BigDecimal lloq, String limit) {
        List<String> explanation = new ArrayList<>();
        List<Point> curve = new ArrayList<>(points.stream()
                .map(point -> new Point(point.day(), point.value().compareTo(lloq) < 0 ? BigDecimal.ZERO : point.value()))
                .toList());
        if (curve.get(0).day() > 0) {
            curve.add(0, new Point(0, BigDecimal.ZERO));
            explanation.add("no day-0 sample: taken as 0 (CAR-T not yet expanded)");
        }
        List<Point> within = new ArrayList<>(curve.stream().filter(point -> point.day() <= AUC_END_DAY).toList());
        Point lastWithin = within.get(within.size() - 1);
        Optional<Point> firstAfter = curve.stream().filter(point -> point.day() > AUC_END_DAY).findFirst();
        boolean stopsBeforeDay28 = lastWithin.day() < AUC_END_DAY && firstAfter.isEmpty();
        boolean interpolated = lastWithin.day() < AUC_END_DAY && firstAfter.isPresent();
        if (interpolated) {
            Point after = firstAfter.get();
            BigDecimal day28 = lastWithin.value().add(after.value().subtract(lastWithin.value())
                    .multiply(BigDecimal.valueOf(AUC_END_DAY - lastWithin.day()))
                    .divide(BigDecimal.valueOf(after.day() - lastWithin.day()), MathContext.DECIMAL64));
            within.add(new Point(AUC_END_DAY, day28));
            explanation.add("day 28 not sampled: " + plain(day28) + " interpolated between day " + lastWithin.day()
                    + " (" + plain(lastWithin.value()) + ") and day " + after.day() + " (" + plain(after.value()) + ")");
        }
        int lastDayUsed = interpolated ? firstAfter.get().day() : AUC_END_DAY;
        List<Point> belowLimit = points.stream()
                .filter(point -> point.day() <= lastDayUsed && point.value().compareTo(lloq) < 0)
                .toList();
        if (!belowLimit.isEmpty()) {
            explanation.add("values below " + limit + " counted as 0 (a convention), on day"
                    + (belowLimit.size() == 1 ? " " : "s ")
                    + belowLimit.stream().map(point -> String.valueOf(point.day())).collect(Collectors.joining(", ")));
        }
        BigDecimal area = BigDecimal.ZERO;
        for (int index = 1; index < within.size(); index++) {
            Point from = within.get(index - 1);
            Point to = within.get(index);
            area = area.add(from.value().add(to.value()).multiply(BigDecimal.valueOf(to.day() - from.day()))
                    .divide(TWO));
        }
        String rule = " copies/µg DNA × days by the linear trapezoidal rule over days "
                + within.stream().map(point -> String.valueOf(point.day())).collect(Collectors.joining(", "));
        if (stopsBeforeDay28) {
            explanation.add(0, "AUC₀₋last " + plain(area) + rule);
            explanation.add(1, "no AUC₀₋₂₈: the samples stop on day " + lastWithin.day() + ", before day 28");
            return new Auc(null, area, false, explanation);
        }
        explanation.add(0, "AUC₀₋₂₈ " + plain(area) + rule);
        return new Auc(area, null, interpolated, explanation);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
