package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Assesses a patient's ITP response to CAR-T by the International Working Group criteria: Rodeghiero F et al.,
 * Blood 2009;113:2386-2393, and the 2019 international consensus report, Provan D et al., Blood Adv
 * 2019;3:3780-3817 (docs/clinical-rules.md, ITP response). Thresholds and windows are {@link IwgSettings}.
 * <ul>
 * <li>Each count: CR when ≥ 100×10⁹/L and no bleeding; R when ≥ 30×10⁹/L and ≥ 2 × baseline and no bleeding, and
 * not CR; NR otherwise. Bleeding is a WHO grade ≥ 2; a grade not assessed is no bleeding known. A CR count meets
 * the response level too, even when it is below twice a high baseline: CR outranks R.</li>
 * <li>Evaluable counts: only counts dated after Day 0. Counts dated from a RESCUE therapy's start to its last day
 * (its end, or its start when it has none) plus the category's window (default 28 days), both ends included,
 * don't count. For the CAR-T response, counts on or after the first SUBSEQUENT therapy's start are censored; they
 * form a separate course after that therapy, with the same baseline and rescue windows, whose time to response
 * counts from that therapy's start. Later subsequent therapies don't start further courses.</li>
 * <li>Confirmation: a level (response = R or CR, or CR alone) is reached when two evaluable counts that both meet
 * it are more than 7 days apart (at least 7 when {@link IwgSettings#confirmationStrictlyMore()} is false), with
 * every evaluable count between them meeting it too. The earliest such pair counts: its first count is the first
 * response date (time to response is measured to it), its second the confirmation.</li>
 * <li>Loss, after the response was confirmed: two evaluable counts strictly more than 1 day apart that both fail
 * the response level (NR), with no evaluable count between them meeting it; the response is lost on the first of
 * the two. A single low count, or two only 1 day apart, is not a loss. Loss of CR (two counts failing CR) is
 * reported as a decision. Only the first response and its first loss are reported.</li>
 * <li>Duration of response: from the first response date to the loss, or, not lost, to the last evaluable count
 * (censored).</li>
 * <li>Best response: CR if confirmed, else R if confirmed, else NR with any evaluable count, else NE; the current
 * status is the last evaluable count's.</li>
 * </ul>
 * Only data up to the cut-off count: counts dated after {@code asOf}, and therapies started after it, are left out.
 * Counts on the same day keep the order given.
 */
public final class IwgResponseEvaluator {

    /**
     * @param asOf the cut-off date; null takes every count
     */
    public IwgAssessment evaluate(BigDecimal baselinePer1e9L, LocalDate day0, List<PlateletCount> counts,
            List<TherapyExposure> therapies, IwgSettings settings, LocalDate asOf) {
        if (baselinePer1e9L == null || baselinePer1e9L.signum() < 0) {
            throw new IllegalArgumentException("baselinePer1e9L must not be negative, was " + baselinePer1e9L);
        }
        if (day0 == null || settings == null) {
            throw new IllegalArgumentException("day0 and settings are required");
        }
        if (counts == null || counts.stream().anyMatch(Objects::isNull)
                || therapies == null || therapies.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("counts and therapies must be lists without nulls");
        }
        List<PlateletCount> known = counts.stream()
                .filter(count -> asOf == null || !count.date().isAfter(asOf))
                .sorted(Comparator.comparing(PlateletCount::date))
                .toList();
        List<TherapyExposure> given = therapies.stream()
                .filter(therapy -> asOf == null || !therapy.start().isAfter(asOf))
                .sorted(Comparator.comparing(TherapyExposure::start))
                .toList();
        CountAssessor assessor = new CountAssessor(baselinePer1e9L, day0,
                given.stream().filter(therapy -> therapy.kind() == TherapyKind.RESCUE).toList(), settings);
        List<TherapyExposure> subsequent = given.stream()
                .filter(therapy -> therapy.kind() == TherapyKind.SUBSEQUENT)
                .toList();
        String fromDay0 = "Day 0 (" + day0 + ")";

        if (subsequent.isEmpty()) {
            ResponseCourse carT = course(known.stream().map(count -> assessor.assess(count, null)).toList(), day0,
                    fromDay0, List.of(), settings);
            return new IwgAssessment(baselinePer1e9L, day0, carT, null, null);
        }
        TherapyExposure censoring = subsequent.get(0);
        LocalDate censoredAt = censoring.start();
        String started = censoring.describe() + " started " + censoredAt;
        ResponseCourse carT = course(known.stream().map(count -> assessor.assess(count, censoring)).toList(), day0,
                fromDay0, List.of("CAR-T response censored at " + started
                        + ": counts from then on are reported as the course after subsequent therapy"),
                settings);
        List<String> afterPreface = new ArrayList<>();
        afterPreface.add("Course after " + started + ", reported separately from the CAR-T response: baseline "
                + plain(baselinePer1e9L) + " unchanged, rescue windows still apply, time to response counted from "
                + censoredAt + " instead of Day 0");
        subsequent.stream().skip(1).forEach(later -> afterPreface.add(later.describe() + " started " + later.start()
                + " belongs to the same course: only the first subsequent therapy censors"));
        ResponseCourse after = course(known.stream()
                        .filter(count -> !count.date().isBefore(censoredAt))
                        .map(count -> assessor.assess(count, null))
                        .toList(),
                censoredAt, started, afterPreface, settings);
        return new IwgAssessment(baselinePer1e9L, day0, carT, censoredAt, after);
    }

    /**
     * One course from its counts, already assessed one by one.
     *
     * @param start            where time to response is counted from: Day 0, or the subsequent therapy's start
     * @param startDescription that start, for people
     * @param preface          decisions that come before the course's own
     */
    private static ResponseCourse course(List<CountAssessment> counts, LocalDate start, String startDescription,
            List<String> preface, IwgSettings settings) {
        List<String> decisions = new ArrayList<>(preface);
        counts.stream().filter(count -> !count.evaluable()).forEach(count -> decisions.add("Count "
                + countOn(count) + " (day " + count.studyDay() + ") excluded: " + count.exclusion()));
        List<CountAssessment> evaluable = counts.stream().filter(CountAssessment::evaluable).toList();
        if (evaluable.isEmpty()) {
            decisions.add("Best response NE: no evaluable count");
            return new ResponseCourse(ResponseStatus.NE, null, null, null, null, null, null, false,
                    ResponseStatus.NE, counts, decisions);
        }
        CountAssessment last = evaluable.get(evaluable.size() - 1);
        String current = "Current status " + last.status() + ": the last evaluable count, " + countOn(last);

        Spacing confirmation = new Spacing(settings.confirmationDays(), settings.confirmationStrictlyMore());
        Optional<Span> response = confirm(Level.RESPONSE, evaluable, confirmation, decisions);
        Optional<Span> complete = confirm(Level.COMPLETE, evaluable, confirmation, decisions);
        if (response.isEmpty()) {
            decisions.add("Best response NR: no response confirmed among " + evaluable.size() + " evaluable counts");
            decisions.add(current);
            return new ResponseCourse(ResponseStatus.NR, null, null, null, null, null, null, false, last.status(),
                    counts, decisions);
        }

        // Loss is only ever judged strictly: "on two occasions more than 1 day apart".
        Spacing lossSpacing = new Spacing(settings.lossDays(), true);
        Optional<Span> lost = loss(Level.RESPONSE, evaluable, response.get(), lossSpacing, decisions);
        complete.ifPresent(confirmed -> loss(Level.COMPLETE, evaluable, confirmed, lossSpacing, decisions));

        ResponseStatus best = complete.isPresent() ? ResponseStatus.CR : ResponseStatus.R;
        decisions.add("Best response " + best + (complete.isPresent() ? ": CR confirmed" : ": CR not confirmed"));
        LocalDate firstResponseDate = response.get().first().date();
        int timeToResponseDays = daysBetween(start, firstResponseDate);
        decisions.add("Time to response " + inDays(timeToResponseDays) + ": from " + startDescription
                + " to the first confirming count on " + firstResponseDate);
        LocalDate lostResponseOn = lost.map(span -> span.first().date()).orElse(null);
        LocalDate durationEnd = lost.isPresent() ? lostResponseOn : last.date();
        int durationDays = daysBetween(firstResponseDate, durationEnd);
        decisions.add(lost.isPresent()
                ? "Duration of response " + inDays(durationDays) + ": from " + firstResponseDate + " to its loss on "
                        + lostResponseOn
                : "Duration of response " + inDays(durationDays) + ", censored: from " + firstResponseDate
                        + " to the last evaluable count on " + durationEnd + ", response not lost");
        decisions.add(current);
        return new ResponseCourse(best, firstResponseDate, timeToResponseDays, response.get().second().date(),
                complete.map(span -> span.first().date()).orElse(null), lostResponseOn, durationDays,
                lost.isEmpty(), last.status(), counts, decisions);
    }

    /** The earliest confirmation of a level, recorded as a decision either way. */
    private static Optional<Span> confirm(Level level, List<CountAssessment> evaluable, Spacing spacing,
            List<String> decisions) {
        Optional<Span> confirmed = Span.first(evaluable, 0, level::isMetBy, spacing);
        if (confirmed.isPresent()) {
            decisions.add(level.label + " confirmed by " + confirmed.get().describe(spacing, "meeting it"));
        } else {
            decisions.add(evaluable.stream().filter(level::isMetBy).findFirst()
                    .map(first -> level.label + " not confirmed: no two evaluable counts meeting it are "
                            + spacing.requirement() + " without a count failing it between (the first meeting it: "
                            + countOn(first) + ")")
                    .orElse(level.label + " met by no evaluable count"));
        }
        return confirmed;
    }

    /** The first loss of a confirmed level after its confirmation, recorded as a decision either way. */
    private static Optional<Span> loss(Level level, List<CountAssessment> evaluable, Span confirmed, Spacing spacing,
            List<String> decisions) {
        Optional<Span> lost = Span.first(evaluable, confirmed.secondIndex() + 1, level.failedBy(), spacing);
        decisions.add(lost
                .map(span -> level.label + " lost on " + span.first().date() + ": "
                        + span.describe(spacing, "failing it") + " both fail it")
                .orElse(level.label + " not lost: no two evaluable counts failing it " + spacing.requirement()
                        + " after its confirmation on " + confirmed.second().date()));
        return lost;
    }

    /** A level of response that counts must meet, and be confirmed at, or fail, and be lost at. */
    private enum Level {
        RESPONSE("Response (R or CR)", EnumSet.of(ResponseStatus.R, ResponseStatus.CR)),
        COMPLETE("CR", EnumSet.of(ResponseStatus.CR));

        private final String label;
        private final Set<ResponseStatus> meeting;

        Level(String label, Set<ResponseStatus> meeting) {
            this.label = label;
            this.meeting = meeting;
        }

        boolean isMetBy(CountAssessment count) {
            return meeting.contains(count.status());
        }

        Predicate<CountAssessment> failedBy() {
            return count -> !isMetBy(count);
        }
    }

    /** How far apart two counts must be: more than, or at least, some days. */
    private record Spacing(int days, boolean strictlyMore) {

        boolean allows(int daysApart) {
            return strictlyMore ? daysApart > days : daysApart >= days;
        }

        String requirement() {
            return (strictlyMore ? "more than " : "at least ") + inDays(days) + " apart";
        }

        String compare(int daysApart) {
            return inDays(daysApart) + " apart " + (strictlyMore ? "> " : "≥ ") + days;
        }
    }

    /**
     * Two evaluable counts both satisfying a condition, far enough apart, with every evaluable count between them
     * satisfying it too; one routine confirms CR and R and finds their loss.
     */
    private record Span(CountAssessment first, CountAssessment second, int secondIndex, int countsBetween) {

        /** The earliest span from {@code fromIndex} on: within a run of satisfying counts, its first count. */
        static Optional<Span> first(List<CountAssessment> evaluable, int fromIndex,
                Predicate<CountAssessment> condition, Spacing spacing) {
            int runStart = -1;
            for (int index = fromIndex; index < evaluable.size(); index++) {
                if (!condition.test(evaluable.get(index))) {
                    runStart = -1;
                } else if (runStart < 0) {
                    runStart = index;
                } else if (spacing.allows(daysBetween(evaluable.get(runStart).date(), evaluable.get(index).date()))) {
                    return Optional.of(new Span(evaluable.get(runStart), evaluable.get(index), index,
                            index - runStart - 1));
                }
            }
            return Optional.empty();
        }

        /** "30 on 2025-03-01 and 32 on 2025-03-15 (14 days apart > 7)". */
        String describe(Spacing spacing, String between) {
            return countOn(first) + " and " + countOn(second) + " ("
                    + spacing.compare(daysBetween(first.date(), second.date()))
                    + (countsBetween == 0 ? "" : ", the " + countsBetween + " evaluable count"
                            + (countsBetween == 1 ? "" : "s") + " between also " + between)
                    + ")";
        }
    }

    /** Assesses one count against the baseline, Day 0, the rescue windows and any censoring. */
    private record CountAssessor(BigDecimal baselinePer1e9L, LocalDate day0, List<TherapyExposure> rescues,
            IwgSettings settings) {

        /**
         * @param censoring the subsequent therapy whose start censors the course, or null
         */
        CountAssessment assess(PlateletCount count, TherapyExposure censoring) {
            int studyDay = daysBetween(day0, count.date());
            Optional<String> exclusion = exclusion(count.date(), censoring);
            if (exclusion.isPresent()) {
                return new CountAssessment(count.date(), studyDay, count.valuePer1e9L(), count.bleedingWhoGrade(),
                        null, exclusion.get(), "Not evaluated: " + exclusion.get());
            }
            BigDecimal value = count.valuePer1e9L();
            BigDecimal baselineMultiple = baselinePer1e9L.multiply(settings.responseBaselineMultiple());
            boolean bleeding = settings.isBleeding(count.bleedingWhoGrade());
            boolean complete = value.compareTo(settings.completeResponsePer1e9L()) >= 0 && !bleeding;
            boolean response = value.compareTo(settings.responsePer1e9L()) >= 0
                    && value.compareTo(baselineMultiple) >= 0 && !bleeding;
            ResponseStatus status = complete ? ResponseStatus.CR : response ? ResponseStatus.R : ResponseStatus.NR;

            String levels = value.compareTo(settings.completeResponsePer1e9L()) >= 0
                    ? plain(value) + " ≥ " + plain(settings.completeResponsePer1e9L())
                    : plain(value) + " < " + plain(settings.completeResponsePer1e9L())
                            + ", " + atLeast(value, settings.responsePer1e9L()) + plain(settings.responsePer1e9L())
                            + ", " + atLeast(value, baselineMultiple) + plain(settings.responseBaselineMultiple())
                            + " × baseline " + plain(baselinePer1e9L) + " = " + plain(baselineMultiple);
            String bleedingFinding = count.bleedingWhoGrade() == null
                    ? "bleeding not assessed, none known"
                    : (bleeding ? "bleeding, WHO grade " + count.bleedingWhoGrade() + " ≥ "
                            : "no bleeding, WHO grade " + count.bleedingWhoGrade() + " < ")
                            + settings.bleedingWhoGradeThreshold();
            return new CountAssessment(count.date(), studyDay, value, count.bleedingWhoGrade(), status, null,
                    levels + "; " + bleedingFinding + ": " + status);
        }

        private Optional<String> exclusion(LocalDate date, TherapyExposure censoring) {
            if (!date.isAfter(day0)) {
                return Optional.of("on or before Day 0 (" + day0 + "): only counts after the infusion are evaluated");
            }
            if (censoring != null && !date.isBefore(censoring.start())) {
                return Optional.of("on or after " + censoring.describe() + " started " + censoring.start()
                        + ": the CAR-T response is censored there");
            }
            List<String> windows = rescues.stream()
                    .filter(rescue -> !date.isBefore(rescue.start()) && !date.isAfter(windowEnd(rescue)))
                    .map(rescue -> "within " + settings.rescueWindowDays(rescue.category()) + " days after "
                            + rescue.describe() + (rescue.end() == null
                                    ? " started " + rescue.start()
                                    : " given " + rescue.start() + " to " + rescue.end())
                            + " (rescue window to " + windowEnd(rescue) + ")")
                    .toList();
            return windows.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", windows));
        }

        private LocalDate windowEnd(TherapyExposure rescue) {
            return rescue.lastDay().plusDays(settings.rescueWindowDays(rescue.category()));
        }

        private static String atLeast(BigDecimal value, BigDecimal threshold) {
            return value.compareTo(threshold) >= 0 ? "≥ " : "< ";
        }
    }

    /** "30 on 2025-03-01". */
    private static String countOn(CountAssessment count) {
        return plain(count.valuePer1e9L()) + " on " + count.date();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** "1 day", "14 days". */
    private static String inDays(int days) {
        return days + (days == 1 ? " day" : " days");
    }

    private static int daysBetween(LocalDate from, LocalDate to) {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }
}
