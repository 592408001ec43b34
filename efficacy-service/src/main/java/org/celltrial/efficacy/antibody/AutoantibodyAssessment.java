package org.celltrial.efficacy.antibody;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Platelet glycoprotein autoantibodies before and after the CAR-T (docs/clinical-rules.md, Other efficacy
 * measures).
 *
 * @param targets                  each measured target, in {@link GpTarget} order
 * @param anyPositiveAtBaseline    whether any target was positive at its baseline
 * @param allNegativeAfterInfusion every target positive at baseline, or positive after Day 0, is negative since a
 *                                 result after Day 0; false when no target was positive at baseline
 * @param allNegativeSince         the latest of those targets' {@link TargetCourse#negativeSince()}
 */
public record AutoantibodyAssessment(List<TargetCourse> targets, boolean anyPositiveAtBaseline,
        boolean allNegativeAfterInfusion, LocalDate allNegativeSince, String explanation) {

    public AutoantibodyAssessment {
        if (targets == null || targets.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("targets must be a list without nulls");
        }
        if (allNegativeAfterInfusion != (allNegativeSince != null)) {
            throw new IllegalArgumentException("allNegativeSince goes with allNegativeAfterInfusion, and only with it");
        }
        if (allNegativeAfterInfusion && !anyPositiveAtBaseline) {
            throw new IllegalArgumentException("only a target positive at baseline can turn negative after infusion");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation is required");
        }
        targets = List.copyOf(targets);
    }
}
