package org.celltrial.gateway.course;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One patient's whole course: what each service holds (null where that service is {@code unavailable}, named in
 * {@code unavailable}), and every dated fact on one timeline by study day.
 */
public record PatientCourse(
        UUID patientId,
        String subjectId,
        String siteCode,
        String status,
        LocalDate day0,
        Map<String, String> parts,
        List<String> unavailable,
        JsonNode enrollment,
        JsonNode safety,
        JsonNode efficacy,
        List<TimelineEvent> timeline) {
}
