package org.celltrial.common.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Locks and what they froze. Writers and lockers meet on one PostgreSQL advisory lock: every write of dated data
 * takes it shared before it checks the locks in force, a new lock takes it exclusively, so a lock never commits
 * beside a write into its period that checked before it.
 */
@ApplicationScoped
@WithSession
public class DataLockRepository implements PanacheRepositoryBase<DataLock, UUID> {

    private static final String KEY = "hashtext('celltrial.data-lock')";

    public Uni<Void> shareWithWriters() {
        return advisory("pg_advisory_xact_lock_shared");
    }

    public Uni<Void> excludeWriters() {
        return advisory("pg_advisory_xact_lock");
    }

    /**
     * Sent as a statement run for its effect, not as a query, as the patient's lock is
     * ({@code PatientRecords#lockPatients}): Hibernate Reactive never finds again the plan it keeps for a native
     * select, so every write added a copy of this one to the plan cache, and each lookup walked the copies
     * (docs/performance.md, run 41).
     */
    private Uni<Void> advisory(String function) {
        return getSession().flatMap(session -> session
                .createNativeQuery("SELECT 1 FROM " + function + "(" + KEY + ")").executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<DataLock>> history() {
        return list("order by lockedAt, id");
    }

    /** The locks in force that forbid writing data of the site dated that day. */
    public Uni<List<DataLock>> covering(String siteCode, LocalDate dataDate) {
        return list("unlockedAt is null and cutoff >= ?1 and (siteCode is null or siteCode = ?2) order by cutoff",
                dataDate, siteCode);
    }

    /** The lock in force of exactly this scope (null: the study) and cut-off. */
    public Uni<DataLock> inForce(String siteCode, LocalDate cutoff) {
        return siteCode == null
                ? find("unlockedAt is null and siteCode is null and cutoff = ?1", cutoff).firstResult()
                : find("unlockedAt is null and siteCode = ?1 and cutoff = ?2", siteCode, cutoff).firstResult();
    }

    public Uni<List<FrozenReport>> frozenBy(UUID lockId) {
        return getSession().flatMap(session -> session
                .createQuery("from FrozenReport where lockId = ?1 order by name", FrozenReport.class)
                .setParameter(1, lockId).getResultList());
    }

    public Uni<FrozenReport> frozen(UUID lockId, String name) {
        FrozenReport.Key key = new FrozenReport.Key();
        key.lockId = lockId;
        key.name = name;
        return getSession().flatMap(session -> session.find(FrozenReport.class, key));
    }

    public Uni<Void> keep(FrozenReport report) {
        return getSession().flatMap(session -> session.persist(report)).replaceWithVoid();
    }
}
