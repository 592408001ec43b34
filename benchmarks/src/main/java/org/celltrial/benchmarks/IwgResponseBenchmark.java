package org.celltrial.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.celltrial.efficacy.response.IwgAssessment;
import org.celltrial.efficacy.response.IwgResponseEvaluator;
import org.celltrial.efficacy.response.ExposureRule;
import org.celltrial.efficacy.response.ExposureTrigger;
import org.celltrial.efficacy.response.IwgSettings;
import org.celltrial.efficacy.response.PlateletCount;
import org.celltrial.efficacy.response.ResponseStatus;
import org.celltrial.efficacy.response.TherapyExposure;
import org.celltrial.efficacy.response.TherapyKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The IWG ITP response of one patient as efficacy-service evaluates it for every view: two years of weekly platelet
 * counts (a screening count and 104 after Day 0, 105 in all) by {@link IwgResponseEvaluator#evaluate}, with the
 * default settings.
 *
 * <p>The course exercises every rule: baseline 12×10⁹/L; IVIG rescue on Days 10–11, whose 28-day window excludes
 * four counts; response from week 6, CR from week 8, confirmed; a count below CR and a count with WHO grade 2
 * bleeding in between; loss of response in weeks 78–80; daratumumab started in week 81, which censors the CAR-T
 * course and starts the course after subsequent therapy, in which CR is reached again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IwgResponseBenchmark {

    static final LocalDate DAY_0 = LocalDate.parse("2025-03-03");
    static final BigDecimal BASELINE = BigDecimal.valueOf(12);
    static final int WEEKS = 104;

    private final IwgResponseEvaluator evaluator = new IwgResponseEvaluator();
    /** The reference protocol's settings (enrollment-service's migration V2_5) as this benchmark's input. */
    private final IwgSettings settings = new IwgSettings(BigDecimal.valueOf(100), BigDecimal.valueOf(30),
            BigDecimal.valueOf(2), 7, true, 1, Map.of(
                    "GLUCOCORTICOID", new ExposureRule(28, ExposureTrigger.ABOVE_BASELINE_DOSE),
                    "IVIG", new ExposureRule(28, ExposureTrigger.ANY_DOSE),
                    "ANTI_D", new ExposureRule(28, ExposureTrigger.ANY_DOSE),
                    "PLATELET_TRANSFUSION", new ExposureRule(28, ExposureTrigger.ANY_DOSE),
                    "TPO_RA", new ExposureRule(28, ExposureTrigger.STARTED_OR_INCREASED_AFTER_DAY0)), 2, false);

    private List<PlateletCount> counts;
    private List<TherapyExposure> therapies;

    @Setup
    public void setUp() {
        counts = counts();
        therapies = List.of(
                new TherapyExposure(TherapyKind.RESCUE, "IVIG", "IVIG", DAY_0.plusDays(10), DAY_0.plusDays(11)),
                new TherapyExposure(TherapyKind.SUBSEQUENT, "ANTI_CD38", "daratumumab", DAY_0.plusDays(7 * 81 + 2),
                        null));
        // The inputs must stay what the javadoc says, or the figures measure something else.
        IwgAssessment assessment = evaluate();
        if (counts.size() != WEEKS + 1 || assessment.carT().bestResponse() != ResponseStatus.CR
                || assessment.carT().lostResponseOn() == null || assessment.censoredAt() == null
                || assessment.afterSubsequentTherapy().bestResponse() != ResponseStatus.CR) {
            throw new IllegalStateException("unexpected course: " + counts.size() + " counts, " + assessment);
        }
    }

    @Benchmark
    public IwgAssessment evaluate() {
        return evaluator.evaluate(BASELINE, DAY_0, counts, therapies, settings, null);
    }

    /** A screening count a week before Day 0, then one count a week for two years. */
    static List<PlateletCount> counts() {
        List<PlateletCount> counts = new ArrayList<>();
        counts.add(new PlateletCount(DAY_0.minusDays(7), BASELINE, 1));
        for (int week = 1; week <= WEEKS; week++) {
            int value;
            Integer bleeding = week % 5 == 0 ? null : 0; // not assessed at every fifth visit
            if (week <= 5) {
                value = new int[] {9, 14, 60, 48, 35}[week - 1]; // weeks 2–5 inside the IVIG window
                bleeding = week == 1 ? Integer.valueOf(1) : bleeding;
            } else if (week == 6) {
                value = 41; // R: ≥ 30 and ≥ 2 × 12
            } else if (week == 7) {
                value = 66;
            } else if (week == 30) {
                value = 85; // R but not CR
            } else if (week == 40) {
                value = 140;
                bleeding = 2; // bleeding: NR whatever the count
            } else if (week >= 78 && week <= 80) {
                value = new int[] {26, 19, 22}[week - 78]; // the response is lost
                bleeding = 1;
            } else if (week == 81) {
                value = 24; // daratumumab starts two days later
            } else if (week >= 82 && week <= 84) {
                value = new int[] {35, 58, 95}[week - 82];
            } else {
                value = 100 + (week * 37) % 120; // CR, 100–219
            }
            counts.add(new PlateletCount(DAY_0.plusDays(7L * week), BigDecimal.valueOf(value), bleeding));
        }
        return List.copyOf(counts);
    }
}
