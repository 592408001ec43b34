package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.persistence.IdArray;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The platelet counts a response is read from, as the three values the evaluator takes, not as entities: the study
 * summary over 10 000 patients read a million counts, and as entities (every column, managed by the session) they
 * took more time and heap than the evaluation (docs/performance.md, run 12).
 */
@ApplicationScoped
@WithSession
public class PlateletCountRepository {

    private static final String COUNTS = "SELECT patient_id, measured_on, value_per1e9l, bleeding_who_grade"
            + " FROM platelet_count WHERE patient_id = any(:ids) AND NOT voided"
            + " ORDER BY patient_id, measured_on, created_at";

    /** A patient's counts that are not voided, oldest first. */
    public Uni<List<PlateletCount>> ofPatient(UUID patientId) {
        return ofPatients(List.of(patientId)).map(counts -> counts.getOrDefault(patientId, List.of()));
    }

    /** {@link #ofPatient} for many patients in one query; a patient with no counts is left out. */
    public Uni<Map<UUID, List<PlateletCount>>> ofPatients(Collection<UUID> patientIds) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(COUNTS, Object[].class)
                        .setParameter("ids", IdArray.of(patientIds))
                        .getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(row -> (UUID) row[0], LinkedHashMap::new,
                        Collectors.mapping(row -> new PlateletCount((LocalDate) row[1], (BigDecimal) row[2],
                                row[3] == null ? null : ((Number) row[3]).intValue()), Collectors.toList()))));
    }
}
