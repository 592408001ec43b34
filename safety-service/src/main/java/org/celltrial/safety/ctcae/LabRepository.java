package org.celltrial.safety.ctcae;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.persistence.IdArray;

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

    /**
     * {@link #ofPatient} for many patients (a batch), in one query, by patient; in native SQL with the IDs as one
     * array ({@link IdArray}).
     */
    public Uni<Map<UUID, List<LabRecord>>> ofPatients(Collection<UUID> patientIds) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        SELECT * FROM lab_result WHERE patient_id = any(?1) AND NOT voided
                        ORDER BY patient_id, analyte, collected_at, created_at""", LabRecord.class)
                .setParameter(1, IdArray.of(patientIds))
                .getResultList())
                .map(found -> found.stream().collect(Collectors.groupingBy(lab -> lab.patientId)));
    }

    public Uni<LabRecord> baseline(UUID patientId, Analyte analyte) {
        return find("patientId = ?1 and analyte = ?2 and voided = false order by at, createdAt", patientId, analyte)
                .firstResult();
    }
}
