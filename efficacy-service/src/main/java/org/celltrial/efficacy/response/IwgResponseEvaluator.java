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

/**
 * Assesses a patient's ITP response to CAR-T by the International Working Group criteria: Rodeghiero F et al.,
 * Blood 2009;113:2386-2393, and the 2019 international consensus report, Provan D et al., Blood Adv
 * 2019;3:3780-3817 (docs/clinical-rules.md, ITP response). Thresholds and windows are {@link IwgSettings}.
 * <ul>
 * <li>Each count: CR when ≥ 100×10⁹/L and no bleeding; R when ≥ 30×10⁹/L and ≥ 2 × baseline and no bleeding, and
 * not CR; NR otherwise. Bleeding is a WHO grade ≥ 2. A CR count meets the response level too, even when it is
 * below twice a high baseline: CR outranks R.</li>
 * <li>Considered counts: only counts dated after Day 0. For the CAR-T response, counts on or after the first
 * SUBSEQUENT therapy's start are censored; they form a separate course after that therapy, with the same baseline
 * and exposure windows, whose time to response counts from that therapy's start. Later subsequent therapies don't
 * start further courses.</li>
 * <li>Supported counts: a count within an exposure window ({@link ExposureWindows}: by therapy category, whatever the
 * therapy was recorded as) cannot count towards or confirm a response. When it fails (below the level, or
 * bleeding) it still fails: it breaks a confirmation, can be one of the two counts of a loss and sets the current
 * status. When it meets the level it is left aside: it neither supports nor breaks.</li>
 * <li>Bleeding must be assessed: a count without a WHO grade cannot support a response unless
 * {@link IwgSettings#acceptUnassessedBleeding()} (then it is taken as without bleeding and the course says so). It
 * is no failing count either unless its value fails.</li>
 * <li>Confirmation: a level (response = R or CR, or CR alone) is reached when two counts that both meet it are more
 * than 7 days apart (at least 7 when {@link IwgSettings#confirmationStrictlyMore()} is false), with no count
 * failing it between them (counts left aside don't matter). The earliest such pair counts: its first count is the
 * first response date (time to response is measured to it), its second the confirmation.</li>
 * <li>Loss, after the response was confirmed: two counts strictly more than 1 day apart that both fail the response
 * level (NR), with no count meeting it between them; the response is lost on the first of the two. A single low
 * count, or two only 1 day apart, is not a loss. Loss of CR (two counts failing CR) is reported as a decision. Only
 * the first response and its first loss are reported.</li>
 * <li>Rescue after a response: the first RESCUE therapy started on or after the first response date (within the
 * course) is reported as a loss-of-response signal ({@link ResponseCourse#rescueAfterResponse()}); it does not date
 * a loss.</li>
 * <li>Duration of response: from the first response date to the loss, or, not lost, to the last evaluable count
 * (censored).</li>
 * <li>Best response: CR if confirmed, else R if confirmed, else NR with any evaluable count (one that supports or
 * fails a response), else NE. The current status is the last evaluable count's; R instead of CR when a later count
 * below CR cannot support a response (it still fails CR).</li>
 * </ul>
 * Only data up to the cut-off count: counts dated after {@code asOf}, and therapies started after it, are left out.
 * Counts on the same day keep the order given.
 */
public final class IwgResponseEvaluator {

    /** The engine and the criteria it implements, to be stored with every response it produced. */
    public static final String VERSION = "IwgResponseEvaluator 2.0 (IWG 2009; 2019 consensus)";

