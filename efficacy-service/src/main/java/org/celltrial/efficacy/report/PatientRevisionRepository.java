package org.celltrial.efficacy.report;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads {@code efficacy_patient}, which the database keeps as records are written (V2_1__response_snapshots.sql). */
@ApplicationScoped
@WithSession
public class PatientRevisionRepository {

    /**
     * Every patient with efficacy data that is not voided, by patient ID: one row a patient, where a distinct over
     * every kind of record read a million rows over 10 000 patients (0.4 s; docs/performance.md, run 13).
     */
    public Uni<List<PatientRevision>> all() {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT patient_id, site_code, revision FROM efficacy_patient"
                        + " WHERE live_records > 0 ORDER BY patient_id", Object[].class)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new PatientRevision((UUID) row[0], (String) row[1],
                        ((Number) row[2]).longValue())).toList());
    }
}
