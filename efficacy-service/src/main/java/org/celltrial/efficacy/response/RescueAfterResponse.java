package org.celltrial.efficacy.response;

import java.time.LocalDate;

/**
 * A rescue therapy needed once the patient had responded: a loss-of-response signal, reported apart from the IWG
 * loss by two failing counts, which alone dates a loss (Provan D et al., Blood Adv 2019;3:3780-3817;
 * docs/clinical-rules.md, ITP response).
 *
 * @param start       the rescue's start, on or after the first response date
 * @param studyDay    days from Day 0 to {@code start}
 * @param agent       the drug or product given
 * @param category    its category
 * @param explanation for people
 */
public record RescueAfterResponse(LocalDate start, int studyDay, String agent, String category, String explanation) {

    public RescueAfterResponse {
        if (start == null || agent == null || category == null || explanation == null) {
            throw new IllegalArgumentException("start, agent, category and explanation are required");
        }
    }
}
