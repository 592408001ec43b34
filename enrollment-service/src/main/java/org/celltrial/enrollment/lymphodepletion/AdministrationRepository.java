package org.celltrial.enrollment.lymphodepletion;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AdministrationRepository implements PanacheRepositoryBase<Administration, UUID> {

    /**
     * SQL for the first lymphodepleting dose given to the patient {@code p} of a query of patients: an omission is no
     * dose, a voided dose was never given. The one definition the references and the demographics both read.
     */
    public static final String FIRST_DOSE_OF_P = "(SELECT min(a.given_on) FROM lymphodepletion_administration a"
            + " WHERE a.patient_id = p.id AND NOT a.omitted AND NOT a.voided)";

    /** What was given (and any omission), not voided, in the order it was given. */
    public Uni<List<Administration>> ofPatient(UUID patientId) {
        return list("patientId = ?1 and voided = false order by givenOn nulls first, agent, createdAt", patientId);
    }
}
