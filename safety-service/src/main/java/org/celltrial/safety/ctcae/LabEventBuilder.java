package org.celltrial.safety.ctcae;

import java.util.ArrayList;
import java.util.List;

/**
 * Which adverse events a series of graded results of one analyte shows (CTCAE v5.0; clinical-rules.md, "CTCAE
 * v5.0"): the first result is the patient's baseline; a later result opens or continues an event when its grade
 * is at least 1 and, for platelets, worse than the baseline grade (in ITP the baseline count is already grade
 * 3-4, so only a worsening is an event). An event lasts while results keep qualifying; the first result that
 * does not resolves it. Its grade is the worst reached, with that result's rule.
 */
public final class LabEventBuilder {

    public List<LabEvent> events(List<GradedLab> chronological) {
        List<LabEvent> events = new ArrayList<>();
        if (chronological.size() < 2) {
            return events;
        }
        GradedLab baseline = chronological.get(0);
        int baselineGrade = baseline.grade().grade();
        boolean onlyWorsening = baseline.grade().analyte() == Analyte.PLT;
        GradedLab onset = null;
        GradedLab worst = null;
        for (GradedLab result : chronological.subList(1, chronological.size())) {
            int grade = result.grade().grade();
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
