package org.celltrial.enrollment.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.enrollment.lymphodepletion.AdministrationRepository;
import org.celltrial.enrollment.patient.Patient;
import org.celltrial.enrollment.patient.Sex;
import org.celltrial.enrollment.patient.TherapyCategory;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The demographics' facts of the patients consented by a cut-off, a page at a time in subject ID order, one SQL query
 * a page and a row of values a patient: read as entities (the patients, their identities, prior therapies, infusions
 * and doses, a table at a time) 10 000 patients took more than the service's heap (docs/performance.md, run 12).
 */
@ApplicationScoped
@WithSession
public class DemographicsRepository implements PanacheRepositoryBase<Patient, UUID> {

    private static final String FACTS = """
            SELECT p.subject_id, p.site_code, p.sex, i.birth_date, p.itp_diagnosis_date, p.baseline_platelets_per1e9l,
                (SELECT string_agg(t.category, ',') FROM prior_therapy t WHERE t.patient_id = p.id),
                p.consent_date, p.dose_level, p.day0,
                (SELECT f.dose_level FROM infusion f WHERE f.patient_id = p.id),
                %s
            FROM patient p LEFT JOIN patient_identity i ON i.patient_id = p.id
            WHERE p.consent_date <= :date %%s
            ORDER BY p.subject_id COLLATE "C"
            LIMIT :limit
            """.formatted(AdministrationRepository.FIRST_DOSE_OF_P);

    /**
     * Up to {@code limit} patients after the subject ID {@code after} (from the first when null), every site's when
     * {@code sites} is null. Subject IDs in byte order (collation "C"), as Java orders ASCII subject IDs, whatever
     * the database's collation.
     */
    public Uni<List<DemographicFacts>> consentedBy(LocalDate date, Collection<String> sites, String after,
            int limit) {
        String query = FACTS.formatted((sites == null ? "" : "AND p.site_code IN (:sites) ")
                + (after == null ? "" : "AND p.subject_id COLLATE \"C\" > :after"));
        return getSession().flatMap(session -> {
            var selection = session.createNativeQuery(query, Object[].class).setParameter("date", date)
                    .setParameter("limit", limit);
            if (sites != null) {
                selection.setParameter("sites", sites);
            }
            if (after != null) {
                selection.setParameter("after", after);
            }
            return selection.getResultList();
        }).map(rows -> rows.stream().map(DemographicsRepository::facts).toList());
    }

    private static DemographicFacts facts(Object[] row) {
        String categories = (String) row[6];
        return new DemographicFacts((String) row[0], (String) row[1], Sex.valueOf((String) row[2]), (LocalDate) row[3],
                (LocalDate) row[4], (BigDecimal) row[5], categories == null ? List.of()
                        : Arrays.stream(categories.split(",")).map(TherapyCategory::valueOf).toList(),
                (LocalDate) row[7], (String) row[8], (LocalDate) row[9], (String) row[10], (LocalDate) row[11]);
    }
}
