package org.celltrial.efficacy.bcell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * B-cell aplasia, the pharmacodynamic mark of CD19 CAR-T, from CD19⁺ counts per µL (docs/clinical-rules.md,
 * Other efficacy measures; the threshold is the protocol's, default 1 /µL).
 * <ul>
 * <li>Only counts after Day 0 are considered: lymphodepletion and the infusion come first.</li>
 * <li>Aplasia is a count strictly below the threshold; it starts at the first such count.</li>
 * <li>Recovery is the first count at or above the threshold after aplasia starts, confirmed by the next count also
 * at or above it. A count at or above followed by one below is not a recovery; a last count at or above, with no
 * next count, is not a recovery yet.</li>
 * <li>Sustained aplasia: aplasia and no confirmed recovery up to the last count.</li>
 * </ul>
 * Only the first aplasia and the first recovery are reported.
 */
public final class BCellDepletionEvaluator {

    /**
     * @param aplasiaThresholdPerUl a count below it is aplasia (default 1 /µL)
     */
    public BCellAssessment evaluate(List<BCellCount> counts, LocalDate day0, BigDecimal aplasiaThresholdPerUl) {
        if (counts == null || counts.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("counts must be a list without nulls");
        }
        if (day0 == null) {
            throw new IllegalArgumentException("day0 is required");
        }
        if (aplasiaThresholdPerUl == null || aplasiaThresholdPerUl.signum() <= 0) {
            throw new IllegalArgumentException("aplasiaThresholdPerUl must be positive, was " + aplasiaThresholdPerUl);
        }
        Set<LocalDate> dates = new HashSet<>();
        for (BCellCount count : counts) {
            // "The next count" must be one count: two on one day would depend on the order given.
            if (!dates.add(count.date())) {
                throw new IllegalArgumentException("more than one CD19 count on " + count.date());
            }
        }
        List<BCellCount> afterDay0 = counts.stream()
                .filter(count -> count.date().isAfter(day0))
                .sorted(Comparator.comparing(BCellCount::date))
                .toList();
        String threshold = plain(aplasiaThresholdPerUl) + " /µL";
        if (afterDay0.isEmpty()) {
            return new BCellAssessment(null, null, null, null, false, aplasiaThresholdPerUl,
                    "No CD19 count after Day 0 (" + day0 + ")");
        }
        int aplasiaIndex = 0;
        while (aplasiaIndex < afterDay0.size() && isAtOrAbove(afterDay0.get(aplasiaIndex), aplasiaThresholdPerUl)) {
            aplasiaIndex++;
        }
        if (aplasiaIndex == afterDay0.size()) {
            return new BCellAssessment(null, null, null, null, false, aplasiaThresholdPerUl, "No count after Day 0 below "
                    + threshold + ": no B-cell aplasia (" + afterDay0.size() + " count" + (afterDay0.size() == 1 ? "" : "s") + ")");
        }
        BCellCount aplasia = afterDay0.get(aplasiaIndex);
        List<String> explanation = new ArrayList<>();
        explanation.add("Aplasia from " + describe(aplasia, day0) + " < " + threshold);
        for (int index = aplasiaIndex + 1; index < afterDay0.size(); index++) {
            BCellCount candidate = afterDay0.get(index);
            if (!isAtOrAbove(candidate, aplasiaThresholdPerUl)) {
                continue;
            }
            if (index + 1 == afterDay0.size()) {
                explanation.add(describe(candidate, day0) + " ≥ " + threshold
                        + " is the last count: not a recovery yet, until the next count confirms it");
                break;
            }
            BCellCount next = afterDay0.get(index + 1);
            if (isAtOrAbove(next, aplasiaThresholdPerUl)) {
                explanation.add("recovery from " + describe(candidate, day0) + " ≥ " + threshold
                        + ", confirmed by the next count, " + describe(next, day0));
                return new BCellAssessment(studyDay(day0, aplasia), aplasia.date(), studyDay(day0, candidate),
                        candidate.date(), false, aplasiaThresholdPerUl, String.join("; ", explanation));
            }
            explanation.add(describe(candidate, day0) + " ≥ " + threshold + " is no recovery: the next count, "
                    + describe(next, day0) + ", is below");
        }
        BCellCount last = afterDay0.get(afterDay0.size() - 1);
        explanation.add("aplasia sustained: no confirmed recovery up to the last count, " + describe(last, day0));
        return new BCellAssessment(studyDay(day0, aplasia), aplasia.date(), null, null, true, aplasiaThresholdPerUl,
                String.join("; ", explanation));
    }

    private static boolean isAtOrAbove(BCellCount count, BigDecimal threshold) {
        return count.cd19PerUl().compareTo(threshold) >= 0;
    }

    /** "0.4 /µL on 2025-02-15 (day 14)". */
    private static String describe(BCellCount count, LocalDate day0) {
        return plain(count.cd19PerUl()) + " /µL on " + count.date() + " (day " + studyDay(day0, count) + ")";
    }

    private static int studyDay(LocalDate day0, BCellCount count) {
        return Math.toIntExact(ChronoUnit.DAYS.between(day0, count.date()));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
