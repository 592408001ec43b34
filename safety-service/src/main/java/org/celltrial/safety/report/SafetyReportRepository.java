package org.celltrial.safety.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.safety.ae.AdverseEvent;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * What the safety summary adds up, added up by PostgreSQL over the adverse events that count (not voided, onset up to
 * the cut-off, at the sites covered): the summary reads a row per patient and per patient and term, never every event.
 */
@ApplicationScoped
@WithSession
public class SafetyReportRepository {

    /** Each patient's max CRS and ICANS grade (0 without such an event), in no particular order. */
    public Uni<List<SafetySummary.PatientRow>> patientMaxima(LocalDate asOf, Collection<String> siteCodes) {
        return rows("SELECT subject_id, min(site_code), coalesce(max(grade) FILTER (WHERE origin = 'CRS'), 0),"
                + " coalesce(max(grade) FILTER (WHERE origin = 'ICANS'), 0) FROM adverse_event WHERE "
                + counting("", asOf, siteCodes) + " GROUP BY subject_id", asOf, siteCodes)
                .map(rows -> rows.stream().map(row -> new SafetySummary.PatientRow((String) row[0], (String) row[1],
                        ((Number) row[2]).intValue(), ((Number) row[3]).intValue())).toList());
    }

    /**
     * Each patient's worst grade of each term, with the term's MedDRA code as its first event has it (by subject,
     * onset and creation, the order the events were listed in before the database added them up). One pass over the
     * events groups them by term and subject; the first event of a term is then looked up only in the first subject's
     * events of it: sorting every event by subject, onset and creation to find it took PostgreSQL 3.3 s over 500 000
     * events, on disk (docs/performance.md, run 12). A subject is one patient.
     */
    public Uni<List<SafetyFigures.TermWorst>> termWorst(LocalDate asOf, Collection<String> siteCodes) {
        return rows("WITH worst AS MATERIALIZED (SELECT ctcae_term, subject_id, min(patient_id::text) AS patient_id,"
                + " max(grade) AS grade FROM adverse_event WHERE " + counting("", asOf, siteCodes)
                + " GROUP BY ctcae_term, subject_id),"
                + " first AS MATERIALIZED (SELECT term.ctcae_term, (SELECT e.meddra_code FROM adverse_event e"
                + " WHERE e.patient_id = term.patient_id::uuid AND e.ctcae_term = term.ctcae_term AND "
                + counting("e.", asOf, siteCodes) + " ORDER BY e.onset, e.created_at LIMIT 1) AS meddra_code"
                + " FROM (SELECT DISTINCT ON (ctcae_term) ctcae_term, patient_id FROM worst"
                + " ORDER BY ctcae_term, subject_id) term)"
                + " SELECT w.ctcae_term, f.meddra_code, w.subject_id, w.grade FROM worst w JOIN first f"
                + " ON f.ctcae_term = w.ctcae_term", asOf, siteCodes)
                .map(rows -> rows.stream().map(row -> new SafetyFigures.TermWorst((String) row[0], (String) row[1],
                        (String) row[2], ((Number) row[3]).intValue())).toList());
    }

    /** The serious events, by subject, onset and creation. */
    public Uni<List<AdverseEvent>> serious(LocalDate asOf, Collection<String> siteCodes) {
        String sql = "SELECT * FROM adverse_event WHERE serious AND " + counting("", asOf, siteCodes)
                + " ORDER BY subject_id, onset, created_at";
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql, AdverseEvent.class),
                asOf, siteCodes).getResultList());
    }

    /** The events that count, as a WHERE condition on the columns of {@code table} ("" or an alias with its dot). */
    private static String counting(String table, LocalDate asOf, Collection<String> siteCodes) {
        return "NOT " + table + "voided" + (asOf == null ? "" : " AND " + table + "onset <= :asOf")
                + (siteCodes == null ? "" : " AND " + table + "site_code IN (:siteCodes)");
    }

    private Uni<List<Object[]>> rows(String sql, LocalDate asOf, Collection<String> siteCodes) {
        return Panache.getSession().flatMap(session -> bind(session.createNativeQuery(sql, Object[].class), asOf,
                siteCodes).getResultList());
    }

    private static <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> query, LocalDate asOf,
            Collection<String> siteCodes) {
        if (asOf != null) {
            query.setParameter("asOf", asOf);
        }
        if (siteCodes != null) {
            query.setParameter("siteCodes", siteCodes);
        }
        return query;
    }
}
