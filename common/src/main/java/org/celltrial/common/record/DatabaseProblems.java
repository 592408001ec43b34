package org.celltrial.common.record;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.problem.FailureTranslator;
import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemType;

/**
 * What the database says when a write lost a race or ran out of time, as problems a client can act on instead of a
 * 500 (docs/architecture.md, "Cross-cutting rules": one writer per patient, database sessions).
 */
@ApplicationScoped
public class DatabaseProblems implements FailureTranslator {

    /** SQLState unique_violation: a concurrent write stored the same unique value first. */
    static final String UNIQUE_VIOLATION = "23505";
    /** SQLState serialization_failure. */
    static final String SERIALIZATION_FAILURE = "40001";
    /** SQLState deadlock_detected. */
    static final String DEADLOCK_DETECTED = "40P01";
    /** SQLState query_canceled: the database's statement_timeout (V1_4) stopped the statement. */
    static final String QUERY_CANCELED = "57014";
    /**
     * SQLStates character_not_in_repertoire and untranslatable_character: text PostgreSQL cannot store, such as a
     * NUL character (U+0000) that JSON allows in a string (found by SchemaFuzzIT: a reason with one was a 500).
     */
    static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");
    /**
     * SQLStates of a database that is going away or not there yet: admin_shutdown (a restart), crash_shutdown,
     * cannot_connect_now (starting up); and class 08, connection exceptions.
     */
    static final Set<String> DATABASE_GONE = Set.of("57P01", "57P02", "57P03");
    /**
     * The database restarting or unreachable: a 503, never a 500. A connection lost during a commit leaves the outcome
     * unknown, so the detail does not say nothing was stored: a create retried with its Idempotency-Key is safe.
     */
    static final Problem DATABASE_UNAVAILABLE = Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The database is "
            + "unavailable (restarting or unreachable); try again shortly, a create with the same Idempotency-Key");

    /**
     * A write that lost a race with a concurrent one, as the database or Hibernate reports it (at any depth of the
     * cause chain: Hibernate Reactive wraps it, Mutiny and CompletionStage may wrap it again): an update made
     * with If-Match against a version that another update replaced meanwhile is a 412, like a stale If-Match (a
     * write without If-Match that met one is a 409); a unique value taken meanwhile, a serialization failure or a
     * deadlock is a 409; a statement the database stopped at its statement_timeout, or a database restarting or
     * unreachable, is a 503; text the database cannot store (a NUL character) is a 400, and nothing was stored.
     * Null for anything else.
     */
    @Override
    public Problem translate(Throwable e, boolean conditional) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException
                    || cause instanceof org.hibernate.dialect.lock.OptimisticEntityLockException) {
                return conditional
                        ? Problem.of(ProblemType.PRECONDITION_FAILED, "The resource was changed by another update "
                                + "while yours was applied; read it again and reapply your change")
                        : Problem.of(ProblemType.CONFLICT, "Data this write changes was changed by a concurrent "
                                + "write and nothing was stored; read the current state and retry");
            }
            String state = sqlState(cause);
            if (UNIQUE_VIOLATION.equals(state)) {
                return Problem.of(ProblemType.CONFLICT, "A concurrent write stored the same data first (a value "
                        + "that must be unique is already taken); read the current state before you retry");
            }
            if (SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state)) {
                return Problem.of(ProblemType.CONFLICT, "The write collided with a concurrent write to the same "
                        + "data and nothing was stored; read the current state and retry");
            }
            if (state != null && UNSTORABLE_TEXT.contains(state)) {
                return Problem.of(ProblemType.MALFORMED_REQUEST, "A text field holds a character that cannot be "
                        + "stored (such as U+0000); nothing was stored");
            }
            if (QUERY_CANCELED.equals(state)) {
                return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The database did not answer in time and "
                        + "nothing was changed; try again shortly");
            }
            if ((state != null && (DATABASE_GONE.contains(state) || state.startsWith("08")))
                    || cause instanceof io.vertx.sqlclient.ClosedConnectionException
                    // refused, or reset by a server going down mid-statement (FaultsIT met "Connection reset")
                    || cause instanceof java.net.SocketException) {
                return DATABASE_UNAVAILABLE;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String sqlState(Throwable e) {
        if (e instanceof org.hibernate.JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (e instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        if (e instanceof io.vertx.sqlclient.DatabaseException database) {
            return database.getSqlState();
        }
        return null;
    }

}
