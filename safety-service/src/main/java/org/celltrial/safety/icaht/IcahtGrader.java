package org.celltrial.safety.icaht;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades immune effector cell-associated hematotoxicity (ICAHT) from neutrophils by the EHA/EBMT consensus (Rejeski K
 * et al., Blood 2023;142:865-877) and from platelets by T-ICAHT (Rejeski K et al., "T-ICAHT: Grading and prognostic
 * impact of thrombocytopenia after CAR T-cell therapy", Blood 2025, doi:10.1182/blood.2025028833, Table 1);
 * docs/clinical-rules.md, "Hematotoxicity".
 *
 * <p>Counting days (early ICAHT and early T-ICAHT in days 0–30; late T-ICAHT's days below 20 ×10⁹/L in days 31–100):
 * <ul>
 * <li>A day's count is that of the latest sample on or before it: a value holds until the next sample, and the last
 * sample before the counted days holds into their first day. Of several samples on one date the lowest counts. Days
 * before the first sample and after the last one are unknown (no extrapolation) and not counted.</li>
 * <li>Counting stops at a subsequent line of therapy or death ({@link CountingStop}): from that date on, days are not
 * counted and samples are not used, early or late. The grade names the stop when it fell within its days.</li>
 * <li>A recovery that lasts fewer than 3 days does not interrupt the count: a run of 1 or 2 days not meeting the
 * threshold between two days meeting it is counted as meeting it.</li>
 * </ul>
 *
 * <p>A count is confirmed when two consecutive samples both reach or undercut it: the lowest confirmed count is the
 * lowest, over every two consecutive samples, of the higher of the two; with fewer than two samples nothing is
 * confirmed (grade 0).
 *
 * <p>Neutrophils (ANC, thresholds inclusive):
 * <ul>
 * <li>Early, days 0–30: ANC ≤ 0.5 ×10⁹/L for 1–6 days → 1, 7–13 → 2, 14–29 → 3, 30 or more → 4; ANC ≤ 0.1 ×10⁹/L for
 * 7–13 days → 3, 14 or more → 4; the worse of the two.</li>
 * <li>Late, after day 30, from the lowest confirmed ANC: ≤ 1.5 → 1, ≤ 1.0 → 2, ≤ 0.5 → 3, ≤ 0.1 ×10⁹/L → 4.</li>
 * </ul>
 *
 * <p>Platelets (T-ICAHT, thresholds strict):
 * <ul>
 * <li>Early, days 0–30: platelets &lt; 50 ×10⁹/L for 1–6 days → 1, 7 or more → 2; &lt; 20 ×10⁹/L for 1–13 days → 3,
 * 14 or more → 4; the worse of the two.</li>
 * <li>Late, days 31–100, on two or more tests: the lowest confirmed count in days 31–100 &lt; 100 → 1, &lt; 50 ×10⁹/L
 * → 2; with &lt; 20 ×10⁹/L confirmed, the days below 20 in days 31–100 decide: 1–13 → 3, 14 or more → 4.</li>
 * </ul>
 * The 2025 paper also censors at disease progression; that is not applied here.
 */
public final class IcahtGrader {

    public static final String VERSION = "IcahtGrader 2.0 (EHA/EBMT 2023; T-ICAHT 2025)";

    /** EHA/EBMT: a recovery shorter than this does not interrupt the count. */
    private static final int SHORTEST_INTERRUPTING_RECOVERY_DAYS = 3;

    /** Study days from firstDay to lastDay, both included; {@link #OPEN} for no last day. */
    private record Window(int firstDay, int lastDay) {

        static final int OPEN = Integer.MAX_VALUE;

        boolean contains(long studyDay) {
            return studyDay >= firstDay && studyDay <= lastDay;
        }

        /** "days 0–30", or "after day 30" for an open window. */
        String span() {
            return lastDay == OPEN ? "after day " + (firstDay - 1) : "days " + firstDay + "–" + lastDay;
        }

        /** "in days 0–30", or "after day 30". */
        String where() {
            return lastDay == OPEN ? span() : "in " + span();
        }
    }

    private static final Window EARLY_DAYS = new Window(0, 30);
    private static final Window AFTER_DAY_30 = new Window(31, Window.OPEN);
    private static final Window DAYS_31_TO_100 = new Window(31, 100);

    /** A threshold a count meets: ANC's at or below it (≤), the published platelet ones only below it (&lt;). */
    private record Threshold(String count, BigDecimal per1e9L, boolean inclusive) {

        boolean metBy(BigDecimal value) {
            int comparison = value.compareTo(per1e9L);
            return inclusive ? comparison <= 0 : comparison < 0;
        }

        String text() {
            return count + (inclusive ? " ≤ " : " < ") + plain(per1e9L) + " ×10⁹/L";
        }

        String notMetText() {
            return count + (inclusive ? " > " : " ≥ ") + plain(per1e9L) + " ×10⁹/L";
        }
    }

    /** Days counted meeting a threshold, from this many on. */
    private record DayBand(int fromDays, int grade, String days) {
    }

    /** A grade by how many days a threshold is met. */
    private record Duration(Threshold threshold, List<DayBand> bandsFromMostDays) {

        Optional<DayBand> bandOf(int days) {
            return bandsFromMostDays.stream().filter(band -> days >= band.fromDays()).findFirst();
        }
    }

    /** Early: the worse of the grades by the days at the severe and at the profound threshold, in days 0–30. */
    private record EarlyDefinition(String standard, Duration severe, Duration profound) {
    }

    private record ConfirmedLevel(Threshold threshold, int grade) {
    }

    /**
     * Late: the grade of the worst level the lowest confirmed count meets and, where the definition has one, the grade
     * by the days a deeper threshold is met, once that threshold is confirmed too.
     */
    private record LateDefinition(String standard, String count, Window window, List<ConfirmedLevel> levelsWorstFirst,
            Optional<Duration> confirmedDuration) {
    }

    private static final EarlyDefinition NEUTROPHILS_EARLY = new EarlyDefinition("EHA/EBMT early ICAHT",
            new Duration(anc("0.5"), List.of(
                    new DayBand(30, 4, "30 days or more"),
                    new DayBand(14, 3, "14–29 days"),
                    new DayBand(7, 2, "7–13 days"),
                    new DayBand(1, 1, "1–6 days"))),
            new Duration(anc("0.1"), List.of(
                    new DayBand(14, 4, "14 days or more"),
                    new DayBand(7, 3, "7–13 days"))));

    private static final LateDefinition NEUTROPHILS_LATE = new LateDefinition("EHA/EBMT late ICAHT", "ANC",
            AFTER_DAY_30, List.of(
                    new ConfirmedLevel(anc("0.1"), 4),
                    new ConfirmedLevel(anc("0.5"), 3),
                    new ConfirmedLevel(anc("1.0"), 2),
                    new ConfirmedLevel(anc("1.5"), 1)),
            Optional.empty());

    private static final Duration PLATELETS_BELOW_20_FOR_GRADES_3_AND_4 = new Duration(platelets(20), List.of(
            new DayBand(14, 4, "14 days or more"),
            new DayBand(1, 3, "1–13 days")));

    private static final EarlyDefinition PLATELETS_EARLY = new EarlyDefinition("Early T-ICAHT",
            new Duration(platelets(50), List.of(
                    new DayBand(7, 2, "7 days or more"),
                    new DayBand(1, 1, "1–6 days"))),
            PLATELETS_BELOW_20_FOR_GRADES_3_AND_4);

    private static final LateDefinition PLATELETS_LATE = new LateDefinition("Late T-ICAHT", "platelets",
            DAYS_31_TO_100, List.of(
                    new ConfirmedLevel(platelets(50), 2),
                    new ConfirmedLevel(platelets(100), 1)),
            Optional.of(PLATELETS_BELOW_20_FOR_GRADES_3_AND_4));

    /**
     * Early neutrophil ICAHT.
     *
     * @param anc  every ANC sample, those before Day 0 included (the last of them holds into Day 0)
     * @param stop where counting stops; null when it runs to the end
     */
    public IcahtGrade early(List<CountSample> anc, LocalDate day0, CountingStop stop) {
        return early(anc, day0, stop, NEUTROPHILS_EARLY);
    }

    /** Late neutrophil ICAHT, from the ANC samples after day 30 and before the stop (null: none). */
    public IcahtGrade late(List<CountSample> anc, LocalDate day0, CountingStop stop) {
        return late(anc, day0, stop, NEUTROPHILS_LATE);
    }

    /**
     * Early T-ICAHT.
     *
     * @param platelets every platelet sample, those before Day 0 included (the last of them holds into Day 0)
     * @param stop      where counting stops; null when it runs to the end
     */
    public IcahtGrade thrombocytopeniaEarly(List<CountSample> platelets, LocalDate day0, CountingStop stop) {
        return early(platelets, day0, stop, PLATELETS_EARLY);
    }

    /**
     * Late T-ICAHT.
     *
     * @param platelets every platelet sample (the last one before day 31 holds into day 31)
     * @param stop      where counting stops; null when it runs to the end
     */
    public IcahtGrade thrombocytopeniaLate(List<CountSample> platelets, LocalDate day0, CountingStop stop) {
        return late(platelets, day0, stop, PLATELETS_LATE);
    }

    private static IcahtGrade early(List<CountSample> samples, LocalDate day0, CountingStop stop,
            EarlyDefinition definition) {
        requireSamples(samples, day0);
        DailyCounts daily = DailyCounts.of(samples, day0, EARLY_DAYS, stop);
        int severeDays = daily.daysMeeting(definition.severe().threshold());
        int profoundDays = daily.daysMeeting(definition.profound().threshold());
        List<Criterion> met = Stream.of(
                        byDays(definition.severe(), severeDays, "", ""),
                        byDays(definition.profound(), profoundDays, "", ""))
                .flatMap(Optional::stream)
                .toList();
        int grade = worstGrade(met);

        String severe = definition.severe().threshold().text();
        String profound = definition.profound().threshold().text();
        String deciding = grade == 0 ? "no day with " + severe + " " + EARLY_DAYS.where() : deciding(met, grade);
        CountingStop stopInWindow = stopWithin(EARLY_DAYS, day0, stop);
        String explanation = severeDays + " days with " + severe + " and " + profoundDays + " days with " + profound
                + " " + EARLY_DAYS.where() + daily.howCounted() + ", from "
                + samples(samplesCounted(samples, day0, EARLY_DAYS, stop).size()) + " " + EARLY_DAYS.where()
                + daily.carriedForwardText() + stopText(stopInWindow, day0);
        return new IcahtGrade(grade, IcahtGrade.EARLY, severeDays, profoundDays,
                definition.standard() + " grade " + grade + ": " + deciding, explanation, daily.carriedForward(),
                stopInWindow);
    }

    private static IcahtGrade late(List<CountSample> samples, LocalDate day0, CountingStop stop,
            LateDefinition definition) {
        requireSamples(samples, day0);
        Window window = definition.window();
        CountingStop stopInWindow = stopWithin(window, day0, stop);
        Optional<DaysMet> daysMet = definition.confirmedDuration().map(duration -> {
            DailyCounts daily = DailyCounts.of(samples, day0, window, stop);
            return new DaysMet(duration, daily, daily.daysMeeting(duration.threshold()));
        });
        int durationDays = daysMet.map(DaysMet::days).orElse(0);
        CountSample carriedForward = daysMet.map(meeting -> meeting.daily().carriedForward()).orElse(null);
        String context = daysMet.map(meeting -> "; " + meeting.days() + " days with "
                        + meeting.duration().threshold().text() + " " + window.where()
                        + meeting.daily().howCounted() + meeting.daily().carriedForwardText())
                .orElse("")
                + stopText(stopInWindow, day0);

        List<CountSample> counted = samplesCounted(samples, day0, window, stop);
        if (counted.size() < 2) {
            return new IcahtGrade(0, IcahtGrade.LATE, 0, durationDays,
                    definition.standard() + " grade 0: no " + definition.count()
                            + " confirmed by two consecutive samples " + window.where(),
                    samples(counted.size()) + " " + window.where() + context, carriedForward, stopInWindow);
        }
        int lowestPair = 0;
        for (int pair = 1; pair < counted.size() - 1; pair++) {
            if (confirmed(counted, pair).compareTo(confirmed(counted, lowestPair)) < 0) {
                lowestPair = pair;
            }
        }
        BigDecimal lowestConfirmed = confirmed(counted, lowestPair);
        List<Criterion> met = Stream.concat(
                        definition.levelsWorstFirst().stream()
                                .filter(level -> level.threshold().metBy(lowestConfirmed))
                                .limit(1)
                                .map(level -> new Criterion(level.grade(),
                                        "lowest confirmed " + level.threshold().text())),
                        daysMet.filter(days -> days.duration().threshold().metBy(lowestConfirmed))
                                .flatMap(days -> byDays(days.duration(), days.days(),
                                        " on two consecutive samples and", " " + window.where()))
                                .stream())
                .toList();
        int grade = worstGrade(met);
        List<ConfirmedLevel> levels = definition.levelsWorstFirst();
        String deciding = grade == 0
                ? "lowest confirmed " + levels.get(levels.size() - 1).threshold().notMetText()
                : deciding(met, grade);

        CountSample first = counted.get(lowestPair);
        CountSample second = counted.get(lowestPair + 1);
        String explanation = "lowest " + definition.count() + " reached or undercut on two consecutive samples "
                + window.where() + ": " + plain(lowestConfirmed) + " ×10⁹/L (" + first.date() + ": "
                + plain(first.valuePer1e9L()) + ", " + second.date() + ": " + plain(second.valuePer1e9L()) + "), of "
                + samples(counted.size()) + " " + window.where() + context;
        return new IcahtGrade(grade, IcahtGrade.LATE, 0, durationDays,
                definition.standard() + " grade " + grade + ": " + deciding, explanation, carriedForward,
                stopInWindow);
    }

    /** A criterion a count met, and the grade it gives. */
    private record Criterion(int grade, String text) {
    }

    /** The days a duration's threshold was met in a window. */
    private record DaysMet(Duration duration, DailyCounts daily, int days) {
    }

    private static Optional<Criterion> byDays(Duration duration, int days, String confirmation, String where) {
        return duration.bandOf(days).map(band -> new Criterion(band.grade(),
                duration.threshold().text() + confirmation + " for " + band.days() + where));
    }

    private static int worstGrade(List<Criterion> met) {
        return met.stream().mapToInt(Criterion::grade).max().orElse(0);
    }

    /** Every criterion that gives the grade. */
    private static String deciding(List<Criterion> met, int grade) {
        return met.stream()
                .filter(criterion -> criterion.grade() == grade)
                .map(Criterion::text)
                .collect(Collectors.joining(" and "));
    }

    /**
     * Per day of a window, from its first day, the count that holds on it (null where no sample tells), and the sample
     * from before the window whose value held into its first day (null when none did).
     */
    private record DailyCounts(Window window, List<BigDecimal> byDay, CountSample carriedForward) {

        static DailyCounts of(List<CountSample> samples, LocalDate day0, Window window, CountingStop stop) {
            TreeMap<LocalDate, BigDecimal> lowestByDate = new TreeMap<>();
            for (CountSample sample : samples) {
                lowestByDate.merge(sample.date(), sample.valuePer1e9L(), BigDecimal::min);
            }
            List<BigDecimal> byDay = new ArrayList<>();
            for (int day = window.firstDay(); day <= window.lastDay() && !lowestByDate.isEmpty(); day++) {
                LocalDate date = day0.plusDays(day);
                if (date.isAfter(lowestByDate.lastKey()) || stop != null && !date.isBefore(stop.date())) {
                    break;
                }
                Map.Entry<LocalDate, BigDecimal> latest = lowestByDate.floorEntry(date);
                byDay.add(latest == null ? null : latest.getValue());
            }
            LocalDate firstDate = day0.plusDays(window.firstDay());
            Map.Entry<LocalDate, BigDecimal> heldIntoFirstDay = lowestByDate.floorEntry(firstDate);
            CountSample carriedForward = byDay.isEmpty() || heldIntoFirstDay == null
                    || !heldIntoFirstDay.getKey().isBefore(firstDate)
                    ? null
                    : new CountSample(heldIntoFirstDay.getKey(), heldIntoFirstDay.getValue());
            return new DailyCounts(window, Collections.unmodifiableList(byDay), carriedForward);
        }

        int daysMeeting(Threshold threshold) {
            int counted = 0;
            int lastMeeting = -1;
            for (int day = 0; day < byDay.size(); day++) {
                if (byDay.get(day) == null || !threshold.metBy(byDay.get(day))) {
                    continue;
                }
                // Days between two days meeting it are known, since unknown days lie only at the window's edges.
                int recoveryDays = lastMeeting < 0 ? 0 : day - lastMeeting - 1;
                if (recoveryDays < SHORTEST_INTERRUPTING_RECOVERY_DAYS) {
                    counted += recoveryDays;
                }
                counted++;
                lastMeeting = day;
            }
            return counted;
        }

        String howCounted() {
            return " (each sample held until the next; recoveries shorter than " + SHORTEST_INTERRUPTING_RECOVERY_DAYS
                    + " days counted); " + coverage();
        }

        /** Known days are consecutive: from the first sample to the last sample, the window's end or the stop. */
        private String coverage() {
            int first = -1;
            int last = -1;
            for (int day = 0; day < byDay.size(); day++) {
                if (byDay.get(day) != null) {
                    first = first < 0 ? day : first;
                    last = day;
                }
            }
            return first < 0
                    ? "no sample covers " + window.span()
                    : "samples cover days " + (window.firstDay() + first) + "–" + (window.firstDay() + last);
        }

        String carriedForwardText() {
            return carriedForward == null ? "" : "; the sample of " + carriedForward.date() + " ("
                    + plain(carriedForward.valuePer1e9L()) + " ×10⁹/L) carried into day " + window.firstDay();
        }
    }

    /** The samples dated in the window and before the stop, by date. */
    private static List<CountSample> samplesCounted(List<CountSample> samples, LocalDate day0, Window window,
            CountingStop stop) {
        return samples.stream()
                .filter(sample -> window.contains(ChronoUnit.DAYS.between(day0, sample.date())))
                .filter(sample -> stop == null || sample.date().isBefore(stop.date()))
                .sorted(Comparator.comparing(CountSample::date))
                .toList();
    }

    /** The stop when it fell on or before the window's last day, so that days of the window were not counted. */
    private static CountingStop stopWithin(Window window, LocalDate day0, CountingStop stop) {
        return stop != null && ChronoUnit.DAYS.between(day0, stop.date()) <= window.lastDay() ? stop : null;
    }

    private static String stopText(CountingStop stopInWindow, LocalDate day0) {
        return stopInWindow == null ? "" : "; counting stopped on day " + ChronoUnit.DAYS.between(day0,
                stopInWindow.date()) + " (" + stopInWindow.date() + "): " + stopInWindow.reason();
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

    private static Threshold anc(String atOrBelowPer1e9L) {
        return new Threshold("ANC", new BigDecimal(atOrBelowPer1e9L), true);
    }

    private static Threshold platelets(int belowPer1e9L) {
        return new Threshold("platelets", BigDecimal.valueOf(belowPer1e9L), false);
    }

    private static String samples(int count) {
        return count + (count == 1 ? " sample" : " samples");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
