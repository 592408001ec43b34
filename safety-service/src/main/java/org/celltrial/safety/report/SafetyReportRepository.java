package org.celltrial.safety.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.safety.ae.AdverseEvent;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * What the safety summary adds up, added up by PostgreSQL over the adverse events that count (not voided, onset up to
 * the cut-off, at the sites covered): the summary reads a row per patient and term, and the serious events, never every
 * event.
 */
@ApplicationScoped
@WithSession
public class SafetyReportRepository {

    /** What the summary adds up from one pass over the events: per patient, and per patient and term. */
    public record Tallies(List<SafetySummary.PatientRow> patients, List<SafetyFigures.TermWorst> terms) {
    }

    /**
     * Each patient's worst grade of each term, with the term's MedDRA code as its first event has it (by subject,
     * onset and creation, the order the events were listed in before the database added them up), and each patient's
     * max CRS and ICANS grade (0 without such an event; patients in no particular order). One pass over the events
     * groups them by term and subject (a subject is one patient), the patient's figures are taken over its terms'
     * groups: a second pass for them cost as much as the first (docs/performance.md, run 14). The first event of a
     * term is looked up only in the first subject's events of it: sorting every event by subject, onset and creation
     * to find it took PostgreSQL 3.3 s over 500 000 events, on disk (docs/performance.md, run 12).
     */
    public Uni<Tallies> tallies(LocalDate asOf, Collection<String> siteCodes) {
        return rows(worstAndFirst(asOf, siteCodes)
                + " SELECT w.ctcae_term, f.meddra_code, w.subject_id, w.grade, min(w.site_code) OVER subject,"
                + " coalesce(max(w.crs) OVER subject, 0), coalesce(max(w.icans) OVER subject, 0)"
                + " FROM worst w JOIN first f ON f.ctcae_term = w.ctcae_term"
                + " WINDOW subject AS (PARTITION BY w.subject_id)",
                asOf, siteCodes)
                .map(rows -> {
                    Map<String, SafetySummary.PatientRow> patients = new HashMap<>();
                    List<SafetyFigures.TermWorst> terms = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        String subject = (String) row[2];
                        terms.add(new SafetyFigures.TermWorst((String) row[0], (String) row[1], subject,
                                ((Number) row[3]).intValue()));
                        patients.computeIfAbsent(subject, ignored -> new SafetySummary.PatientRow(subject,
                                (String) row[4], ((Number) row[5]).intValue(), ((Number) row[6]).intValue()));
                    }
                    return new Tallies(List.copyOf(patients.values()), terms);
                });
    }

    /** The figures alone, counted by the database from the same pass: a row per count, never one per patient. */
    public record Counts(List<SafetyFigures.MaxGrades> maxGrades, List<SafetyFigures.TermGrade> terms) {
    }

    /**
     * The patients counted by their max CRS and ICANS grades, and by their worst grade of each term: at most a row
     * per pair of grades and per term and grade, whatever the study's size.
     */
    public Uni<Counts> counts(LocalDate asOf, Collection<String> siteCodes) {
        return rows(worstAndFirst(asOf, siteCodes)
                + " SELECT w.ctcae_term, f.meddra_code, w.grade, NULL::integer, count(*)"
                + " FROM worst w JOIN first f ON f.ctcae_term = w.ctcae_term"
                + " GROUP BY w.ctcae_term, f.meddra_code, w.grade"
                + " UNION ALL SELECT NULL, NULL, p.crs, p.icans, count(*) FROM (SELECT coalesce(max(crs), 0) AS crs,"
                + " coalesce(max(icans), 0) AS icans FROM worst GROUP BY subject_id) p GROUP BY p.crs, p.icans",
                asOf, siteCodes)
                .map(rows -> {
                    List<SafetyFigures.MaxGrades> maxGrades = new ArrayList<>();
                    List<SafetyFigures.TermGrade> terms = new ArrayList<>();
                    for (Object[] row : rows) {
                        int patients = ((Number) row[4]).intValue();
                        if (row[0] == null) {
                            maxGrades.add(new SafetyFigures.MaxGrades(((Number) row[2]).intValue(),
                                    ((Number) row[3]).intValue(), patients));
                        } else {
                            terms.add(new SafetyFigures.TermGrade((String) row[0], (String) row[1],
                                    ((Number) row[2]).intValue(), patients));
                        }
                    }
                    return new Counts(maxGrades, terms);
                });
    }

    /**
     * {@code worst}: each patient's worst grade of each term over the events that count, with its max CRS and ICANS
     * grade of the term (null unless the term's events are those); {@code first}: each term's MedDRA code as its first
     * event has it.
     */
    private static String worstAndFirst(LocalDate asOf, Collection<String> siteCodes) {
        return "WITH worst AS MATERIALIZED (SELECT ctcae_term, subject_id, min(patient_id::text) AS patient_id,"
                + " min(site_code) AS site_code, max(grade) AS grade, max(grade) FILTER (WHERE origin = 'CRS') AS crs,"
                + " max(grade) FILTER (WHERE origin = 'ICANS') AS icans FROM adverse_event WHERE "
                + counting("", asOf, siteCodes) + " GROUP BY ctcae_term, subject_id),"
                + " first AS MATERIALIZED (SELECT term.ctcae_term, (SELECT e.meddra_code FROM adverse_event e"
                + " WHERE e.patient_id = term.patient_id::uuid AND e.ctcae_term = term.ctcae_term AND "
                + counting("e.", asOf, siteCodes) + " ORDER BY e.onset, e.created_at LIMIT 1) AS meddra_code"
                + " FROM (SELECT DISTINCT ON (ctcae_term) ctcae_term, patient_id FROM worst"
                + " ORDER BY ctcae_term, subject_id) term)";
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
