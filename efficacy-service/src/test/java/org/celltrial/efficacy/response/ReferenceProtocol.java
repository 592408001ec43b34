package org.celltrial.efficacy.response;

import static org.celltrial.efficacy.response.ExposureTrigger.ABOVE_BASELINE_DOSE;
import static org.celltrial.efficacy.response.ExposureTrigger.ANY_DOSE;
import static org.celltrial.efficacy.response.ExposureTrigger.STARTED_OR_INCREASED_AFTER_DAY0;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference protocol's IWG settings (docs/clinical-rules.md, ITP response; Rodeghiero F et al., Blood
 * 2009;113:2386-2393; Provan D et al., Blood Adv 2019;3:3780-3817), written out once for every test, and variations
 * of them.
 */
final class ReferenceProtocol {

    static final Map<String, ExposureRule> EXPOSURE_WINDOWS = Map.of(
            "GLUCOCORTICOID", new ExposureRule(28, ABOVE_BASELINE_DOSE),
            "IVIG", new ExposureRule(28, ANY_DOSE),
            "ANTI_D", new ExposureRule(28, ANY_DOSE),
            "PLATELET_TRANSFUSION", new ExposureRule(28, ANY_DOSE),
            "TPO_RA", new ExposureRule(28, STARTED_OR_INCREASED_AFTER_DAY0));

    private ReferenceProtocol() {
    }

    /** CR ≥ 100, R ≥ 30 and ≥ 2 × baseline, > 7 days, loss > 1 day, WHO grade ≥ 2, bleeding must be assessed. */
    static IwgSettings settings() {
        return variant().build();
    }

    static Variant variant() {
        return new Variant();
    }

    /** The reference settings with some values changed. */
    static final class Variant {

        private int confirmationDays = 7;
        private boolean strictlyMore = true;
        private final Map<String, ExposureRule> windows = new HashMap<>(EXPOSURE_WINDOWS);
        private int bleedingWhoGradeThreshold = 2;
        private boolean acceptUnassessedBleeding;

        Variant confirmation(int days, boolean strictly) {
            confirmationDays = days;
            strictlyMore = strictly;
            return this;
        }

        Variant window(String category, int days, ExposureTrigger trigger) {
            windows.put(category, new ExposureRule(days, trigger));
            return this;
        }

        Variant bleedingWhoGradeThreshold(int grade) {
            bleedingWhoGradeThreshold = grade;
            return this;
        }

        Variant acceptUnassessedBleeding() {
            acceptUnassessedBleeding = true;
            return this;
        }

        IwgSettings build() {
            return new IwgSettings(BigDecimal.valueOf(100), BigDecimal.valueOf(30), BigDecimal.valueOf(2),
                    confirmationDays, strictlyMore, 1, windows, bleedingWhoGradeThreshold, acceptUnassessedBleeding);
        }
    }
}
