package org.celltrial.efficacy.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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
public class EfficacyFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public EfficacySummary summarise(LocalDate asOf, List<String> siteCodes, List<EfficacySummary.PatientRow> rows) {
        List<EfficacySummary.PatientRow> sorted = rows.stream()
                .sorted(Comparator.comparing(EfficacySummary.PatientRow::subjectId)).toList();
        Map<ResponseStatus, Integer> byBest = new EnumMap<>(ResponseStatus.class);
        for (ResponseStatus status : ResponseStatus.values()) {
            byBest.put(status, (int) sorted.stream().filter(row -> row.bestResponse() == status).count());
        }
        int responders = byBest.get(ResponseStatus.CR) + byBest.get(ResponseStatus.R);
        int complete = byBest.get(ResponseStatus.CR);
        List<Integer> timesToResponse = sorted.stream().map(EfficacySummary.PatientRow::timeToResponseDays)
                .filter(Objects::nonNull).toList();
        return new EfficacySummary(asOf, siteCodes, sorted.size(), byBest,
                new EfficacySummary.Rate(responders, percent(responders, sorted.size())),
                new EfficacySummary.Rate(complete, percent(complete, sorted.size())),
                median(timesToResponse),
                count(sorted, EfficacySummary.PatientRow::bCellAplasiaSustained),
                count(sorted, EfficacySummary.PatientRow::gpAutoantibodyPositiveAtBaseline),
                count(sorted, EfficacySummary.PatientRow::gpAutoantibodyAllNegativeAfter),
                count(sorted, EfficacySummary.PatientRow::rescueFreeAtCutOff),
                sorted);
    }

    /** {@code part} of {@code whole} in percent, to one decimal, half up; null of nobody. */
    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1,
                        RoundingMode.HALF_UP);
    }

    /** The middle value, or the mean of the two middle values to one decimal, half up; null of no values. */
    static BigDecimal median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        BigDecimal middle = BigDecimal.valueOf(sorted.get(n / 2));
        return n % 2 == 1 ? middle
                : middle.add(BigDecimal.valueOf(sorted.get(n / 2 - 1))).divide(TWO, 1, RoundingMode.HALF_UP);
    }

    private static int count(List<EfficacySummary.PatientRow> rows,
            Function<EfficacySummary.PatientRow, Boolean> says) {
        return (int) rows.stream().filter(row -> Boolean.TRUE.equals(says.apply(row))).count();
    }
}
