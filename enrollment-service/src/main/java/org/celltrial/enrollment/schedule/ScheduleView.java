package org.celltrial.enrollment.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The patient's visits with study day and date. Dated from Day 0 once infused ({@code basis} INFUSION), before
 * that from the planned infusion date of the latest lymphodepletion plan ({@code basis} PLANNED_INFUSION).
 */
public record ScheduleView(UUID patientId, int protocolVersion, String basis, LocalDate day0,
        List<ScheduledVisit> visits) {
}
