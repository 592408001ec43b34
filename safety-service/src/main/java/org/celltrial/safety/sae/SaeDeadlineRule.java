package org.celltrial.safety.sae;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Expedited reporting of serious adverse events (ICH E2A; EU CT Regulation 536/2014 Art. 42; 21 CFR 312.32;
 * docs/clinical-rules.md): a suspected unexpected serious adverse reaction (SUSAR) that is fatal or
 * life-threatening is reported within 7 days of awareness, any other SUSAR within 15 days. A serious event that
 * is not suspected (not at least possibly related) or is expected has no expedited deadline. The deadline day
 * itself is still on time; from the next day it is overdue.
 */
public final class SaeDeadlineRule {

    public static final int FATAL_OR_LIFE_THREATENING_DAYS = 7;
    public static final int OTHER_SUSAR_DAYS = 15;

    /**
     * @param suspected at least possibly related to the CAR-T or the lymphodepletion
     * @param expected listed in the reference safety information (null: not yet assessed, treated as unexpected,
     *        so a deadline is never missed by omission)
     */
    public SaeDeadline assess(boolean serious, boolean fatalOrLifeThreatening, boolean suspected, Boolean expected,
            LocalDate awareness, LocalDate reportedOn, LocalDate today) {
        if (!serious) {
            throw new IllegalArgumentException("only serious events have reporting deadlines");
        }
        if (awareness == null || today == null) {
            throw new IllegalArgumentException("awareness and today are required");
        }
        boolean unexpected = !Boolean.TRUE.equals(expected);
        if (!suspected || !unexpected) {
            return new SaeDeadline(false, null, null, ReportingStatus.NOT_EXPEDITED, !suspected
                    ? "Not a SUSAR: not suspected to be related (periodic reporting)"
                    : "Not a SUSAR: expected per the reference safety information (periodic reporting)");
        }
        int days = fatalOrLifeThreatening ? FATAL_OR_LIFE_THREATENING_DAYS : OTHER_SUSAR_DAYS;
        LocalDate deadline = awareness.plusDays(days);
        String rule = "SUSAR, " + (fatalOrLifeThreatening ? "fatal or life-threatening" : "not fatal or "
                + "life-threatening") + ": " + days + " days from awareness on " + awareness + (expected == null
                        ? " (expectedness not assessed: treated as unexpected)" : "");
        ReportingStatus status;
        if (reportedOn != null) {
            status = ReportingStatus.REPORTED;
            rule += "; reported on " + reportedOn + (reportedOn.isAfter(deadline)
                    ? ", " + ChronoUnit.DAYS.between(deadline, reportedOn) + " day(s) late" : ", on time");
        } else {
            status = today.isAfter(deadline) ? ReportingStatus.OVERDUE : ReportingStatus.DUE;
        }
        return new SaeDeadline(true, days, deadline, status, rule);
    }
}
