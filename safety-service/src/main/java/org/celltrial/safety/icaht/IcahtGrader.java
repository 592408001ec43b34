package org.celltrial.safety.icaht;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades immune effector cell-associated hematotoxicity (ICAHT) by the EHA/EBMT consensus (Rejeski K et al., Blood
 * 2023;142:865-877; CellTrial clinical-rules.md, Hematotoxicity).
 *
 * <p>Early ICAHT, from the days 0–30 inclusive (31 days):
 * <ul>
 * <li>A day's count is that of the latest sample on or before it: a value holds until the next sample. Of several
 * samples on one date the lowest counts. Days before the first sample dated Day 0 or later are unknown (a sample
 * before Day 0 is not carried into the window), and so are days after the last sample (no extrapolation); unknown
 * days are not counted.</li>
 * <li>The days at or below a threshold are counted. A recovery that lasts fewer than 3 days does not interrupt the
 * count: a run of 1 or 2 days above the threshold between two days at or below it is counted as at or below.</li>
 * <li>ANC ≤ 0.5 ×10⁹/L for 1–6 days → 1, 7–13 → 2, 14–29 → 3, 30 or more → 4; ANC ≤ 0.1 ×10⁹/L for 7–13 days → 3,
 * 14 or more → 4; the worse of the two.</li>
 * </ul>
 *
 * <p>Late ICAHT, after Day 30, from the lowest confirmed ANC: ≤ 1.5 → 1, ≤ 1.0 → 2, ≤ 0.5 → 3, ≤ 0.1 ×10⁹/L → 4. A
 * value is confirmed when two consecutive samples both reach or undercut it, so the lowest confirmed ANC is the
 * lowest, over every two consecutive samples after Day 30, of the higher of the two; with fewer than two samples
 * nothing is confirmed (grade 0).
 *
 * <p>Early thrombocytopenia is a CellTrial convention, not the EHA/EBMT definition, which is for neutrophils: the
 * same counting and day bands with platelet thresholds set by the protocol (default ≤ 50 and ≤ 20 ×10⁹/L), reported
 * beside the neutrophil grade because platelets are what ITP is about.
 */
public final class IcahtGrader {

    private static final int LAST_EARLY_DAY = 30;
    /** EHA/EBMT: a recovery shorter than this does not interrupt the count. */
    private static final int SHORTEST_INTERRUPTING_RECOVERY_DAYS = 3;

    /** Days counted at or below a threshold, from this many on. */
    private record DayBand(int fromDays, int grade, String days) {
    }

    private static final List<DayBand> SEVERE_DAY_BANDS = List.of(
            new DayBand(30, 4, "30 days or more"),
            new DayBand(14, 3, "14–29 days"),
            new DayBand(7, 2, "7–13 days"),
            new DayBand(1, 1, "1–6 days"));
    private static final List<DayBand> PROFOUND_DAY_BANDS = List.of(
            new DayBand(14, 4, "14 days or more"),
            new DayBand(7, 3, "7–13 days"));

    private record LateBand(BigDecimal atOrBelowPer1e9L, int grade) {
    }

    private static final List<LateBand> LATE_BANDS_WORST_FIRST = List.of(
            new LateBand(new BigDecimal("0.1"), 4),
            new LateBand(new BigDecimal("0.5"), 3),
            new LateBand(new BigDecimal("1.0"), 2),
            new LateBand(new BigDecimal("1.5"), 1));

    /** A count early hematotoxicity is graded by, its thresholds and who set them. */
    private record EarlyDefinition(String source, String count, BigDecimal severePer1e9L,
            BigDecimal profoundPer1e9L) {
    }

    private static final EarlyDefinition NEUTROPHILS = new EarlyDefinition("EHA/EBMT early ICAHT", "ANC",
            new BigDecimal("0.5"), new BigDecimal("0.1"));

    private final EarlyDefinition platelets;

    /** Early thrombocytopenia at the default thresholds, ≤ 50 and ≤ 20 ×10⁹/L. */
    public IcahtGrader() {
        this(BigDecimal.valueOf(50), BigDecimal.valueOf(20));
    }

