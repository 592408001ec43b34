package org.celltrial.enrollment.deviation;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class DeviationRepository implements PanacheRepositoryBase<ProtocolDeviation, UUID> {

    /** The patient's deviations in force (not voided), oldest first. */
    public Uni<List<ProtocolDeviation>> ofPatient(UUID patientId) {
        return list("patientId = ?1 and voided = false order by occurredOn, createdAt", patientId);
    }

    /** The deviation in force that this lymphodepletion omission recorded, or null. */
    public Uni<ProtocolDeviation> recordedByOmission(UUID patientId, UUID administrationId) {
        return find("patientId = ?1 and administrationId = ?2 and voided = false", patientId, administrationId)
                .firstResult();
    }
}