    /**
     * @param therapies concomitant, rescue and subsequent therapies, before and after Day 0 (a stable baseline dose is
     *                  read from the therapies before Day 0)
     * @param asOf      the cut-off date; null takes every count
     * @throws IllegalArgumentException for a negative baseline, missing arguments or lists with nulls
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
        ExposureWindows windows = ExposureWindows.of(day0, given, settings);
        CountAssessor assessor = new CountAssessor(baselinePer1e9L, day0, windows, settings);
        List<TherapyExposure> rescues = given.stream()
                .filter(therapy -> therapy.kind() == TherapyKind.RESCUE)
                .toList();
        List<TherapyExposure> subsequent = given.stream()
                .filter(therapy -> therapy.kind() == TherapyKind.SUBSEQUENT)
                .toList();
        String fromDay0 = "Day 0 (" + day0 + ")";

        if (subsequent.isEmpty()) {
            ResponseCourse carT = course(known.stream().map(count -> assessor.assess(count, null)).toList(), day0,
                    fromDay0, windows.decisions(), rescues, day0, settings);
            return new IwgAssessment(baselinePer1e9L, day0, carT, null, null);
        }
        TherapyExposure censoring = subsequent.get(0);
        LocalDate censoredAt = censoring.start();
        String started = censoring.describe() + " started " + censoredAt;
        List<String> carTPreface = new ArrayList<>();
        carTPreface.add("CAR-T response censored at " + started
                + ": counts from then on are reported as the course after subsequent therapy");
        carTPreface.addAll(windows.decisions());
        ResponseCourse carT = course(known.stream().map(count -> assessor.assess(count, censoring)).toList(), day0,
                fromDay0, carTPreface,
                rescues.stream().filter(rescue -> rescue.start().isBefore(censoredAt)).toList(), day0, settings);
        List<String> afterPreface = new ArrayList<>();
        afterPreface.add("Course after " + started + ", reported separately from the CAR-T response: baseline "
                + plain(baselinePer1e9L) + " unchanged, exposure windows still apply, time to response counted from "
                + censoredAt + " instead of Day 0");
        subsequent.stream().skip(1).forEach(later -> afterPreface.add(later.describe() + " started " + later.start()
                + " belongs to the same course: only the first subsequent therapy censors"));
        afterPreface.addAll(windows.decisions());
        ResponseCourse after = course(known.stream()
                        .filter(count -> !count.date().isBefore(censoredAt))
                        .map(count -> assessor.assess(count, null))
                        .toList(),
                censoredAt, started, afterPreface,
                rescues.stream().filter(rescue -> !rescue.start().isBefore(censoredAt)).toList(), day0, settings);
        return new IwgAssessment(baselinePer1e9L, day0, carT, censoredAt, after);
    }

    /**
     * One course from its counts, already assessed one by one.
     *
     * @param start            where time to response is counted from: Day 0, or the subsequent therapy's start
     * @param startDescription that start, for people
     * @param preface          decisions that come before the course's own
     * @param rescues          the rescue therapies that belong to the course, in order of their start
     */
    private static ResponseCourse course(List<CountAssessment> counts, LocalDate start, String startDescription,
            List<String> preface, List<TherapyExposure> rescues, LocalDate day0, IwgSettings settings) {
        List<String> decisions = new ArrayList<>(preface);
        for (CountAssessment count : counts) {
            String which = "Count " + countOn(count) + " (day " + count.studyDay() + ")";
            if (!count.considered()) {
                decisions.add(which + " excluded: " + count.exclusion());
            } else if (!count.evaluable()) {
                decisions.add(which + " left aside: " + count.cannotSupport());
            } else if (!count.supportsResponse() && !count.exposureWindows().isEmpty()) {
                decisions.add(which + " fails the response within the " + String.join(" and the ",
                        count.exposureWindows()) + ": a failing count all the same");
            } else if (count.supportsResponse() && count.bleedingWhoGrade() == null) {
                decisions.add(which + ": bleeding not assessed, accepted as no bleeding by the protocol");
            }
        }
        boolean unassessedBleedingAccepted = counts.stream()
                .anyMatch(count -> count.supportsResponse() && count.bleedingWhoGrade() == null);
        if (unassessedBleedingAccepted) {
            decisions.add("Counts without a bleeding assessment were taken as without bleeding, as the protocol "
                    + "accepts (acceptUnassessedBleeding)");
        }
        List<CountAssessment> considered = counts.stream().filter(CountAssessment::considered).toList();
        List<CountAssessment> evaluable = considered.stream().filter(CountAssessment::evaluable).toList();
        if (evaluable.isEmpty()) {
            decisions.add("Best response NE: no evaluable count");
            return new ResponseCourse(ResponseStatus.NE, null, null, null, null, null, null, false,
                    ResponseStatus.NE, null, false, counts, decisions);
        }
        CountAssessment last = evaluable.get(evaluable.size() - 1);
        Level response = new Level("Response (R or CR)", EnumSet.of(ResponseStatus.R, ResponseStatus.CR), null);
        Level complete = new Level("CR", EnumSet.of(ResponseStatus.CR), settings.completeResponsePer1e9L());
        // A count below CR that cannot support a response still fails CR: after a CR count, it makes the status R.
        CountAssessment lastForComplete = considered.stream().filter(count -> complete.role(count) != Role.NEITHER)
                .reduce((earlier, later) -> later).orElseThrow();
        ResponseStatus currentStatus = last.status() == ResponseStatus.CR && lastForComplete != last
                ? ResponseStatus.R : last.status();
        String current = "Current status " + currentStatus + ": the last evaluable count, " + countOn(last)
                + (currentStatus == last.status() ? "" : ", is CR, but " + countOn(lastForComplete)
                        + " after it is below CR and cannot support a response");

        Spacing confirmation = new Spacing(settings.confirmationDays(), settings.confirmationStrictlyMore());
        Optional<Span> responded = confirm(response, considered, confirmation, decisions);
        Optional<Span> completed = confirm(complete, considered, confirmation, decisions);
        if (responded.isEmpty()) {
            decisions.add("Best response NR: no response confirmed among " + evaluable.size() + " evaluable counts");
            decisions.add(current);
            return new ResponseCourse(ResponseStatus.NR, null, null, null, null, null, null, false, currentStatus,
                    null, unassessedBleedingAccepted, counts, decisions);
        }

        // Loss is only ever judged strictly: "on two occasions more than 1 day apart".
        Spacing lossSpacing = new Spacing(settings.lossDays(), true);
        Optional<Span> lost = loss(response, considered, responded.get(), lossSpacing, decisions);
        completed.ifPresent(confirmed -> loss(complete, considered, confirmed, lossSpacing, decisions));

        ResponseStatus best = completed.isPresent() ? ResponseStatus.CR : ResponseStatus.R;
        decisions.add("Best response " + best + (completed.isPresent() ? ": CR confirmed" : ": CR not confirmed"));
        LocalDate firstResponseDate = responded.get().first().date();
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
        RescueAfterResponse rescueAfterResponse = rescueAfterResponse(rescues, firstResponseDate, day0, decisions);
        decisions.add(current);
        return new ResponseCourse(best, firstResponseDate, timeToResponseDays, responded.get().second().date(),
                completed.map(span -> span.first().date()).orElse(null), lostResponseOn, durationDays,
                lost.isEmpty(), currentStatus, rescueAfterResponse, unassessedBleedingAccepted, counts, decisions);
    }

