package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The protocol's choices for the IWG response rules ({@code celltrial.efficacy.iwg.*}). */
@ConfigMapping(prefix = "celltrial.efficacy.iwg")
public interface IwgConfig {

    @WithDefault("100")
    BigDecimal completeResponsePer1e9L();

    @WithDefault("30")
    BigDecimal responsePer1e9L();

    @WithDefault("2")
    BigDecimal responseBaselineMultiple();

    @WithDefault("7")
    int confirmationDays();

    @WithDefault("true")
    boolean confirmationStrictlyMore();

    @WithDefault("1")
    int lossDays();

    @WithDefault("28")
    int defaultRescueWindowDays();

    /** Rescue windows that differ from the default, by therapy category, e.g. {@code PLATELET_TRANSFUSION=7}. */
    Map<String, Integer> rescueWindowDays();

    @WithDefault("2")
    int bleedingWhoGradeThreshold();

    default IwgSettings settings() {
        return new IwgSettings(completeResponsePer1e9L(), responsePer1e9L(), responseBaselineMultiple(),
                confirmationDays(), confirmationStrictlyMore(), lossDays(),
                ExposureRule.referenceTable(defaultRescueWindowDays(), rescueWindowDays()), bleedingWhoGradeThreshold(),
                false);
    }
}
