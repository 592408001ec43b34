package org.celltrial.safety.ctcae;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class LabRepository implements PanacheRepositoryBase<LabRecord, UUID> {

    /** A patient's results, by analyte and time: the first of each analyte is its baseline. */
    public Uni<List<LabRecord>> ofPatient(UUID patientId) {
        return list("patientId = ?1 and voided = false order by analyte, at, createdAt", patientId);
    }

    public Uni<LabRecord> baseline(UUID patientId, Analyte analyte) {
        return find("patientId = ?1 and analyte = ?2 and voided = false order by at, createdAt", patientId, analyte)
                .firstResult();
    }
}