    /** Early thrombocytopenia at the protocol's thresholds (days at or below each). */
    public IcahtGrader(BigDecimal plateletSevereAtOrBelowPer1e9L, BigDecimal plateletProfoundAtOrBelowPer1e9L) {
        if (plateletSevereAtOrBelowPer1e9L == null || plateletProfoundAtOrBelowPer1e9L == null
                || plateletProfoundAtOrBelowPer1e9L.signum() < 0
                || plateletProfoundAtOrBelowPer1e9L.compareTo(plateletSevereAtOrBelowPer1e9L) >= 0) {
            throw new IllegalArgumentException("platelet thresholds must satisfy 0 ≤ profound < severe, were "
                    + plateletProfoundAtOrBelowPer1e9L + " and " + plateletSevereAtOrBelowPer1e9L);
        }
        platelets = new EarlyDefinition("CellTrial early thrombocytopenia-ICAHT (protocol convention)", "platelets",
                plateletSevereAtOrBelowPer1e9L, plateletProfoundAtOrBelowPer1e9L);
    }

    public IcahtGrade early(List<CountSample> anc, LocalDate day0) {
        return early(anc, day0, NEUTROPHILS);
    }

    public IcahtGrade earlyThrombocytopenia(List<CountSample> platelets, LocalDate day0) {
        return early(platelets, day0, this.platelets);
    }

    public IcahtGrade late(List<CountSample> anc, LocalDate day0) {
        requireSamples(anc, day0);
        LocalDate lastEarlyDate = day0.plusDays(LAST_EARLY_DAY);
        List<CountSample> afterDay30 = anc.stream()
                .filter(sample -> sample.date().isAfter(lastEarlyDate))
                .sorted(Comparator.comparing(CountSample::date))
                .toList();
        if (afterDay30.size() < 2) {
            return new IcahtGrade(0, IcahtGrade.LATE, 0, 0,
                    "EHA/EBMT late ICAHT grade 0: no ANC confirmed by two consecutive samples after day 30",
                    afterDay30.size() + " sample(s) after day 30");
        }
        int lowestPair = 0;
        for (int pair = 1; pair < afterDay30.size() - 1; pair++) {
            if (confirmed(afterDay30, pair).compareTo(confirmed(afterDay30, lowestPair)) < 0) {
                lowestPair = pair;
            }
        }
        BigDecimal lowestConfirmed = confirmed(afterDay30, lowestPair);
        Optional<LateBand> band = LATE_BANDS_WORST_FIRST.stream()
                .filter(late -> lowestConfirmed.compareTo(late.atOrBelowPer1e9L()) <= 0)
                .findFirst();
        int grade = band.map(LateBand::grade).orElse(0);
        String rule = "EHA/EBMT late ICAHT grade " + grade + ": lowest confirmed ANC "
                + band.map(late -> "≤ " + plain(late.atOrBelowPer1e9L()))
                        .orElse("> " + plain(LATE_BANDS_WORST_FIRST.get(LATE_BANDS_WORST_FIRST.size() - 1)
                                .atOrBelowPer1e9L()))
                + " ×10⁹/L";
        CountSample first = afterDay30.get(lowestPair);
        CountSample second = afterDay30.get(lowestPair + 1);
        String explanation = "lowest ANC reached or undercut on two consecutive samples after day 30: "
                + plain(lowestConfirmed) + " ×10⁹/L (" + first.date() + ": " + plain(first.valuePer1e9L()) + ", "
                + second.date() + ": " + plain(second.valuePer1e9L()) + "), of " + afterDay30.size()
                + " samples after day 30";
        return new IcahtGrade(grade, IcahtGrade.LATE, 0, 0, rule, explanation);
    }

