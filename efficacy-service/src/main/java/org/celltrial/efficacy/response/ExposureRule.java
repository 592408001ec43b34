package org.celltrial.efficacy.response;


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
}
