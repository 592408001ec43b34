package org.celltrial.enrollment.eligibility;

import org.celltrial.enrollment.patient.TherapyCategory;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A therapy of a line of ITP treatment, for the refractory path (ClinicalTrials.gov NCT06352281: "first and second
 * line standard treatment"; docs/clinical-rules.md, Eligibility): every prior therapy of the category, or, with an
 * agent, only that agent (trimmed, any letter case). Therapies without a category of their own (anti-D,
 * fostamatinib) are recorded as {@code OTHER} and named by agent.
 *
 * @param agent null for every agent of the category; required for {@code OTHER}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineTherapy(TherapyCategory category, String agent) {

    public LineTherapy {
        if (category == null) {
            throw new IllegalArgumentException("category of a line therapy is required");
        }
        if (agent != null && agent.isBlank()) {
            throw new IllegalArgumentException("agent of a " + category + " line therapy must not be blank");
        }
        if (category == TherapyCategory.OTHER && agent == null) {
            // OTHER without an agent would make every unlisted therapy a line therapy.
            throw new IllegalArgumentException("an OTHER line therapy must name its agent");
        }
        agent = agent == null ? null : agent.strip();
    }

    boolean includes(PatientFacts.PriorTherapyFact therapy) {
        return therapy.category() == category
                && (agent == null || therapy.agent() != null && therapy.agent().strip().equalsIgnoreCase(agent));
    }

    /** True if a prior therapy could be of both: the same category, and the same agent or either for any agent. */
    boolean overlaps(LineTherapy other) {
        return category == other.category
                && (agent == null || other.agent == null || agent.equalsIgnoreCase(other.agent));
    }
}
