package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient's IWG response (docs/api.md): the CAR-T course at the top level, censored at the first subsequent
 * therapy ({@code censoredAt}), with the course after that therapy reported separately; rescue independence per
 * category at the cut-off; the protocol version and engine it was read under.
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
        RescueAfterResponse rescueAfterResponse,
        boolean unassessedBleedingAccepted,
        LocalDate censoredAt,
        List<String> decisions,
        List<CountAssessment> counts,
        ResponseCourse afterSubsequentTherapy,
        RescueIndependence.RescueIndependenceAssessment rescueIndependence,
        int protocolVersion,
        String engine) {

    static ResponseView of(UUID patientId, String subjectId, LocalDate asOf, PatientResponse read) {
        IwgAssessment assessment = read.assessment();
        ResponseCourse carT = assessment.carT();
        return new ResponseView(patientId, subjectId, assessment.day0(), asOf, assessment.baselinePer1e9L(),
                carT.bestResponse(), carT.firstResponseDate(), carT.responseConfirmedOn(),
                carT.completeResponseDate(), carT.timeToResponseDays(), carT.durationOfResponseDays(),
                carT.durationCensored(), carT.lostResponseOn(), carT.currentStatus(), carT.rescueAfterResponse(),
                carT.unassessedBleedingAccepted(), assessment.censoredAt(), carT.decisions(), carT.counts(),
                assessment.afterSubsequentTherapy(), read.rescueIndependence(), read.protocolVersion(),
                IwgResponseEvaluator.VERSION);
    }
}
