package org.celltrial.efficacy.bcell;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * B-cell aplasia and recovery after the CAR-T (docs/clinical-rules.md, Other efficacy measures).
 *
 * @param aplasiaFromDay   study day of the first count after Day 0 below the threshold; null without aplasia
 * @param recoveredOnDay   study day of the first count at or above the threshold after aplasia that the next count
 *                         confirmed; null without a confirmed recovery
 * @param aplasiaSustained aplasia without a confirmed recovery up to the last count
 * @param aplasiaThresholdPerUl the threshold applied (a deployment setting), so a reader can draw the aplasia line
 * @param explanation      the counts and dates behind the figures, for reports
 */
public record BCellAssessment(Integer aplasiaFromDay, LocalDate aplasiaFrom, Integer recoveredOnDay,
        LocalDate recoveredOn, boolean aplasiaSustained, BigDecimal aplasiaThresholdPerUl, String explanation) {

    public BCellAssessment {
        if ((aplasiaFromDay == null) != (aplasiaFrom == null) || (recoveredOnDay == null) != (recoveredOn == null)) {
            throw new IllegalArgumentException("a day and its date are known together");
        }
        if (recoveredOn != null && (aplasiaFrom == null || !recoveredOn.isAfter(aplasiaFrom))) {
            throw new IllegalArgumentException("recovery must follow aplasia, was " + recoveredOn + " after "
                    + aplasiaFrom);
        }
        if (aplasiaSustained && (aplasiaFrom == null || recoveredOn != null)) {
            throw new IllegalArgumentException("sustained aplasia needs aplasia and no recovery");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation is required");
        }
    }
}
