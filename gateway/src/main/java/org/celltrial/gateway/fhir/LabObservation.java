package org.celltrial.gateway.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One Observation as CellTrial stores it: the subject's study identifier, the lab, when it was taken (the instant
 * and the date where it was taken), the value and reference range in the lab's unit.
 *
 * @param key what makes a retry of the same entry the same request (the Idempotency-Keys derive from it)
 */
public record LabObservation(String subjectId, LoincLab lab, Instant at, LocalDate date, BigDecimal value,
        BigDecimal lowerLimitNormal, BigDecimal upperLimitNormal, String key) {
}
