package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.celltrial.common.enrollment.ProtocolReference;

/**
 * The protocol's choices for the IWG response (Rodeghiero F et al., Blood 2009;113:2386-2393; the 2019
 * international consensus report, Provan D et al., Blood Adv 2019;3:3780-3817), as restated in CellTrial
 * docs/clinical-rules.md, ITP response. The reference protocol: CR ≥ 100×10⁹/L, R ≥ 30×10⁹/L and ≥ 2 × baseline,
 * both without bleeding (WHO grade ≥ 2) and with bleeding assessed; confirmation by two counts more than 7 days
 * apart; loss by two counts more than 1 day apart; 28-day exposure windows after IVIG, anti-D, platelet
 * transfusion, a glucocorticoid above the stable baseline dose and a TPO receptor agonist started or increased
 * after Day 0.
 *
 * @param completeResponsePer1e9L  lowest count that is a CR
 * @param responsePer1e9L          lowest count that is an R
 * @param responseBaselineMultiple an R also needs at least this multiple of the baseline count
 * @param confirmationDays         how far apart the two counts confirming a response must be
 * @param confirmationStrictlyMore true: more than {@code confirmationDays} apart ("> 7 days", the 2019 consensus);
 *                                 false: at least that far ("at least 7 days apart", the 2009 IWG footnote)
 * @param lossDays                 the two counts showing a loss must be strictly more than this many days apart
 * @param exposureWindows          by therapy category, which of its therapies open an exposure window and for how
 *                                 many days after their last day; a category not in it opens none
 * @param bleedingWhoGradeThreshold the lowest WHO bleeding grade that counts as bleeding
 * @param acceptUnassessedBleeding true: a count without a bleeding assessment is taken as without bleeding (and the
 *                                 course says so); false (the reference protocol): such a count cannot support a
 *                                 response
 */
public record IwgSettings(BigDecimal completeResponsePer1e9L, BigDecimal responsePer1e9L,
        BigDecimal responseBaselineMultiple, int confirmationDays, boolean confirmationStrictlyMore, int lossDays,
        Map<String, ExposureRule> exposureWindows, int bleedingWhoGradeThreshold, boolean acceptUnassessedBleeding) {

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
        if (confirmationDays < 0 || lossDays < 0) {
            throw new IllegalArgumentException("confirmationDays and lossDays must not be negative, were "
                    + confirmationDays + " and " + lossDays);
        }
        if (exposureWindows == null || exposureWindows.entrySet().stream().anyMatch(window -> window.getKey() == null
                || window.getKey().isBlank() || window.getValue() == null)) {
            throw new IllegalArgumentException("exposureWindows must map categories to exposure rules, was "
                    + exposureWindows);
        }
        if (bleedingWhoGradeThreshold < 1 || bleedingWhoGradeThreshold > 4) {
            throw new IllegalArgumentException(
                    "bleedingWhoGradeThreshold must be a WHO grade 1–4, was " + bleedingWhoGradeThreshold);
        }
        exposureWindows = Map.copyOf(exposureWindows);
    }

    /**
     * The settings a protocol version names (docs/clinical-rules.md, Protocol settings).
     *
     * @throws IllegalArgumentException when the version names none, or an exposure rule that does not read
     */
    public static IwgSettings of(ProtocolReference protocol) {
        ProtocolReference.EfficacyResponse response = protocol.efficacyResponse();
        if (response == null) {
            throw new IllegalArgumentException("protocol version " + protocol.version() + " names no efficacyResponse");
        }
        Map<String, ExposureRule> windows = new TreeMap<>();
        response.exposureWindows().forEach((category, window) -> windows.put(category,
                ExposureRule.of(window.windowDays(), window.trigger())));
        return new IwgSettings(response.completeResponsePer1e9L(), response.responsePer1e9L(),
                response.responseBaselineMultiple(), response.confirmationDays(), response.confirmationStrictlyMore(),
                response.lossDays(), windows, response.bleedingWhoGradeThreshold(), response.acceptUnassessedBleeding());
    }

    /** The exposure rule of a therapy category; empty when the category opens no window. */
    public Optional<ExposureRule> exposureRule(String category) {
        return Optional.ofNullable(exposureWindows.get(category));
    }

    /**
     * Whether a WHO grade is bleeding; a grade not assessed (null) is not known bleeding.
     *
     * @throws IllegalArgumentException for a grade outside 0–4
     */
    public boolean isBleeding(Integer bleedingWhoGrade) {
        if (bleedingWhoGrade != null && (bleedingWhoGrade < 0 || bleedingWhoGrade > 4)) {
            throw new IllegalArgumentException("a WHO bleeding grade is 0–4, was " + bleedingWhoGrade);
        }
        return bleedingWhoGrade != null && bleedingWhoGrade >= bleedingWhoGradeThreshold;
    }
}
