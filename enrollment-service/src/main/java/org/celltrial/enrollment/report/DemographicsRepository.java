package org.celltrial.enrollment.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.enrollment.patient.Patient;
import org.celltrial.enrollment.patient.Sex;
import org.celltrial.enrollment.patient.TherapyCategory;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The demographics' facts of every patient consented by a cut-off in one query, a row of values a patient: read as
 * entities (the patients, their identities, prior therapies, infusions and doses, a table at a time) 10 000 patients
 * took more than the service's heap (docs/performance.md, "At scale").
 */
@ApplicationScoped
@WithSession
public class DemographicsRepository implements PanacheRepositoryBase<Patient, UUID> {

    private static final String FACTS = """
            select p.subjectId, p.siteCode, p.sex, i.birthDate, p.itpDiagnosisDate, p.baselinePlateletCountPer1e9L,
                (select listagg(cast(t.category as String), ',') from PriorTherapy t where t.patientId = p.id),
                p.consentDate, p.doseLevel, p.day0,
                (select f.doseLevel from Infusion f where f.patientId = p.id),
                (select min(a.givenOn) from Administration a
                    where a.patientId = p.id and a.omitted = false and a.voided = false)
            from Patient p left join PatientIdentity i on i.patientId = p.id
            where p.consentDate <= :date %s
            order by p.subjectId
            """;

    /** Every site's patients when {@code sites} is null. */
    public Uni<List<DemographicFacts>> consentedBy(LocalDate date, Collection<String> sites) {
        String query = FACTS.formatted(sites == null ? "" : "and p.siteCode in :sites");
        return getSession().flatMap(session -> {
            var selection = session.createSelectionQuery(query, Object[].class).setParameter("date", date);
            if (sites != null) {
                selection.setParameter("sites", sites);
            }
            return selection.getResultList();
        }).map(rows -> rows.stream().map(DemographicsRepository::facts).toList());
    }

    private static DemographicFacts facts(Object[] row) {
        String categories = (String) row[6];
        return new DemographicFacts((String) row[0], (String) row[1], (Sex) row[2], (LocalDate) row[3],
                (LocalDate) row[4], (BigDecimal) row[5], categories == null ? List.of()
                        : Arrays.stream(categories.split(",")).map(TherapyCategory::valueOf).toList(),
                (LocalDate) row[7], (String) row[8], (LocalDate) row[9], (String) row[10], (LocalDate) row[11]);
    }
}
