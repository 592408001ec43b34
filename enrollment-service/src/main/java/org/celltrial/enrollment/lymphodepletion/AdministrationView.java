package org.celltrial.enrollment.lymphodepletion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.celltrial.enrollment.schedule.VisitScheduler;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdministrationView(UUID id, String agent, LocalDate date, Integer studyDay, BigDecimal doseMg,
        boolean omitted, String reason, int version) {

    static AdministrationView of(Administration administration, LocalDate plannedDay0) {
        Integer studyDay = administration.givenOn == null || plannedDay0 == null ? null
                : VisitScheduler.studyDay(plannedDay0, administration.givenOn);
        return new AdministrationView(administration.id, administration.agent, administration.givenOn, studyDay,
                administration.doseMg, administration.omitted, administration.reason, administration.version);
    }
}
