package org.celltrial.safety.ae;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An adverse event as read (pseudonymised: subject ID only). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdverseEventView(
        UUID id,
        UUID patientId,
        String subjectId,
        String siteCode,
        Origin origin,
        String ctcaeTerm,
        String meddraCode,
        LocalDate onset,
        int grade,
        Integer derivedGrade,
        String derivedRule,
        Integer confirmedGrade,
        String confirmationReason,
        boolean serious,
        List<SeriousnessCriterion> seriousnessCriteria,
        String derivedBy,
        Integer protocolVersion,
        Relatedness relatedToCarT,
        Relatedness relatedToLymphodepletion,
        Relatedness sponsorRelatedToCarT,
        Outcome outcome,
        LocalDate resolvedOn,
        List<String> treatments,
        LocalDate awarenessDate,
        Boolean expected,
        LocalDate reportedOn,
        int version) {
}
