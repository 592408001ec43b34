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
     * {@link #ofPatient} for one patient's write or a group of a batch's patients, in one query, by patient, as values
     * the session does not manage: a write's flush then checks only what it writes, not every stored result of its
     * patients, which as their series grew filled safety-service's heap in a batch and most of its CPU went to the
     * collector (docs/performance.md, runs 27, 28 and 40). The IDs are bound as a list, bounded by the group
     * ({@link IdArray} says why not an array here). A changed grade is written with {@link #writeGrades}.
     */
    public Uni<Map<UUID, List<LabRecord>>> gradingValuesOf(Collection<UUID> patientIds) {
        return getSession().flatMap(session -> session.createQuery("""
                        SELECT new org.celltrial.safety.ctcae.LabRecord(id, patientId, at, createdAt, analyte, value,
                            unit, lowerLimitNormal, upperLimitNormal, ctcaeGrade, ctcaeRule, ctcaeEngine, ctcaeVersion,
                            protocolVersion)
                        FROM LabRecord WHERE patientId IN :ids AND voided = false
                        ORDER BY patientId, analyte, at, createdAt""", LabRecord.class)
                .setParameter("ids", List.copyOf(patientIds))
                .getResultList())
                .map(found -> found.stream().collect(Collectors.groupingBy(lab -> lab.patientId)));
    }

    /** How many results each of these patients has stored (a patient with none is left out), in one query. */
    public Uni<Map<UUID, Long>> storedCountsOf(Collection<UUID> patientIds) {
        return getSession().flatMap(session -> session.createQuery("""
                        SELECT patientId, count(*) FROM LabRecord WHERE patientId IN :ids AND voided = false
                        GROUP BY patientId""", Object[].class)
                .setParameter("ids", List.copyOf(patientIds))
                .getResultList())
                .map(found -> found.stream().collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1])));
    }

    /**
     * Writes the grades a regrade changed on results read by {@link #gradingValuesOf}: the stored results are read in
     * one query and take the new grades, so the flush writes each as any change, its version moved.
     */
    public Uni<Void> writeGrades(Collection<LabRecord> regraded) {
        if (regraded.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, LabRecord> byId = regraded.stream().collect(Collectors.toMap(lab -> lab.id, lab -> lab));
        return list("id IN ?1", List.copyOf(byId.keySet()))
                .invoke(stored -> stored.forEach(lab -> lab.takeGradeOf(byId.get(lab.id))))
                .replaceWithVoid();
    }

    public Uni<LabRecord> baseline(UUID patientId, Analyte analyte) {
        return find("patientId = ?1 and analyte = ?2 and voided = false order by at, createdAt", patientId, analyte)
                .firstResult();
    }
}