    /**
     * The first rescue started on or after the first response date, as a loss-of-response signal; each such rescue
     * is a decision.
     */
    private static RescueAfterResponse rescueAfterResponse(List<TherapyExposure> rescues, LocalDate firstResponseDate,
            LocalDate day0, List<String> decisions) {
        List<TherapyExposure> after = rescues.stream()
                .filter(rescue -> !rescue.start().isBefore(firstResponseDate))
                .toList();
        after.forEach(rescue -> decisions.add("Rescue after the response: " + rescue.describe() + " "
                + rescue.describeDates() + " (day " + daysBetween(day0, rescue.start()) + "), on or after the first "
                + "response date " + firstResponseDate + ": a loss-of-response signal; a loss is dated by two failing "
                + "counts only"));
        return after.stream().findFirst()
                .map(rescue -> new RescueAfterResponse(rescue.start(), daysBetween(day0, rescue.start()),
                        rescue.agent(), rescue.category(), "Rescue with " + rescue.describe() + " started "
                                + rescue.start() + " (day " + daysBetween(day0, rescue.start())
                                + ") after the response from " + firstResponseDate + ": a loss-of-response signal"))
                .orElse(null);
    }

    /** The earliest confirmation of a level, recorded as a decision either way. */
    private static Optional<Span> confirm(Level level, List<CountAssessment> considered, Spacing spacing,
            List<String> decisions) {
        Optional<Span> confirmed = Span.first(considered, 0, level, Role.MEETS, spacing);
        if (confirmed.isPresent()) {
            decisions.add(level.label + " confirmed by " + confirmed.get().describe(spacing, "meeting it"));
        } else {
            decisions.add(considered.stream().filter(count -> level.role(count) == Role.MEETS).findFirst()
                    .map(first -> level.label + " not confirmed: no two evaluable counts meeting it are "
                            + spacing.requirement() + " without a count failing it between (the first meeting it: "
                            + countOn(first) + ")")
                    .orElse(level.label + " met by no evaluable count"));
        }
        return confirmed;
    }

