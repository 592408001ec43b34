package org.celltrial.efficacy.response;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A patient's IWG response over time (Rodeghiero F et al., Blood 2009;113:2386-2393; Provan D et al., Blood Adv
 * 2019;3:3780-3817; docs/clinical-rules.md, ITP response), for the CAR-T or for the time after a subsequent
 * therapy.
 *
 * @param bestResponse         CR or R when confirmed, NR with evaluable counts but no confirmed response, NE without
 *                             any evaluable count
 * @param firstResponseDate    the first of the two counts that confirmed the response (R or CR)
 * @param timeToResponseDays   from the course's start (Day 0, or the subsequent therapy's start) to firstResponseDate
 * @param responseConfirmedOn  the second of those counts
 * @param completeResponseDate the first of the two counts that confirmed a CR
 * @param lostResponseOn       the first of the two counts that showed the response lost
 * @param durationOfResponseDays from firstResponseDate to lostResponseOn, or to the last evaluable count
 * @param durationCensored     true when the response was not lost: the duration runs to the last evaluable count
 * @param currentStatus        the status of the last evaluable count (one that supports or fails a response); R
 *                             instead of CR when a later count below CR cannot support a response; NE without any
 * @param rescueAfterResponse  the first rescue therapy started on or after the first response date: a
 *                             loss-of-response signal, which does not date a loss; null when none or no response
 * @param unassessedBleedingAccepted true when a count without a bleeding assessment was taken as without bleeding
 *                             and so supported a response ({@link IwgSettings#acceptUnassessedBleeding()})
 * @param counts               every count the course considered, in date order, evaluable or not
 * @param decisions            each rule applied, with the counts and dates behind it, for reports
 */
public record ResponseCourse(ResponseStatus bestResponse, LocalDate firstResponseDate, Integer timeToResponseDays,
        LocalDate responseConfirmedOn, LocalDate completeResponseDate, LocalDate lostResponseOn,
        Integer durationOfResponseDays, boolean durationCensored, ResponseStatus currentStatus,
        RescueAfterResponse rescueAfterResponse, boolean unassessedBleedingAccepted, List<CountAssessment> counts,
        List<String> decisions) {

    public ResponseCourse {
        if (bestResponse == null || currentStatus == null) {
            throw new IllegalArgumentException("bestResponse and currentStatus are required");
        }
        boolean responded = bestResponse == ResponseStatus.CR || bestResponse == ResponseStatus.R;
        if (responded != (firstResponseDate != null) || responded != (responseConfirmedOn != null)
                || responded != (timeToResponseDays != null) || responded != (durationOfResponseDays != null)) {
            throw new IllegalArgumentException("a confirmed response, and only one, has a first response date, a "
                    + "confirmation date, a time to and a duration of response; best response was " + bestResponse);
        }
        if ((bestResponse == ResponseStatus.CR) != (completeResponseDate != null)) {
            throw new IllegalArgumentException("completeResponseDate goes with a best response of CR, was "
                    + completeResponseDate + " with " + bestResponse);
        }
        if (!responded && (lostResponseOn != null || durationCensored || rescueAfterResponse != null)) {
            throw new IllegalArgumentException("only a confirmed response can be lost, censored or followed by rescue");
        }
        if (counts == null || counts.stream().anyMatch(Objects::isNull)
                || decisions == null || decisions.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("counts and decisions must be lists without nulls");
        }
        counts = List.copyOf(counts);
        decisions = List.copyOf(decisions);
    }
}
