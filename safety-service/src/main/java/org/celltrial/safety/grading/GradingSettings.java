package org.celltrial.safety.grading;

import java.time.Duration;

import org.celltrial.common.enrollment.ProtocolReference;
import org.celltrial.safety.ctcae.CtcaeVersion;

/**
 * How safety is graded under one protocol version (docs/clinical-rules.md, Protocol settings); every grade stored
 * under them records {@link #protocolVersion()}.
 *
 * @param episodeResolutionWindow how long without grade ≥ 1 ends a CRS or ICANS episode
 * @param capdMaxAgeYears         ICANS is scored with CAPD up to this age inclusive, with ICE above
 * @param ctcaeVersion            the CTCAE version labs are graded by
 * @param labBaselineAnchor       FIRST_LYMPHODEPLETION_DAY or DAY_0
 * @param labBaselineLookBackDays how far before the anchor a result may still be the baseline
 */
public record GradingSettings(int protocolVersion, Duration episodeResolutionWindow, int capdMaxAgeYears,
        CtcaeVersion ctcaeVersion, LabBaselineAnchor labBaselineAnchor, int labBaselineLookBackDays) {

    /** The day a lab baseline is taken on or before. */
    public enum LabBaselineAnchor {
        /** The first lymphodepletion day given, or Day 0 when lymphodepletion was omitted. */
        FIRST_LYMPHODEPLETION_DAY,
        /** The infusion date. */
        DAY_0
    }

    public GradingSettings {
        if (episodeResolutionWindow == null || episodeResolutionWindow.isNegative()
                || episodeResolutionWindow.isZero()) {
            throw new IllegalArgumentException("the episode window must be positive, was " + episodeResolutionWindow);
        }
        if (capdMaxAgeYears < 0 || labBaselineLookBackDays < 0) {
            throw new IllegalArgumentException("the CAPD age and the look-back must not be negative");
        }
        if (ctcaeVersion == null || labBaselineAnchor == null) {
            throw new IllegalArgumentException("the CTCAE version and the baseline anchor are required");
        }
    }

    /** The settings a protocol version names; a version without them cannot grade safety. */
    public static GradingSettings of(ProtocolReference protocol) {
        ProtocolReference.SafetyGrading settings = protocol.safetyGrading();
        if (settings == null) {
            throw new IllegalStateException("protocol version " + protocol.version() + " names no safety grading");
        }
        return new GradingSettings(protocol.version(), Duration.ofHours(settings.episodeResolutionWindowHours()),
                settings.capdMaxAgeYears(), CtcaeVersion.of(settings.ctcaeVersion()),
                LabBaselineAnchor.valueOf(settings.labBaselineAnchor()), settings.labBaselineLookBackDays());
    }
}
