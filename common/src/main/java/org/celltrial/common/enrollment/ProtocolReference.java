package org.celltrial.common.enrollment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What safety reads of a protocol version from enrollment-service (docs/api.md, protocol): its version and the
 * settings its engines grade by. A tolerant reader, like {@link PatientReference}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProtocolReference(int version, SafetyGrading safetyGrading) {

    /** docs/clinical-rules.md, Protocol settings: how safety is graded under this version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SafetyGrading(int episodeResolutionWindowHours, int capdMaxAgeYears, String ctcaeVersion,
            String labBaselineAnchor, int labBaselineLookBackDays) {
    }
}
