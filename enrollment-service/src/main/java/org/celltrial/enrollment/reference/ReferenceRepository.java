package org.celltrial.enrollment.reference;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.enrollment.lymphodepletion.AdministrationRepository;
import org.celltrial.enrollment.patient.Patient;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * A reference in one query, for any number of patients: the patient's row with its facts from the identity, prior
 * therapies, infusion and lymphodepletion tables and its therapies. Every write in safety and efficacy asks for its
 * patient's reference: a query a table (five, one after the other) cost enrollment more than the rest of the request
 * (docs/performance.md, run 11), and the patient, its facts and its therapies in three queries cost enrollment and
 * PostgreSQL about two thirds more CPU than one query (run 37).
 */
@ApplicationScoped
@WithSession
public class ReferenceRepository implements PanacheRepositoryBase<Patient, UUID> {

    /**
     * SQL, not HQL, for the index on the patient's ID; the IDs (one to a page of references) as a list, so that no plan
     * is kept (IdArray says why). The therapies as JSON text: one row a patient, whatever its number of therapies.
     */
    private static final String REFERENCES = """
            SELECT p.id, p.subject_id, p.site_code, p.sex, i.birth_date, p.day0, %s,
                p.weight_kg, (SELECT f.weight_kg FROM infusion f WHERE f.patient_id = p.id),
                p.baseline_platelets_per1e9l, p.itp_diagnosis_date,
                (SELECT count(*) FROM prior_therapy t WHERE t.patient_id = p.id),
                p.status, p.dose_level,
                (SELECT json_agg(json_build_object('id', t.id, 'kind', t.kind, 'agent', t.agent,
                        'category', t.category, 'doseValue', t.dose_value, 'doseUnit', t.dose_unit,
                        'start', t.start_date, 'end', t.end_date, 'indication', t.indication, 'version', t.version)
                    ORDER BY t.start_date, t.id)::text
                 FROM therapy t WHERE t.patient_id = p.id AND NOT t.voided)
            FROM patient p JOIN patient_identity i ON i.patient_id = p.id
            WHERE p.id IN (:ids)
            """.formatted(AdministrationRepository.FIRST_DOSE_OF_P);

    /** A patient's site and the revision of its reference data (V2_7__reference_revision.sql). */
    public record Revision(UUID patientId, String siteCode, long revision) {
    }

    /** The revisions of these patients' references, with their sites; the IDs as a list, as {@link #REFERENCES}'. */
    public Uni<List<Revision>> revisions(Collection<UUID> patientIds) {
        return getSession().flatMap(session -> session.createNativeQuery("SELECT p.id, p.site_code, r.revision"
                        + " FROM patient p JOIN patient_reference_revision r ON r.patient_id = p.id"
                        + " WHERE p.id IN (:ids)", Object[].class)
                        .setParameter("ids", List.copyOf(patientIds))
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new Revision((UUID) row[0], (String) row[1],
                        ((Number) row[2]).longValue())).toList());
    }

    /** The references of those of these patients that exist, at any site (the caller's sites are the service's). */
    Uni<List<ReferenceRow>> referencesOf(Collection<UUID> patientIds) {
        return getSession().flatMap(session -> session.createNativeQuery(REFERENCES, Object[].class)
                        .setParameter("ids", List.copyOf(patientIds))
                        .getResultList())
                .map(rows -> rows.stream().map(ReferenceRow::of).toList());
    }
}
