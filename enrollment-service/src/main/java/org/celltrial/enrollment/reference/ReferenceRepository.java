package org.celltrial.enrollment.reference;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.enrollment.lymphodepletion.AdministrationRepository;
import org.celltrial.enrollment.patient.Patient;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The references' facts from the identity, prior therapies, infusion and lymphodepletion tables in one query for any
 * number of patients: every write in safety and efficacy asks for its patient's reference, and a query a table (five,
 * one after the other) cost enrollment more than the rest of the request (docs/performance.md, run 11).
 */
@ApplicationScoped
@WithSession
public class ReferenceRepository implements PanacheRepositoryBase<Patient, UUID> {

    /**
     * SQL, not HQL, for the index on the patient's ID; the IDs (one to a page of references) as a list, so that no plan
     * is kept (IdArray says why).
     */
    private static final String FACTS = """
            SELECT p.id, i.birth_date,
                (SELECT count(*) FROM prior_therapy t WHERE t.patient_id = p.id),
                (SELECT f.weight_kg FROM infusion f WHERE f.patient_id = p.id),
                %s
            FROM patient p JOIN patient_identity i ON i.patient_id = p.id
            WHERE p.id IN (:ids)
            """.formatted(AdministrationRepository.FIRST_DOSE_OF_P);

    /** A patient's site and the revision of its reference data (V2_7__reference_revision.sql). */
    public record Revision(UUID patientId, String siteCode, long revision) {
    }

    /** The revisions of these patients' references, with their sites; the IDs as a list, as {@link #FACTS}'. */
    public Uni<List<Revision>> revisions(Collection<UUID> patientIds) {
        return getSession().flatMap(session -> session.createNativeQuery("SELECT p.id, p.site_code, r.revision"
                        + " FROM patient p JOIN patient_reference_revision r ON r.patient_id = p.id"
                        + " WHERE p.id IN (:ids)", Object[].class)
                        .setParameter("ids", List.copyOf(patientIds))
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new Revision((UUID) row[0], (String) row[1],
                        ((Number) row[2]).longValue())).toList());
    }

    public Uni<Map<UUID, ReferenceFacts>> factsOf(Collection<UUID> patientIds) {
        return getSession().flatMap(session -> session.createNativeQuery(FACTS, Object[].class)
                        .setParameter("ids", List.copyOf(patientIds))
                        .getResultList())
                .map(rows -> rows.stream().map(ReferenceFacts::of)
                        .collect(Collectors.toMap(ReferenceFacts::patientId, Function.identity())));
    }
}
