package org.celltrial.efficacy.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.celltrial.common.figures.ValueCounts;
import org.celltrial.efficacy.response.ResponseStatus;

/**
 * The study's efficacy figures from one row per patient evaluated (docs/clinical-rules.md, Reporting durations;
 * docs/api.md, efficacy-service, Summary):
 * <ul>
 * <li><b>patients evaluated</b>: the rows, by subject ID; every other figure is over them;</li>
 * <li><b>by best response</b>: patients per best response, every response listed (0 when none);</li>
 * <li><b>ORR</b> (CR + R) and <b>CR rate</b>: patients, and percent of those evaluated to one decimal, half up; the
 * percent is null when nobody is evaluated;</li>
 * <li><b>median time to response</b>: over the patients with one, the middle value, or the mean of the two middle
 * values to one decimal, half up; null when nobody responded;</li>
 * <li><b>sustained B-cell aplasia</b>, <b>GP autoantibody positive at baseline</b>, <b>all negative after</b>,
 * <b>rescue-free at the cut-off</b>: patients for whom the row says so (not when it is unknown).</li>
 * </ul>
 */
public final class EfficacyFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EfficacyFigures() {
    }

    /** {@code part} of {@code whole} in percent, to one decimal, half up; null of nobody. */
    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1,
                        RoundingMode.HALF_UP);
    }

    /**
     * The figures added up a row at a time, in any order: what it keeps grows with the range of the times to response,
     * not with the patients, unless it keeps their rows for the answer.
     */
    public static final class Tally {

        private final List<EfficacySummary.PatientRow> rows;
        private final Map<ResponseStatus, Integer> byBest = new EnumMap<>(ResponseStatus.class);
        private final ValueCounts timesToResponse = new ValueCounts();
        private int evaluated;
        private int aplasiaSustained;
        private int positiveAtBaseline;
        private int allNegativeAfter;
        private int rescueFree;

        /** @param keepRows whether the answer lists a row per patient */
        public Tally(boolean keepRows) {
            this.rows = keepRows ? new ArrayList<>() : null;
            for (ResponseStatus status : ResponseStatus.values()) {
                byBest.put(status, 0);
            }
        }

        public void add(EfficacySummary.PatientRow row) {
            evaluated++;
            byBest.merge(row.bestResponse(), 1, Integer::sum);
            if (row.timeToResponseDays() != null) {
                timesToResponse.add(row.timeToResponseDays());
            }
            aplasiaSustained += says(row.bCellAplasiaSustained());
            positiveAtBaseline += says(row.gpAutoantibodyPositiveAtBaseline());
            allNegativeAfter += says(row.gpAutoantibodyAllNegativeAfter());
            rescueFree += says(row.rescueFreeAtCutOff());
            if (rows != null) {
                rows.add(row);
            }
        }

        /** The figures of the rows added; {@code patients} null unless the rows were kept, else by subject ID. */
        public EfficacySummary summary(LocalDate asOf, List<String> siteCodes) {
            int responders = byBest.get(ResponseStatus.CR) + byBest.get(ResponseStatus.R);
            int complete = byBest.get(ResponseStatus.CR);
            return new EfficacySummary(asOf, siteCodes, evaluated, new EnumMap<>(byBest),
                    new EfficacySummary.Rate(responders, percent(responders, evaluated)),
                    new EfficacySummary.Rate(complete, percent(complete, evaluated)),
                    medianTimeToResponse(), aplasiaSustained, positiveAtBaseline, allNegativeAfter, rescueFree,
                    rows == null ? null
                            : rows.stream().sorted(Comparator.comparing(EfficacySummary.PatientRow::subjectId))
                                    .toList());
        }

        /** The middle value, or the mean of the two middle values to one decimal, half up; null of no values. */
        private BigDecimal medianTimeToResponse() {
            BigDecimal median = timesToResponse.median();
            return median == null || timesToResponse.size() % 2 == 1 ? median
                    : median.setScale(1, RoundingMode.HALF_UP);
        }

        /** 1 when the row says so; 0 when it says not, or does not know. */
        private static int says(Boolean value) {
            return Boolean.TRUE.equals(value) ? 1 : 0;
        }
    }
}
