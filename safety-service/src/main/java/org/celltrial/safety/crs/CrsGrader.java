package org.celltrial.safety.crs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.celltrial.safety.grading.GradedObservation;

/**
 * Grades cytokine release syndrome by the ASTCT consensus (Lee DW et al., Biol Blood Marrow Transplant
 * 2019;25:625-638; CellTrial clinical-rules.md, CRS). Fever is a temperature ≥ 38.0 °C. With fever, the grade is the
 * worse of hypotension and hypoxia: 1 fever alone; 2 hypotension not needing vasopressors or low-flow oxygen; 3 one
 * vasopressor or high-flow oxygen; 4 several vasopressors or positive pressure. Without fever it is 0, except that
 * once antipyretics or anti-cytokine therapy have been given fever is no longer needed (the fever is "masked") and
 * hypotension or hypoxia alone grade 2–4; a masked, afebrile observation without either stays 0, since grade 1 is
 * fever itself. Grade 5 (death due to CRS) is not graded from vital signs: it is recorded with the death.
 */
public final class CrsGrader {

    /** Stored with every grade this engine derives, so a grade can be traced to the rules that made it. */
    public static final String VERSION = "CrsGrader 1.0 (ASTCT consensus 2019)";

    /** ASTCT: fever is a temperature of 38.0 °C or more. */
    private static final BigDecimal FEVER_FROM_C = new BigDecimal("38.0");
    private static final String MASKED = "fever masked by tocilizumab/antipyretic";

    /**
     * @param feverMasked whether antipyretics or anti-cytokine therapy have been given at or before this observation
     */
    public GradedObservation grade(VitalsObservation observation, boolean feverMasked) {
        if (observation == null) {
            throw new IllegalArgumentException("observation is required");
        }
        boolean fever = observation.temperatureC().compareTo(FEVER_FROM_C) >= 0;
        Hypotension hypotension = observation.hypotension();
        OxygenSupport oxygen = observation.oxygen();
        String explanation = "temperature " + observation.temperatureC().toPlainString() + " °C "
                + (fever ? "(fever, ≥ 38.0 °C)" : "(no fever, < 38.0 °C)")
                + (feverMasked ? ", antipyretic or anti-cytokine therapy given at or before this observation" : "")
                + "; " + hypotension.description() + "; " + oxygen.description();
        if (!fever && !feverMasked) {
            return new GradedObservation(observation.at(), 0, "ASTCT CRS grade 0: no fever", explanation);
        }
        int grade = Math.max(hypotension.crsGrade(), oxygen.crsGrade());
        if (grade == 0) {
            String rule = fever ? "ASTCT CRS grade 1: fever alone"
                    : "ASTCT CRS grade 0: no hypotension or hypoxia (" + MASKED + ")";
            return new GradedObservation(observation.at(), fever ? 1 : 0, rule, explanation);
        }
        // Both name the rule when both reach the grade.
        String deciding = Stream.of(
                        hypotension.crsGrade() == grade ? hypotension.description() : null,
                        oxygen.crsGrade() == grade ? oxygen.description() : null)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" and "));
        String rule = "ASTCT CRS grade " + grade + ": " + deciding + (fever ? "" : " (" + MASKED + ")");
        return new GradedObservation(observation.at(), grade, rule, explanation);
    }

    /**
     * Grades a course of observations: the fever is masked from the first observation recording antipyretic or
     * anti-cytokine therapy onwards, that observation included.
     */
    public List<GradedObservation> gradeAll(List<VitalsObservation> chronological) {
        if (chronological == null || chronological.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("observations are required and must contain no nulls");
        }
        List<GradedObservation> graded = new ArrayList<>();
        boolean feverMasked = false;
        VitalsObservation previous = null;
        for (VitalsObservation observation : chronological) {
            // Masking carries forward in time, so the order decides the grades.
            if (previous != null && observation.at().isBefore(previous.at())) {
                throw new IllegalArgumentException("observations must be in time order: " + observation.at()
                        + " comes after " + previous.at());
            }
            feverMasked |= observation.antipyreticOrAntiCytokine();
            graded.add(grade(observation, feverMasked));
            previous = observation;
        }
        return List.copyOf(graded);
    }
}