    private static IcahtGrade early(List<CountSample> samples, LocalDate day0, EarlyDefinition definition) {
        requireSamples(samples, day0);
        BigDecimal[] daily = dailyCounts(samples, day0);
        int severeDays = daysAtOrBelow(daily, definition.severePer1e9L());
        int profoundDays = daysAtOrBelow(daily, definition.profoundPer1e9L());
        Optional<DayBand> bySevere = bandOf(severeDays, SEVERE_DAY_BANDS);
        Optional<DayBand> byProfound = bandOf(profoundDays, PROFOUND_DAY_BANDS);
        int grade = Math.max(bySevere.map(DayBand::grade).orElse(0), byProfound.map(DayBand::grade).orElse(0));

        String severe = definition.count() + " ≤ " + plain(definition.severePer1e9L()) + " ×10⁹/L";
        String profound = definition.count() + " ≤ " + plain(definition.profoundPer1e9L()) + " ×10⁹/L";
        String deciding = grade == 0
                ? "no day with " + severe + " in days 0–30"
                : Stream.of(
                                bySevere.filter(band -> band.grade() == grade)
                                        .map(band -> severe + " for " + band.days()),
                                byProfound.filter(band -> band.grade() == grade)
                                        .map(band -> profound + " for " + band.days()))
                        .flatMap(Optional::stream)
                        .collect(Collectors.joining(" and "));
        String explanation = severeDays + " days with " + severe + " and " + profoundDays + " days with " + profound
                + " in days 0–30 (each sample held until the next; recoveries shorter than "
                + SHORTEST_INTERRUPTING_RECOVERY_DAYS + " days counted); " + covered(daily) + ", from "
                + samples.size() + " samples";
        return new IcahtGrade(grade, IcahtGrade.EARLY, severeDays, profoundDays,
                definition.source() + " grade " + grade + ": " + deciding, explanation);
    }

    /** Per day 0–30 the count that holds on it, null where no sample tells. */
    private static BigDecimal[] dailyCounts(List<CountSample> samples, LocalDate day0) {
        TreeMap<LocalDate, BigDecimal> lowestByDate = new TreeMap<>();
        for (CountSample sample : samples) {
            lowestByDate.merge(sample.date(), sample.valuePer1e9L(), BigDecimal::min);
        }
        BigDecimal[] daily = new BigDecimal[LAST_EARLY_DAY + 1];
        for (int day = 0; day <= LAST_EARLY_DAY && !lowestByDate.isEmpty(); day++) {
            LocalDate date = day0.plusDays(day);
            if (date.isAfter(lowestByDate.lastKey())) {
                break;
            }
            Map.Entry<LocalDate, BigDecimal> latest = lowestByDate.floorEntry(date);
            if (latest != null && !latest.getKey().isBefore(day0)) {
                daily[day] = latest.getValue();
            }
        }
        return daily;
    }

    /** Known days are consecutive: from the first sample in the window to the last sample or day 30. */
    private static String covered(BigDecimal[] daily) {
        int first = -1;
        int last = -1;
        for (int day = 0; day < daily.length; day++) {
            if (daily[day] != null) {
                first = first < 0 ? day : first;
                last = day;
            }
        }
        return first < 0 ? "no sample covers days 0–30" : "samples cover days " + first + "–" + last;
    }

    private static int daysAtOrBelow(BigDecimal[] daily, BigDecimal threshold) {
        int counted = 0;
        int lastAtOrBelow = -1;
        for (int day = 0; day < daily.length; day++) {
            if (daily[day] == null || daily[day].compareTo(threshold) > 0) {
                continue;
            }
            // Days between two days at or below are known, since unknown days lie only at the window's edges.
            int recoveryDays = lastAtOrBelow < 0 ? 0 : day - lastAtOrBelow - 1;
            if (recoveryDays < SHORTEST_INTERRUPTING_RECOVERY_DAYS) {
                counted += recoveryDays;
            }
            counted++;
            lastAtOrBelow = day;
        }
        return counted;
    }

    private static Optional<DayBand> bandOf(int days, List<DayBand> bandsFromMostDays) {
        return bandsFromMostDays.stream().filter(band -> days >= band.fromDays()).findFirst();
    }

    /** The value two consecutive samples, from this index on, both reach or undercut. */
    private static BigDecimal confirmed(List<CountSample> samples, int pair) {
        return samples.get(pair).valuePer1e9L().max(samples.get(pair + 1).valuePer1e9L());
    }

    private static void requireSamples(List<CountSample> samples, LocalDate day0) {
        if (samples == null || samples.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("samples are required and must contain no nulls");
        }
        if (day0 == null) {
            throw new IllegalArgumentException("day0 is required");
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
