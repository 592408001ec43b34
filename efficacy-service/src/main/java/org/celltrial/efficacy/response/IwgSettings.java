package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The protocol's choices for the IWG response. Defaults from Rodeghiero F et al., Blood 2009;113:2386-2393 and the
 * 2019 international consensus report (Provan D et al., Blood Adv 2019;3:3780-3817), as restated in CellTrial
 * docs/clinical-rules.md, ITP response: CR ≥ 100×10⁹/L, R ≥ 30×10⁹/L and ≥ 2 × baseline, both without bleeding (WHO
 * grade ≥ 2); confirmation by two counts more than 7 days apart; loss by two counts more than 1 day apart; counts
 * within 28 days after a rescue therapy don't count.
 *
 * @param completeResponsePer1e9L    lowest count that is a CR
 * @param responsePer1e9L            lowest count that is an R
 * @param responseBaselineMultiple   an R also needs at least this multiple of the baseline count
 * @param confirmationDays           how far apart the two counts confirming a response must be
 * @param confirmationStrictlyMore   true: more than {@code confirmationDays} apart ("> 7 days", the 2019 consensus);
 *                                   false: at least that far ("at least 7 days apart", the 2009 IWG footnote)
 * @param lossDays                   the two counts showing a loss must be strictly more than this many days apart
 * @param defaultRescueWindowDays    days after a rescue therapy's last day whose counts don't count
 * @param rescueWindowDaysByCategory windows that differ from the default, by therapy category
 * @param bleedingWhoGradeThreshold  the lowest WHO bleeding grade that counts as bleeding
 */
public record IwgSettings(BigDecimal completeResponsePer1e9L, BigDecimal responsePer1e9L,
        BigDecimal responseBaselineMultiple, int confirmationDays, boolean confirmationStrictlyMore, int lossDays,
        int defaultRescueWindowDays, Map<String, Integer> rescueWindowDaysByCategory, int bleedingWhoGradeThreshold) {

    public IwgSettings {
        if (completeResponsePer1e9L == null || responsePer1e9L == null || responsePer1e9L.signum() <= 0
                || completeResponsePer1e9L.compareTo(responsePer1e9L) < 0) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < response ≤ complete response, were "
                    + responsePer1e9L + " and " + completeResponsePer1e9L);
        }
        if (responseBaselineMultiple == null || responseBaselineMultiple.signum() <= 0) {
            throw new IllegalArgumentException(
                    "responseBaselineMultiple must be positive, was " + responseBaselineMultiple);
        }
        if (confirmationDays < 0 || lossDays < 0 || defaultRescueWindowDays < 0) {
            throw new IllegalArgumentException("confirmationDays, lossDays and defaultRescueWindowDays must not be "
                    + "negative, were " + confirmationDays + ", " + lossDays + " and " + defaultRescueWindowDays);
        }
        if (rescueWindowDaysByCategory == null || rescueWindowDaysByCategory.entrySet().stream().anyMatch(
                window -> window.getKey() == null || window.getKey().isBlank() || window.getValue() == null
                        || window.getValue() < 0)) {
            throw new IllegalArgumentException("rescueWindowDaysByCategory must map categories to days ≥ 0, was "
                    + rescueWindowDaysByCategory);
        }
        if (bleedingWhoGradeThreshold < 1 || bleedingWhoGradeThreshold > 4) {
            throw new IllegalArgumentException(
                    "bleedingWhoGradeThreshold must be a WHO grade 1–4, was " + bleedingWhoGradeThreshold);
        }
        rescueWindowDaysByCategory = Map.copyOf(rescueWindowDaysByCategory);
    }

    public static IwgSettings defaults() {
        return new IwgSettings(BigDecimal.valueOf(100), BigDecimal.valueOf(30), BigDecimal.valueOf(2), 7, true, 1, 28,
                Map.of(), 2);
    }

    /** The rescue window of a therapy category: its own if configured, else the default. */
    public int rescueWindowDays(String category) {
        return rescueWindowDaysByCategory.getOrDefault(category, defaultRescueWindowDays);
    }

    /** Whether a WHO grade is bleeding; a grade not assessed (null) is no bleeding known. */
    public boolean isBleeding(Integer bleedingWhoGrade) {
        return bleedingWhoGrade != null && bleedingWhoGrade >= bleedingWhoGradeThreshold;
    }
}
