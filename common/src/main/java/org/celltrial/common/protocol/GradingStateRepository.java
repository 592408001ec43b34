package org.celltrial.common.protocol;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.persistence.IdArray;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class GradingStateRepository implements PanacheRepositoryBase<GradingState, UUID> {

    /**
     * The versions these patients are graded under, in one query of two values a patient (not entities: a summary
     * asks for 10 000 patients); a patient never graded is left out.
     */
    public Uni<Map<UUID, Integer>> versions(Collection<UUID> patientIds) {
        return getSession().flatMap(session -> session
                        .createNativeQuery("SELECT patient_id, protocol_version FROM grading_state"
                                + " WHERE patient_id = any(:ids)", Object[].class)
                        .setParameter("ids", IdArray.of(patientIds))
                        .getResultList())
                .map(states -> states.stream()
                        .collect(Collectors.toMap(state -> (UUID) state[0], state -> ((Number) state[1]).intValue())));
    }

    /** Records the version in one statement, so two first writes for a patient at once cannot collide. */
    public Uni<Void> gradedUnder(UUID patientId, int protocolVersion, Instant at) {
        return gradedUnder(List.of(patientId), protocolVersion, at);
    }

    /** {@link #gradedUnder} for many patients graded under the same version (a batch), in one statement. */
    public Uni<Void> gradedUnder(Collection<UUID> patientIds, int protocolVersion, Instant at) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        INSERT INTO grading_state (patient_id, protocol_version, graded_at)
                        SELECT id, ?2, ?3 FROM unnest(CAST(?1 AS uuid[])) AS id
                        ON CONFLICT (patient_id) DO UPDATE
                        SET protocol_version = excluded.protocol_version, graded_at = excluded.graded_at""")
                .setParameter(1, IdArray.of(patientIds)).setParameter(2, protocolVersion).setParameter(3, at)
                .executeUpdate()).replaceWithVoid();
    }
}
