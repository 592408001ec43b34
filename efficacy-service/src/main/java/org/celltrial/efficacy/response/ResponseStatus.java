package org.celltrial.efficacy.response;

/**
 * IWG response categories (Rodeghiero F et al., Blood 2009;113:2386-2393; Provan D et al., Blood Adv
 * 2019;3:3780-3817).
 */
public enum ResponseStatus {
    /** Complete response: ≥ 100×10⁹/L and no bleeding. */
    CR,
    /** Response: ≥ 30×10⁹/L and at least twice the baseline, and no bleeding. */
    R,
    /** No response: below 30×10⁹/L, or below twice the baseline, or bleeding. */
    NR,
    /** Not evaluable: no count could be assessed. */
    NE
}
