package org.celltrial.safety.ctcae;

import java.util.ArrayList;
import java.util.List;

/**
 * Which adverse events a series of graded results of one analyte shows (docs/clinical-rules.md, CTCAE): a result
 * dated after the baseline anchor opens or continues an event when its grade is at least 1 and, for platelets,
 * worse than the baseline's grade (in ITP the baseline count is already grade 3-4, so only a worsening is an event;
 * without a baseline result the baseline grade is taken as 0). An event lasts while results keep qualifying; the
 * first result that does not resolves it. Its grade is the worst reached, with that result's rule.
 */
public final class LabEventBuilder {

    /**
     * @param afterAnchor    one analyte's graded results dated after the baseline anchor, in time order
     * @param baselineOrNull the baseline result's grade, or null when there is none
     */
    public List<LabEvent> events(List<GradedLab> afterAnchor, LabGrade baselineOrNull) {
        List<LabEvent> events = new ArrayList<>();
        int baselineGrade = baselineOrNull == null ? 0 : baselineOrNull.grade();
        GradedLab onset = null;
        GradedLab worst = null;
        for (GradedLab result : afterAnchor) {
            int grade = result.grade().grade();
            boolean onlyWorsening = result.grade().analyte() == Analyte.PLT;
            boolean qualifies = grade >= 1 && (!onlyWorsening || grade > baselineGrade);
            if (qualifies) {
                onset = onset == null ? result : onset;
                worst = worst == null || grade > worst.grade().grade() ? result : worst;
            } else if (onset != null) {
                events.add(event(onset, worst, result));
                onset = null;
                worst = null;
            }
        }
        if (onset != null) {
            events.add(event(onset, worst, null));
        }
        return events;
    }

    private static LabEvent event(GradedLab onset, GradedLab worst, GradedLab resolving) {
        LabGrade grade = worst.grade();
        return new LabEvent(grade.analyte(), grade.term(), onset.date(), grade.grade(),
                grade.rule() + " (worst on " + worst.date() + ")", resolving == null ? null : resolving.date());
    }
}
