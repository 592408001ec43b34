package org.celltrial.enrollment.patient;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    /** A patient with its identifying data and prior therapies (by start), or null when there is no such patient. */
    public record Details(Patient patient, PatientIdentity identity, List<PriorTherapy> therapies) {
    }

    /**
     * {@link Details} in one query (one row per prior therapy, one without any), where reading the patient, its
     * identity and its therapies one after the other took three round trips for every read of a patient.
     */
    public Uni<Details> details(UUID id) {
        return getSession().flatMap(session -> session.createSelectionQuery("select p, i, t from Patient p "
                        + "join PatientIdentity i on i.patientId = p.id left join PriorTherapy t on t.patientId = p.id "
                        + "where p.id = :id order by t.start nulls first, t.category", Object[].class)
                .setParameter("id", id)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : new Details((Patient) rows.get(0)[0],
                        (PatientIdentity) rows.get(0)[1], rows.stream()
                                .filter(row -> row[2] != null)
                                .map(row -> (PriorTherapy) row[2])
                                .toList()));
    }

    public Uni<Patient> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Boolean> screeningNumberTaken(String siteCode, String screeningNumber) {
        return count("siteCode = ?1 and screeningNumber = ?2", siteCode, screeningNumber).map(n -> n > 0);
    }

    /** Patients of the given sites (all sites when null), optionally in one status, after a subject ID. */
    public Uni<List<Patient>> pageAfter(Collection<String> sites, PatientStatus status, String afterSubjectId,
            int limitPlusOne) {
        StringBuilder query = new StringBuilder("subjectId > :after");
        Parameters parameters = Parameters.with("after", afterSubjectId);
        if (sites != null) {
            query.append(" and siteCode in :sites");
            parameters.and("sites", sites);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        return find(query + " order by subjectId", parameters).range(0, limitPlusOne - 1).list();
    }
}