    /** The first loss of a confirmed level after its confirmation, recorded as a decision either way. */
    private static Optional<Span> loss(Level level, List<CountAssessment> considered, Span confirmed,
            Spacing spacing, List<String> decisions) {
        Optional<Span> lost = Span.first(considered, confirmed.secondIndex() + 1, level, Role.FAILS, spacing);
        decisions.add(lost
                .map(span -> level.label + " lost on " + span.first().date() + ": "
                        + span.describe(spacing, "failing it") + " both fail it")
                .orElse(level.label + " not lost: no two evaluable counts failing it " + spacing.requirement()
                        + " after its confirmation on " + confirmed.second().date()));
        return lost;
    }

    /** What a considered count does for a level: meets it, fails it, or neither (left aside). */
    private enum Role {
        MEETS, FAILS, NEITHER
    }

    /**
     * A level of response that counts must meet, and be confirmed at, or fail, and be lost at.
     *
     * @param meeting       the statuses that meet it
     * @param floorPer1e9L  for CR, the count below which a count fails it even when it cannot support a response
     *                      (a count of 90 within an exposure window fails CR); null for the response level, which a
     *                      count that cannot support a response never fails (its value meets it)
     */
    private record Level(String label, Set<ResponseStatus> meeting, BigDecimal floorPer1e9L) {

