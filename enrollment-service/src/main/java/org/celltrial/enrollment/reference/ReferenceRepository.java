package org.celltrial.enrollment.reference;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.persistence.IdArray;
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

    private static final String FACTS = """
            select p.id, i.birthDate,
                (select count(t) from PriorTherapy t where t.patientId = p.id),
                (select f.weightKg from Infusion f where f.patientId = p.id),
                (select min(a.givenOn) from Administration a
                    where a.patientId = p.id and a.omitted = false and a.voided = false)
            from Patient p join PatientIdentity i on i.patientId = p.id
            where array_contains(?1, p.id)
            """;

    public Uni<Map<UUID, ReferenceFacts>> factsOf(Collection<UUID> patientIds) {
        return getSession().flatMap(session -> session.createSelectionQuery(FACTS, Object[].class)
                        .setParameter(1, IdArray.of(patientIds))
                        .getResultList())
                .map(rows -> rows.stream().map(ReferenceFacts::of)
                        .collect(Collectors.toMap(ReferenceFacts::patientId, Function.identity())));
    }
}
