package org.celltrial.efficacy.response;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rescue independence after the CAR-T: per rescue category, when the patient last needed rescue before and after
 * Day 0 and since when no more was needed; and whether the patient was rescue-free at the cut-off. Needing rescue
 * is part of the assessment of ITP response and its loss (Provan D et al., Blood Adv 2019;3:3780-3817; Rodeghiero F
 * et al., Blood 2009;113:2386-2393; docs/clinical-rules.md, ITP response, rescue independence).
 * <ul>
 * <li>Only therapies of kind RESCUE count, of any category, started on or before the cut-off ({@code asOf}).
 * "Before Day 0" is a start before Day 0; "after Day 0" a start on or after it.</li>
 * <li>A rescue's last day is its end, or its start when it has none (a single administration).</li>
 * <li>Per category: the last rescue before Day 0 (latest start), the last rescue after Day 0 (latest last day).
 * The category is independent at the cut-off when every rescue of it ended before the cut-off; it is independent
 * since the day after the latest last day of its rescues, or Day 0 when that is before Day 0 ("IVIG-independent
 * since day 84"). A rescue still given on the cut-off (its last day on or after it) makes the category not
 * independent.</li>
 * <li>Rescue-free at the cut-off: no rescue's days, from its start to its last day, overlap the
 * {@code rescueFreeDays} days up to and including the cut-off (28 in the reference protocol).</li>
 * </ul>
 */
public final class RescueIndependence {

    /**
     * @param therapies the patient's therapies, of any kind (only RESCUE ones count)
     * @param asOf      the cut-off, on or after Day 0
     * @param rescueFreeDays how many days up to and including the cut-off must be free of rescue, ≥ 1
     * @throws IllegalArgumentException for missing arguments, a list with nulls, a cut-off before Day 0 or fewer than
     *                                  1 rescue-free day
     */
    public RescueIndependenceAssessment assess(LocalDate day0, List<TherapyExposure> therapies, LocalDate asOf,
            int rescueFreeDays) {
        if (day0 == null || asOf == null) {
            throw new IllegalArgumentException("day0 and asOf are required");
        }
        if (asOf.isBefore(day0)) {
            throw new IllegalArgumentException("asOf " + asOf + " must not be before Day 0 " + day0);
        }
        if (therapies == null || therapies.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("therapies must be a list without nulls");
        }
        if (rescueFreeDays < 1) {
            throw new IllegalArgumentException("rescueFreeDays must be at least 1, was " + rescueFreeDays);
        }
        List<TherapyExposure> rescues = therapies.stream()
                .filter(therapy -> therapy.kind() == TherapyKind.RESCUE && !therapy.start().isAfter(asOf))
                .sorted(Comparator.comparing(TherapyExposure::start))
                .toList();
        Map<String, List<TherapyExposure>> byCategory = new LinkedHashMap<>();
        rescues.stream().sorted(Comparator.comparing(TherapyExposure::category))
                .forEach(rescue -> byCategory.computeIfAbsent(rescue.category(), category -> new ArrayList<>())
                        .add(rescue));
        List<String> decisions = new ArrayList<>();
        List<CategoryIndependence> categories = byCategory.entrySet().stream()
                .map(entry -> category(entry.getKey(), entry.getValue(), day0, asOf, decisions))
                .toList();

        LocalDate freeFrom = asOf.minusDays(rescueFreeDays - 1L);
        List<TherapyExposure> recent = rescues.stream()
                .filter(rescue -> !rescue.lastDay().isBefore(freeFrom))
                .toList();
        boolean rescueFree = recent.isEmpty();
        decisions.add(rescueFree
                ? "Rescue-free at the cut-off " + asOf + ": no rescue from " + freeFrom + " to " + asOf + " ("
                        + rescueFreeDays + " days)"
                : "Not rescue-free at the cut-off " + asOf + ": " + String.join(", ", recent.stream()
                        .map(rescue -> rescue.describe() + " " + rescue.describeDates()).toList())
                        + " within " + freeFrom + " to " + asOf + " (" + rescueFreeDays + " days)");
        return new RescueIndependenceAssessment(day0, asOf, rescueFreeDays, rescueFree, categories, decisions);
    }

    private static CategoryIndependence category(String category, List<TherapyExposure> rescues, LocalDate day0,
            LocalDate asOf, List<String> decisions) {
        Optional<TherapyExposure> lastBefore = rescues.stream()
                .filter(rescue -> rescue.start().isBefore(day0))
                .max(Comparator.comparing(TherapyExposure::start).thenComparing(TherapyExposure::lastDay));
        Optional<TherapyExposure> lastAfter = rescues.stream()
                .filter(rescue -> !rescue.start().isBefore(day0))
                .max(Comparator.comparing(TherapyExposure::lastDay).thenComparing(TherapyExposure::start));
        TherapyExposure latest = rescues.stream().max(Comparator.comparing(TherapyExposure::lastDay)
                .thenComparing(TherapyExposure::start)).orElseThrow();
        boolean independent = latest.lastDay().isBefore(asOf);
        LocalDate since = null;
        Integer sinceDay = null;
        String explanation;
        if (!independent) {
            explanation = category + " not independent at the cut-off " + asOf + ": " + latest.describe() + " "
                    + latest.describeDates() + " still given on it";
        } else {
            LocalDate dayAfter = latest.lastDay().plusDays(1);
            since = dayAfter.isBefore(day0) ? day0 : dayAfter;
            sinceDay = daysBetween(day0, since);
            explanation = category + "-independent since day " + sinceDay + " (" + since + "): "
                    + (latest.lastDay().isBefore(day0)
                            ? "no rescue on or after Day 0 (" + day0 + ")"
                            : "the day after the last rescue, " + latest.describe() + " " + latest.describeDates())
                    + ", up to the cut-off " + asOf;
        }
        decisions.add(explanation);
        return new CategoryIndependence(category, lastBefore.map(rescue -> RescueGiven.of(rescue, day0)).orElse(null),
                lastAfter.map(rescue -> RescueGiven.of(rescue, day0)).orElse(null), independent, since, sinceDay,
                explanation);
    }

    private static int daysBetween(LocalDate from, LocalDate to) {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }

    /**
     * Rescue independence of a patient at a cut-off.
     *
     * @param rescueFreeDays     the days up to and including the cut-off that had to be free of rescue
     * @param rescueFreeAtCutOff true when no rescue was given in those days
     * @param categories         per rescue category the patient received, in alphabetical order
     * @param decisions          each finding, for reports
     */
    public record RescueIndependenceAssessment(LocalDate day0, LocalDate asOf, int rescueFreeDays,
            boolean rescueFreeAtCutOff, List<CategoryIndependence> categories, List<String> decisions) {

        public RescueIndependenceAssessment {
            if (day0 == null || asOf == null || categories == null || decisions == null) {
                throw new IllegalArgumentException("day0, asOf, categories and decisions are required");
            }
            categories = List.copyOf(categories);
            decisions = List.copyOf(decisions);
        }

        /** The independence of one category; empty when the patient received no rescue of it. */
        public Optional<CategoryIndependence> category(String category) {
            return categories.stream().filter(independence -> independence.category().equals(category)).findFirst();
        }
    }

    /**
     * Independence from one rescue category.
     *
     * @param lastBeforeDay0      the rescue of the category with the latest start before Day 0; null when none
     * @param lastAfterDay0       the rescue of the category started on or after Day 0 with the latest last day; null
     *                            when none
     * @param independent         true when every rescue of the category ended before the cut-off
     * @param independentSince    the day after the latest last day of its rescues, or Day 0 when that is earlier;
     *                            null when not independent
     * @param independentSinceDay that date as a study day (0 = Day 0); null when not independent
     */
    public record CategoryIndependence(String category, RescueGiven lastBeforeDay0, RescueGiven lastAfterDay0,
            boolean independent, LocalDate independentSince, Integer independentSinceDay, String explanation) {

        public CategoryIndependence {
            if (category == null || explanation == null) {
                throw new IllegalArgumentException("category and explanation are required");
            }
            if (independent == (independentSince == null) || independent == (independentSinceDay == null)) {
                throw new IllegalArgumentException("an independent category, and only one, has a date and a study "
                        + "day it is independent since");
            }
        }
    }

    /**
     * One rescue, placed in study days.
     *
     * @param lastDay its end, or its start when given once
     */
    public record RescueGiven(String agent, LocalDate start, LocalDate lastDay, int startStudyDay,
            int lastStudyDay) {

        static RescueGiven of(TherapyExposure rescue, LocalDate day0) {
            return new RescueGiven(rescue.agent(), rescue.start(), rescue.lastDay(), daysBetween(day0, rescue.start()),
                    daysBetween(day0, rescue.lastDay()));
        }
    }
}
