package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient's IWG response (docs/api.md): the CAR-T course at the top level, censored at the first subsequent
 * therapy ({@code censoredAt}), with the course after that therapy reported separately.
 */
public record ResponseView(
        UUID patientId,
        String subjectId,
        LocalDate day0,
        LocalDate asOf,
        BigDecimal baselinePer1e9L,
        ResponseStatus bestResponse,
        LocalDate firstResponseDate,
        LocalDate responseConfirmedOn,
        LocalDate completeResponseDate,
        Integer timeToResponseDays,
        Integer durationOfResponseDays,
        boolean durationCensored,
        LocalDate lostResponseOn,
        ResponseStatus currentStatus,
        LocalDate censoredAt,
        List<String> decisions,
        List<CountAssessment> counts,
        ResponseCourse afterSubsequentTherapy) {

    static ResponseView of(UUID patientId, String subjectId, LocalDate asOf, IwgAssessment assessment) {
        ResponseCourse carT = assessment.carT();
        return new ResponseView(patientId, subjectId, assessment.day0(), asOf, assessment.baselinePer1e9L(),
                carT.bestResponse(), carT.firstResponseDate(), carT.responseConfirmedOn(),
                carT.completeResponseDate(), carT.timeToResponseDays(), carT.durationOfResponseDays(),
                carT.durationCensored(), carT.lostResponseOn(), carT.currentStatus(), assessment.censoredAt(),
                carT.decisions(), carT.counts(), assessment.afterSubsequentTherapy());
    }
}
