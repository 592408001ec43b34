package org.celltrial.efficacy.response;

import java.util.Arrays;

/**
 * When a therapy of a category in the protocol's exposure table opens an exposure window, whose platelet counts
 * cannot support an IWG response (Provan D et al., Blood Adv 2019;3:3780-3817: a response must not be attributable
 * to rescue medication; docs/clinical-rules.md, ITP response).
 */
public enum ExposureTrigger {
    /** Any administration opens a window (IVIG, anti-D, platelet transfusion). */
    ANY_DOSE,
    /**
     * Only a dose above the patient's stable baseline dose of the category opens a window (glucocorticoids): the
     * baseline is the dose of the last same-category, non-rescue therapy started before Day 0 and still given on
     * Day 0; none is a baseline of 0.
     */
    ABOVE_BASELINE_DOSE,
    /**
     * Only a therapy started on or after Day 0 without a stable baseline dose of the category, or at a higher dose
     * than that baseline (increased), opens a window (TPO receptor agonists).
     */
    STARTED_OR_INCREASED_AFTER_DAY0;

    /**
     * The trigger named, for settings read as text.
     *
     * @throws IllegalArgumentException when the name is none of the triggers
     */
    public static ExposureTrigger parse(String name) {
        if (name != null) {
            for (ExposureTrigger trigger : values()) {
                if (trigger.name().equals(name.strip())) {
                    return trigger;
                }
            }
        }
        throw new IllegalArgumentException("exposure trigger must be one of " + Arrays.toString(values()) + ", was "
                + name);
    }
}
