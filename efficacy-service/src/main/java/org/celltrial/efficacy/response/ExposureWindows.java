package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exposure windows a patient's therapies open, by the protocol's table by category
 * ({@link IwgSettings#exposureWindows()}), whatever the therapy was recorded as (RESCUE or CONCOMITANT; a SUBSEQUENT
 * therapy censors instead). A count in a window cannot support an IWG response, a failing count in it still fails
 * (Rodeghiero F et al., Blood 2009;113:2386-2393; Provan D et al., Blood Adv 2019;3:3780-3817; docs/clinical-rules.md,
 * ITP response).
 * <ul>
 * <li>A window runs from the therapy's start to its last day (its end, or its start when it has none) plus the
 * category's days, both ends included.</li>
 * <li>The stable baseline dose of a category: the dose of the last CONCOMITANT therapy of that category started
 * before Day 0 and still given on Day 0 (no end, or an end on or after Day 0); none is a baseline of 0. Rescue
 * therapies are never a stable baseline.</li>
 * <li>{@link ExposureTrigger#ANY_DOSE}: every therapy opens a window. {@link ExposureTrigger#ABOVE_BASELINE_DOSE}:
 * every therapy but the baseline itself whose dose is above the baseline dose.
 * {@link ExposureTrigger#STARTED_OR_INCREASED_AFTER_DAY0}: a therapy started on or after Day 0, when there is no
 * baseline (started) or its dose is above the baseline dose (increased).</li>
 * <li>Doses are compared in the same unit only. A dose not recorded, without a unit, or in another unit than the
 * baseline's (or a baseline without a dose or unit) cannot be compared: the therapy opens a window, conservatively,
 * and the window says so.</li>
 * </ul>
 */
final class ExposureWindows {

    /**
     * One window.
     *
     * @param note why the window was opened without a dose comparison, or null
     */
    record Window(TherapyExposure therapy, LocalDate from, LocalDate to, String note) {

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }

        /** "IVIG exposure window (to 2025-04-12)". */
        String label() {
            return therapy.describe() + " exposure window (to " + to + (note == null ? "" : "; " + note) + ")";
        }
    }

    private final List<Window> windows;
    private final List<String> decisions;

    private ExposureWindows(List<Window> windows, List<String> decisions) {
        this.windows = List.copyOf(windows);
        this.decisions = List.copyOf(decisions);
    }

    /**
     * @param therapies the therapies up to the cut-off, in order of their start
     */
    static ExposureWindows of(LocalDate day0, List<TherapyExposure> therapies, IwgSettings settings) {
        List<Window> windows = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        for (TherapyExposure therapy : therapies) {
            if (therapy.kind() == TherapyKind.SUBSEQUENT) {
                continue;
            }
            String given = therapy.describe() + " " + therapy.describeDates();
            Optional<ExposureRule> found = settings.exposureRule(therapy.category());
            if (found.isEmpty()) {
                if (therapy.kind() == TherapyKind.RESCUE) {
                    decisions.add("No exposure window for rescue " + given + ": " + therapy.category()
                            + " is not in the protocol's table of exposure windows");
                }
                continue;
            }
            ExposureRule rule = found.get();
            LocalDate to = therapy.lastDay().plusDays(rule.windowDays());
            String window = therapy.category() + " window " + rule.windowDays() + " days after the last day";
            if (rule.trigger() == ExposureTrigger.ANY_DOSE) {
                windows.add(new Window(therapy, therapy.start(), to, null));
                decisions.add(opened(given, "any dose; " + window, therapy.start(), to));
                continue;
            }
            Optional<TherapyExposure> baseline = baseline(therapy.category(), day0, therapies);
            if (baseline.isPresent() && baseline.get() == therapy) {
                decisions.add("No exposure window for " + given + ", " + therapy.describeDose()
                        + ": the stable baseline dose of " + therapy.category() + " before Day 0 (" + day0 + ")");
                continue;
            }
            boolean startedOrIncreased = rule.trigger() == ExposureTrigger.STARTED_OR_INCREASED_AFTER_DAY0;
            if (startedOrIncreased && therapy.start().isBefore(day0)) {
                decisions.add("No exposure window for " + given + ": started before Day 0 (" + day0
                        + "), neither started nor increased after it");
                continue;
            }
            if (startedOrIncreased && baseline.isEmpty()) {
                windows.add(new Window(therapy, therapy.start(), to, null));
                decisions.add(opened(given, "started on or after Day 0 (" + day0 + ") without a stable dose before "
                        + "it; " + window, therapy.start(), to));
                continue;
            }
            Comparison comparison = compare(therapy, baseline);
            if (comparison.opens()) {
                windows.add(new Window(therapy, therapy.start(), to, comparison.note()));
                decisions.add(opened(given, (startedOrIncreased ? "increased: " : "") + comparison.finding() + "; "
                        + window, therapy.start(), to));
            } else {
                decisions.add("No exposure window for " + given + ": " + comparison.finding());
            }
        }
        return new ExposureWindows(windows, decisions);
    }

    /** The windows covering a date, in order of their therapy's start. */
    List<Window> covering(LocalDate date) {
        return windows.stream().filter(window -> window.covers(date)).toList();
    }

    /** Each window opened, and each therapy of the table that opened none, and why. */
    List<String> decisions() {
        return decisions;
    }

    private static String opened(String given, String why, LocalDate from, LocalDate to) {
        return "Exposure window for " + given + " (" + why + "): counts from " + from + " to " + to
                + " cannot support a response, failing counts still fail";
    }

    /** The last CONCOMITANT therapy of the category started before Day 0 and still given on Day 0. */
    private static Optional<TherapyExposure> baseline(String category, LocalDate day0,
            List<TherapyExposure> therapies) {
        return therapies.stream()
                .filter(therapy -> therapy.kind() == TherapyKind.CONCOMITANT
                        && therapy.category().equals(category)
                        && therapy.start().isBefore(day0)
                        && (therapy.end() == null || !therapy.end().isBefore(day0)))
                .reduce((earlier, later) -> later);
    }

    /**
     * A therapy's dose against the stable baseline dose of its category.
     *
     * @param opens   whether it opens a window: above the baseline, or not comparable
     * @param finding the comparison, for people
     * @param note    for a window opened without a comparison, why; else null
     */
    private record Comparison(boolean opens, String finding, String note) {
    }

    private static Comparison compare(TherapyExposure therapy, Optional<TherapyExposure> baseline) {
        String against = baseline
                .map(stable -> "the stable baseline dose " + stable.describeDose() + " (" + stable.agent() + " "
                        + stable.describeDates() + ")")
                .orElse("the stable baseline dose 0 (none before Day 0)");
        String notComparable = "dose not comparable with the stable baseline dose, taken as above it";
        if (therapy.doseValue() == null) {
            return new Comparison(true, "dose not recorded, cannot be compared with " + against
                    + ": taken as above it", notComparable);
        }
        if (therapy.doseUnit() == null) {
            return new Comparison(true, "dose " + therapy.describeDose() + " without a unit cannot be compared with "
                    + against + ": taken as above it", notComparable);
        }
        BigDecimal baselineDose = BigDecimal.ZERO;
        if (baseline.isPresent()) {
            TherapyExposure stable = baseline.get();
            if (stable.doseValue() == null || stable.doseUnit() == null
                    || !stable.doseUnit().equals(therapy.doseUnit())) {
                return new Comparison(true, "dose " + therapy.describeDose() + " cannot be compared with " + against
                        + ": taken as above it", notComparable);
            }
            baselineDose = stable.doseValue();
        }
        boolean above = therapy.doseValue().compareTo(baselineDose) > 0;
        return new Comparison(above, therapy.describeDose() + (above ? " above " : " not above ") + against, null);
    }
}
