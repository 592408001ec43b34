package org.celltrial.efficacy.measurement;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.problem.ProblemException;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads and writes any kind of measurement; each kind is an entity extending {@link Measurement}. */
@ApplicationScoped
@WithSession
public class MeasurementRepository {

    /** A patient's measurements of one kind that are not voided, oldest first. */
    public <M extends Measurement> Uni<List<M>> ofPatient(Class<M> kind, UUID patientId) {
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("from " + kind.getSimpleName()
                        + " where patientId = :patient and voided = false order by measuredOn, createdAt", kind)
                .setParameter("patient", patientId)
                .getResultList());
    }

    /** Every patient with measurements of this kind: id, site and subject ID as recorded. */
    public <M extends Measurement> Uni<List<Object[]>> patients(Class<M> kind) {
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery("select distinct patientId, siteCode, subjectId from " + kind.getSimpleName()
                        + " where voided = false", Object[].class)
                .getResultList());
    }

    /** Flushed at once, so a second sample for the same day is refused here with a 409 that says so. */
    public Uni<Void> persist(Measurement measurement) {
        return Panache.getSession().flatMap(session -> session.persist(measurement).call(session::flush))
                .onFailure(ConstraintViolationException.class).transform(e -> ProblemException.conflict(
                        "A " + measurement.getClass().getSimpleName().replace("Record", "")
                                + " for that day is already recorded; correct or void it instead"));
    }
}
