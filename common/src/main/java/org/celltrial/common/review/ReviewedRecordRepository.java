package org.celltrial.common.review;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.record.PatientRecord;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Finds the records review applies to, of the kinds this service declares ({@link ReviewedRecordKinds}). */
@ApplicationScoped
@WithSession
public class ReviewedRecordRepository {

    /** Unresolvable in a service that declares no kinds (enrollment-service): then it has nothing to review. */
    @Inject
    Instance<ReviewedRecordKinds> declared;

    /** The patient's record of that type; 400 for a type this service does not keep, 404 for another's record. */
    public Uni<PatientRecord> find(UUID patientId, String recordType, UUID recordId) {
        Class<? extends PatientRecord> kind = kindOf(recordType);
        return Panache.getSession().flatMap(session -> session.find(kind, recordId)).map(found -> {
            if (found == null || !found.patientId.equals(patientId)) {
                throw ProblemException.notFound("Record " + recordType + "/" + recordId + " of patient " + patientId);
            }
            return (PatientRecord) found;
        });
    }

    /** Every record of the patient that is not void, of every kind, with its type. */
    public Uni<List<Map.Entry<String, PatientRecord>>> currentOf(UUID patientId) {
        // one kind after the other: a reactive session runs one statement at a time
        return Multi.createFrom().iterable(byType().entrySet())
                .onItem().transformToUniAndConcatenate(kind -> Panache.getSession().flatMap(session -> session
                        .createQuery("from " + PatientRecord.entityType(kind.getValue())
                                + " where patientId = ?1 and voided = false", kind.getValue())
                        .setParameter(1, patientId).getResultList())
                        .map(records -> records.stream()
                                .map(r -> Map.entry(kind.getKey(), (PatientRecord) r)).toList()))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /** Records that are not void, of every kind, counted per site. */
    public Uni<Map<String, Long>> currentBySite() {
        return Multi.createFrom().iterable(byType().values())
                .onItem().transformToUniAndConcatenate(kind -> Panache.getSession().flatMap(session -> session
                        .createQuery("select siteCode, count(*) from " + PatientRecord.entityType(kind)
                                + " where voided = false group by siteCode", Object[].class)
                        .getResultList()))
                .collect().asList()
                .map(lists -> {
                    Map<String, Long> totals = new TreeMap<>();
                    lists.forEach(rows -> rows.forEach(row -> totals.merge((String) row[0], (Long) row[1],
                            Long::sum)));
                    return totals;
                });
    }

    public String typeOf(PatientRecord record) {
        return byType().entrySet().stream().filter(e -> e.getValue().isInstance(record)).map(Map.Entry::getKey)
                .findFirst().orElse(PatientRecord.entityType(record.getClass()));
    }

    public boolean reviewsRecords() {
        return declared.isResolvable();
    }

    private Map<String, Class<? extends PatientRecord>> byType() {
        return declared.isResolvable() ? declared.get().byType() : Map.of();
    }

    private Class<? extends PatientRecord> kindOf(String recordType) {
        Class<? extends PatientRecord> kind = byType().get(recordType);
        if (kind == null) {
            throw ProblemException.invalid("recordType", "must be one of " + new TreeSet<>(byType()
                    .keySet()));
        }
        return kind;
    }
}
