package org.celltrial.common.review;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.review.LockViews.FrozenReportView;
import org.celltrial.common.review.LockViews.Lock;
import org.celltrial.common.review.LockViews.LockView;
import org.celltrial.common.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Database locks at a cut-off (docs/data-review.md, Lock): a data manager locks the study or a site once none of its
 * queries is unresolved; from then on data dated on or before the cut-off cannot be written ({@link #requireOpen},
 * 423), and the service's reports at the cut-off are frozen byte for byte. Lifting a lock needs a reason.
 */
@ApplicationScoped
public class DataLockService {

    @Inject
    DataLockRepository locks;

    @Inject
    QueryRepository queries;

    @Inject
    Instance<LockableReports> reports;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<LockView> lock(Lock request) {
        UUID id = request.id() != null ? request.id() : UUID.randomUUID();
        return locks.excludeWriters().chain(() -> locks.findById(id)).flatMap(existing -> {
            if (existing != null) {
                if (existing.cutoff.equals(request.cutoff())
                        && Objects.equals(existing.siteCode, request.siteCode())) {
                    return view(existing);
                }
                throw ProblemException.conflict("Lock " + id + " exists with another scope or cut-off");
            }
            return locks.inForce(request.siteCode(), request.cutoff()).flatMap(same -> {
                if (same != null) {
                    throw ProblemException.conflict("Already locked: " + same.describe());
                }
                return queries.unresolved(request.siteCode());
            }).flatMap(unresolved -> {
                if (!unresolved.isEmpty()) {
                    throw ProblemException.conflict(unresolved.size() + " quer" + (unresolved.size() == 1 ? "y is"
                            : "ies are") + " not closed (" + String.join(", ", unresolved.stream().limit(5)
                                    .map(q -> q.id + " " + q.status + " on " + q.recordType + " of "
                                            + q.subjectId).toList())
                            + (unresolved.size() > 5 ? ", …" : "") + "): close them before locking");
                }
                DataLock lock = new DataLock();
                lock.id = id;
                lock.siteCode = request.siteCode();
                lock.cutoff = request.cutoff();
                lock.lockedAt = clock.instant();
                lock.lockedBy = Caller.of(identity).username();
                return locks.persist(lock).call(locks::flush)
                        .call(() -> freeze(lock))
                        .flatMap(this::view)
                        .call(view -> audit.record(AuditAction.LOCK, "DataLock", id, null, view, null));
            });
        });
    }

    @WithTransaction
    public Uni<LockView> unlock(UUID lockId, String reason) {
        return locks.excludeWriters().chain(() -> locks.findById(lockId)).flatMap(lock -> {
            if (lock == null) {
                throw ProblemException.notFound("Lock " + lockId);
            }
            if (!lock.inForce()) {
                throw ProblemException.conflict("Lock " + lockId + " was lifted already, on " + lock.unlockedAt
                        + " by " + lock.unlockedBy + ": " + lock.unlockReason);
            }
            return view(lock).flatMap(before -> {
                lock.unlockedAt = clock.instant();
                lock.unlockedBy = Caller.of(identity).username();
                lock.unlockReason = reason;
                return locks.flush().chain(() -> view(lock))
                        .call(after -> audit.record(AuditAction.UNLOCK, "DataLock", lockId, before, after, reason));
            });
        });
    }

    public Uni<List<LockView>> history() {
        return locks.history().flatMap(all -> Multi.createFrom().iterable(all)
                .onItem().transformToUniAndConcatenate(this::view).collect().asList());
    }

    /**
     * Inside a write's transaction, before it changes anything: data of the site dated that day must lie outside
     * every lock in force, else 423 naming the lock.
     */
    public Uni<Void> requireOpen(String siteCode, LocalDate dataDate) {
        return locks.shareWithWriters().chain(() -> locks.covering(siteCode, dataDate)).map(covering -> {
            if (!covering.isEmpty()) {
                throw new ProblemException(ProblemType.LOCKED, "Data of site " + siteCode + " dated " + dataDate
                        + " is locked by " + covering.get(0).describe()
                        + "; a data manager must lift the lock, with a reason, before it can change");
            }
            return null;
        });
    }

    /** What the lock in force of exactly that scope and cut-off froze under that name, or null. */
    public Uni<FrozenReport> frozen(String name, LocalDate cutoff, String siteCode) {
        return locks.inForce(siteCode, cutoff)
                .flatMap(lock -> lock == null ? Uni.createFrom().nullItem() : locks.frozen(lock.id, name));
    }

    private Uni<Void> freeze(DataLock lock) {
        if (!reports.isResolvable()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(reports.get().at(lock.cutoff, lock.siteCode))
                .onItem().transformToUniAndConcatenate(report -> report.content().get().flatMap(bytes -> {
                    FrozenReport frozen = new FrozenReport();
                    frozen.lockId = lock.id;
                    frozen.name = report.name();
                    frozen.mediaType = report.mediaType();
                    frozen.content = bytes;
                    frozen.sha256 = sha256(bytes);
                    return locks.keep(frozen);
                }))
                .collect().last().replaceWithVoid();
    }

    private Uni<LockView> view(DataLock lock) {
        return locks.frozenBy(lock.id).map(frozen -> new LockView(lock.id, lock.siteCode, lock.cutoff,
                lock.lockedAt, lock.lockedBy, lock.inForce(), lock.unlockedAt, lock.unlockedBy, lock.unlockReason,
                frozen.stream().map(report -> new FrozenReportView(report.name, report.mediaType,
                        report.content.length, report.sha256)).toList()));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