        Role role(CountAssessment count) {
            if (count.status() != null) {
                return meeting.contains(count.status()) ? Role.MEETS : Role.FAILS;
            }
            return floorPer1e9L != null && count.valuePer1e9L().compareTo(floorPer1e9L) < 0 ? Role.FAILS
                    : Role.NEITHER;
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
     * Two counts both in the wanted role for a level, far enough apart, with no count in the opposite role between
     * them (counts in neither role are left aside); one routine confirms CR and R and finds their loss.
     *
     * @param countsBetween the counts between in the wanted role too
     * @param asideBetween  the counts between in neither role
     */
    private record Span(CountAssessment first, CountAssessment second, int secondIndex, int countsBetween,
            int asideBetween) {

        /** The earliest span from {@code fromIndex} on: within a run of counts in the wanted role, its first. */
        static Optional<Span> first(List<CountAssessment> considered, int fromIndex, Level level, Role wanted,
                Spacing spacing) {
            int runStart = -1;
            for (int index = fromIndex; index < considered.size(); index++) {
                Role role = level.role(considered.get(index));
                if (role == Role.NEITHER) {
                    continue;
                }
                if (role != wanted) {
                    runStart = -1;
                } else if (runStart < 0) {
                    runStart = index;
                } else if (spacing.allows(daysBetween(considered.get(runStart).date(),
                        considered.get(index).date()))) {
                    List<CountAssessment> between = considered.subList(runStart + 1, index);
                    int aside = (int) between.stream().filter(count -> level.role(count) == Role.NEITHER).count();
                    return Optional.of(new Span(considered.get(runStart), considered.get(index), index,
                            between.size() - aside, aside));
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
                    + (asideBetween == 0 ? "" : ", the " + asideBetween + " count" + (asideBetween == 1 ? "" : "s")
                            + " between that cannot support a response left aside")
                    + ")";
        }
    }

    /** Assesses one count against the baseline, Day 0, the exposure windows and any censoring. */
    private record CountAssessor(BigDecimal baselinePer1e9L, LocalDate day0, ExposureWindows windows,
            IwgSettings settings) {

        /**
         * @param censoring the subsequent therapy whose start censors the course, or null
         */
        CountAssessment assess(PlateletCount count, TherapyExposure censoring) {
            int studyDay = daysBetween(day0, count.date());
            Optional<String> exclusion = exclusion(count.date(), censoring);
            if (exclusion.isPresent()) {
                return new CountAssessment(count.date(), studyDay, count.valuePer1e9L(), count.bleedingWhoGrade(),
                        null, exclusion.get(), null, List.of(), "Not evaluated: " + exclusion.get());
            }
            BigDecimal value = count.valuePer1e9L();
            BigDecimal baselineMultiple = baselinePer1e9L.multiply(settings.responseBaselineMultiple());
            Integer grade = count.bleedingWhoGrade();
            boolean bleeding = settings.isBleeding(grade);
            boolean completeByValue = value.compareTo(settings.completeResponsePer1e9L()) >= 0;
            boolean responseByValue = completeByValue || value.compareTo(settings.responsePer1e9L()) >= 0
                    && value.compareTo(baselineMultiple) >= 0;
            ResponseStatus byCount = bleeding || !responseByValue ? ResponseStatus.NR
                    : completeByValue ? ResponseStatus.CR : ResponseStatus.R;

            String levels = completeByValue
                    ? plain(value) + " ≥ " + plain(settings.completeResponsePer1e9L())
                    : plain(value) + " < " + plain(settings.completeResponsePer1e9L())
                            + ", " + atLeast(value, settings.responsePer1e9L()) + plain(settings.responsePer1e9L())
                            + ", " + atLeast(value, baselineMultiple) + plain(settings.responseBaselineMultiple())
                            + " × baseline " + plain(baselinePer1e9L) + " = " + plain(baselineMultiple);
            boolean unassessed = grade == null;
            String bleedingFinding = unassessed
                    ? (settings.acceptUnassessedBleeding()
                            ? "bleeding not assessed, accepted as no bleeding by the protocol"
                            : "bleeding not assessed")
                    : (bleeding ? "bleeding, WHO grade " + grade + " ≥ " : "no bleeding, WHO grade " + grade + " < ")
                            + settings.bleedingWhoGradeThreshold();
            String finding = levels + "; " + bleedingFinding + ": ";

            List<String> within = windows.covering(count.date()).stream().map(ExposureWindows.Window::label)
                    .toList();
            String inWindows = within.isEmpty() ? null : "within the " + String.join(" and the ", within);
            if (byCount == ResponseStatus.NR) {
                return new CountAssessment(count.date(), studyDay, value, grade, ResponseStatus.NR, null, null, within,
                        finding + "NR"
                                + (inWindows == null ? "" : "; " + inWindows + ": a failing count all the same"));
            }
            List<String> reasons = new ArrayList<>();
            if (inWindows != null) {
                reasons.add(inWindows);
            }
            if (unassessed && !settings.acceptUnassessedBleeding()) {
                reasons.add("bleeding not assessed");
            }
            if (reasons.isEmpty()) {
                return new CountAssessment(count.date(), studyDay, value, grade, byCount, null, null, within,
                        finding + byCount);
            }
            String cannotSupport = String.join("; ", reasons) + ": cannot support a response";
            return new CountAssessment(count.date(), studyDay, value, grade, null, null, cannotSupport, within,
                    finding + byCount + " by the count; " + cannotSupport);
        }

        private Optional<String> exclusion(LocalDate date, TherapyExposure censoring) {
            if (!date.isAfter(day0)) {
                return Optional.of("on or before Day 0 (" + day0 + "): only counts after the infusion are evaluated");
            }
            if (censoring != null && !date.isBefore(censoring.start())) {
                return Optional.of("on or after " + censoring.describe() + " started " + censoring.start()
                        + ": the CAR-T response is censored there");
            }
            return Optional.empty();
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
