package org.celltrial.safety.crs;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class VitalsRepository implements PanacheRepositoryBase<VitalsRecord, UUID> {

    public Uni<List<VitalsRecord>> ofPatient(UUID patientId) {
        return list("patientId = ?1 and voided = false order by at, createdAt", patientId);
    }

    /**
     * The patient's vital signs as the CRS grader reads them, in the order of {@link #ofPatient}: values the session
     * does not manage. A write regrades the whole course, so as managed records every stored observation was
     * hydrated, snapshotted and dirty-checked again at the write's flush (docs/performance.md, run 40).
     */
    public Uni<List<VitalsObservation>> observationsOf(UUID patientId) {
        return getSession().flatMap(session -> session.createQuery("""
                        SELECT new org.celltrial.safety.crs.VitalsObservation(at, temperatureC, hypotension, oxygen,
                            antipyreticOrAntiCytokine, attributedToOtherCause, otherCause)
                        FROM VitalsRecord WHERE patientId = :patientId AND voided = false
                        ORDER BY at, createdAt""", VitalsObservation.class)
                .setParameter("patientId", patientId)
                .getResultList());
    }
}
