package org.celltrial.common.enrollment;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What safety and efficacy read of a protocol version from enrollment-service (docs/api.md, protocol): its version
 * and the settings their engines grade by. A tolerant reader, like {@link PatientReference}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProtocolReference(int version, SafetyGrading safetyGrading, EfficacyResponse efficacyResponse) {

    /** docs/clinical-rules.md, Protocol settings: how safety is graded under this version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SafetyGrading(int episodeResolutionWindowHours, int capdMaxAgeYears, String ctcaeVersion,
            String labBaselineAnchor, int labBaselineLookBackDays) {
    }

    /** docs/clinical-rules.md, Protocol settings and ITP response: how the IWG response is read under this version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EfficacyResponse(BigDecimal completeResponsePer1e9L, BigDecimal responsePer1e9L,
            BigDecimal responseBaselineMultiple, int confirmationDays, boolean confirmationStrictlyMore, int lossDays,
            int bleedingWhoGradeThreshold, boolean acceptUnassessedBleeding,
            Map<String, ExposureWindow> exposureWindows) {

        public Map<String, ExposureWindow> exposureWindows() {
            return exposureWindows == null ? Map.of() : exposureWindows;
        }
    }

    /** How long counts after a therapy of one category cannot support a response, and what opens the window. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExposureWindow(int windowDays, String trigger) {
    }
}
