package org.celltrial.efficacy.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What efficacy reads of enrollment-service's patient reference (tolerant reader: fields it does not use are
 * ignored, so enrollment can add fields freely).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientReference(UUID id, String subjectId, String siteCode, LocalDate day0,
        BigDecimal baselinePlateletCountPer1e9L, List<Therapy> therapies) {

    /** A rescue or subsequent therapy: efficacy applies rescue windows and censoring from them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Therapy(String kind, String agent, String category, LocalDate start, LocalDate end) {
    }

    public List<Therapy> therapies() {
        return therapies == null ? List.of() : therapies;
    }
}
