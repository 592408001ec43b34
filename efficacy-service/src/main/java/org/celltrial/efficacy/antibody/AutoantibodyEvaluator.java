package org.celltrial.efficacy.antibody;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads platelet glycoprotein autoantibody ELISAs (GPIIb/IIIa, GPIb/IX, GPIa/IIa) before and after the CAR-T, per
 * docs/clinical-rules.md, Other efficacy measures: a rule of the study protocol, as the IWG (Rodeghiero F et
 * al., Blood 2009;113:2386-2393) and the 2019 consensus (Provan D et al., Blood Adv 2019;3:3780-3817) define
 * response by the platelet count alone.
 * <ul>
 * <li>A result is positive when its optical density is at or above the assay's cut-off; at the cut-off is
 * positive.</li>
 * <li>A target's baseline is its last result on or before Day 0.</li>
 * <li>A target is negative since the first result after Day 0 from which every later result is negative.</li>
 * <li>All negative after infusion: at least one target was positive at baseline, and every target positive at
 * baseline, or positive at any result after Day 0, is negative since a result after Day 0. A target newly positive
 * after the infusion therefore keeps "all negative" false until it is negative again. Since: the latest of those
 * targets' negative-since dates. No target positive at baseline: nothing turned negative, so false.</li>
 * </ul>
 * Results of a target on the same day keep the order given.
 */
public final class AutoantibodyEvaluator {

    public AutoantibodyAssessment evaluate(List<AutoantibodyResult> results, LocalDate day0) {
        if (results == null || results.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("results must be a list without nulls");
        }
        if (day0 == null) {
            throw new IllegalArgumentException("day0 is required");
        }
        Map<GpTarget, List<AutoantibodyResult>> byTarget = results.stream()
                .sorted(Comparator.comparing(AutoantibodyResult::date))
                .collect(Collectors.groupingBy(AutoantibodyResult::target, () -> new EnumMap<>(GpTarget.class),
                        Collectors.toList()));
        List<TargetCourse> targets = byTarget.entrySet().stream()
                .map(target -> course(target.getKey(), target.getValue(), day0))
                .toList();

        boolean anyPositiveAtBaseline = targets.stream().anyMatch(target -> target.baseline() == AntibodyStatus.POSITIVE);
        List<TargetCourse> everPositive = targets.stream()
                .filter(target -> target.baseline() == AntibodyStatus.POSITIVE || target.series().stream()
                        .anyMatch(reading -> reading.studyDay() > 0 && reading.status() == AntibodyStatus.POSITIVE))
                .toList();
        List<TargetCourse> notNegative = everPositive.stream().filter(target -> target.negativeSince() == null).toList();
        boolean allNegative = anyPositiveAtBaseline && notNegative.isEmpty();
        LocalDate allNegativeSince = allNegative
                ? everPositive.stream().map(TargetCourse::negativeSince).max(Comparator.naturalOrder()).orElseThrow()
                : null;

        String conclusion;
        if (!anyPositiveAtBaseline) {
            conclusion = "No target positive at baseline: nothing turned negative, so not all negative after infusion";
        } else if (allNegative) {
            conclusion = "All negative after infusion since " + allNegativeSince + ": every target positive at "
                    + "baseline or after Day 0 (" + labels(everPositive) + ") is negative from then on";
        } else {
            conclusion = "Not all negative after infusion: " + labels(notNegative)
                    + " not negative since a result after Day 0";
        }
        String findings = targets.isEmpty()
                ? "No ELISA result"
                : targets.stream().map(AutoantibodyEvaluator::describe).collect(Collectors.joining("; "));
        return new AutoantibodyAssessment(targets, anyPositiveAtBaseline, allNegative, allNegativeSince,
                findings + ". " + conclusion);
    }

    private static TargetCourse course(GpTarget target, List<AutoantibodyResult> results, LocalDate day0) {
        List<TargetCourse.Reading> series = results.stream().map(result -> read(result, day0)).toList();
        // Walk back from the last result while negative: the earliest of that run after Day 0 is "negative since".
        LocalDate negativeSince = null;
        for (int index = series.size() - 1; index >= 0; index--) {
            TargetCourse.Reading reading = series.get(index);
            if (reading.studyDay() <= 0 || reading.status() == AntibodyStatus.POSITIVE) {
                break;
            }
            negativeSince = reading.date();
        }
        return new TargetCourse(target, baselineReading(series).map(TargetCourse.Reading::status).orElse(null), series,
                negativeSince, series.get(series.size() - 1).status());
    }

    private static TargetCourse.Reading read(AutoantibodyResult result, LocalDate day0) {
        boolean positive = result.opticalDensity().compareTo(result.cutoff()) >= 0;
        String explanation = "OD " + result.opticalDensity().toPlainString() + (positive ? " ≥ " : " < ") + "cut-off "
                + result.cutoff().toPlainString() + (positive ? ": positive" : ": negative");
        return new TargetCourse.Reading(result.date(), Math.toIntExact(ChronoUnit.DAYS.between(day0, result.date())),
                result.opticalDensity(), result.cutoff(), positive ? AntibodyStatus.POSITIVE : AntibodyStatus.NEGATIVE,
                explanation);
    }

    private static Optional<TargetCourse.Reading> baselineReading(List<TargetCourse.Reading> series) {
        return series.stream().filter(reading -> reading.studyDay() <= 0).reduce((earlier, later) -> later);
    }

    /** "GPIIb/IIIa: positive at baseline on 2025-01-28 (OD 0.41 ≥ cut-off 0.30: positive), negative since ...". */
    private static String describe(TargetCourse target) {
        String baseline = baselineReading(target.series())
                .map(reading -> reading.status().name().toLowerCase(Locale.ROOT) + " at baseline on " + reading.date()
                        + " (" + reading.explanation() + ")")
                .orElse("no result on or before Day 0");
        TargetCourse.Reading last = target.series().get(target.series().size() - 1);
        String after;
        if (last.studyDay() <= 0) {
            after = "no result after Day 0";
        } else if (target.negativeSince() != null) {
            after = "negative since " + target.negativeSince() + " to the last result on " + last.date();
        } else {
            after = "positive at the last result on " + last.date() + " (" + last.explanation() + ")";
        }
        return target.target().label() + ": " + baseline + ", " + after;
    }

    private static String labels(List<TargetCourse> targets) {
        return targets.stream().map(target -> target.target().label()).collect(Collectors.joining(", "));
    }
}
