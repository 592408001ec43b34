package org.celltrial.efficacy.response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a therapy category opens an exposure window: counts from the therapy's start to its last day plus
 * {@code windowDays}, both ends included, cannot support an IWG response, whether the therapy was recorded as
 * RESCUE or CONCOMITANT (Rodeghiero F et al., Blood 2009;113:2386-2393; Provan D et al., Blood Adv
 * 2019;3:3780-3817; docs/clinical-rules.md, ITP response).
 *
 * @param windowDays days after the therapy's last day that the window still covers, ≥ 0
 * @param trigger    which administrations of the category open a window
 */
public record ExposureRule(int windowDays, ExposureTrigger trigger) {

    public ExposureRule {
        if (windowDays < 0) {
            throw new IllegalArgumentException("an exposure window must not be negative, was " + windowDays + " days");
        }
        if (trigger == null) {
            throw new IllegalArgumentException("an exposure rule needs a trigger, one of ANY_DOSE, "
                    + "ABOVE_BASELINE_DOSE, STARTED_OR_INCREASED_AFTER_DAY0");
        }
    }

    /**
     * A rule from settings read as text.
     *
     * @throws IllegalArgumentException for a negative window or an unknown trigger
     */
    public static ExposureRule of(int windowDays, String trigger) {
        return new ExposureRule(windowDays, ExposureTrigger.parse(trigger));
    }

    /**
     * The reference protocol's categories and triggers: GLUCOCORTICOID above the stable baseline dose; IVIG, ANTI_D
     * and PLATELET_TRANSFUSION at any dose; TPO_RA started or increased after Day 0. Each category's window is its
     * entry in {@code windowDaysByCategory}, else {@code windowDays}; a category only in
     * {@code windowDaysByCategory} opens a window at any dose.
     *
     * @throws IllegalArgumentException for a negative window or a blank category
     */
    public static Map<String, ExposureRule> referenceTable(int windowDays, Map<String, Integer> windowDaysByCategory) {
        if (windowDaysByCategory == null || windowDaysByCategory.entrySet().stream().anyMatch(entry -> entry.getKey()
                == null || entry.getKey().isBlank() || entry.getValue() == null)) {
            throw new IllegalArgumentException("windowDaysByCategory must map categories to days, was "
                    + windowDaysByCategory);
        }
        Map<String, ExposureTrigger> triggers = new LinkedHashMap<>();
        triggers.put("GLUCOCORTICOID", ExposureTrigger.ABOVE_BASELINE_DOSE);
        triggers.put("IVIG", ExposureTrigger.ANY_DOSE);
        triggers.put("ANTI_D", ExposureTrigger.ANY_DOSE);
        triggers.put("PLATELET_TRANSFUSION", ExposureTrigger.ANY_DOSE);
        triggers.put("TPO_RA", ExposureTrigger.STARTED_OR_INCREASED_AFTER_DAY0);
        windowDaysByCategory.keySet().forEach(category -> triggers.putIfAbsent(category, ExposureTrigger.ANY_DOSE));
        Map<String, ExposureRule> table = new LinkedHashMap<>();
        triggers.forEach((category, trigger) -> table.put(category,
                new ExposureRule(windowDaysByCategory.getOrDefault(category, windowDays), trigger)));
        return Map.copyOf(table);
    }
}
