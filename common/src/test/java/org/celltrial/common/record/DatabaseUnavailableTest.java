package org.celltrial.common.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;

import org.celltrial.common.problem.Problem;
import org.junit.jupiter.api.Test;

import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * A database restarting or unreachable is a 503 problem, never a 500, at any depth of the cause chain: the failures a
 * PostgreSQL restart under load produced (system-tests FaultsIT).
 */
class DatabaseUnavailableTest {

    private static final DatabaseProblems PROBLEMS = new DatabaseProblems();

    @Test
    void aRestartingOrUnreachableDatabaseIs503() {
        for (Throwable failure : new Throwable[] {
                database("terminating connection due to administrator command", "57P01"),
                database("the database system is starting up", "57P03"),
                database("the database system is shutting down", "57P03"),
                database("connection failure", "08006"),
                new CompletionException(new IllegalStateException(ClosedConnectionException.INSTANCE)),
                new RuntimeException(new ConnectException("Connection refused")),
                new CompletionException(new SocketException("Connection reset"))}) {
            Problem problem = PROBLEMS.translate(failure, false);
            assertEquals(503, problem == null ? 500 : problem.status(), failure.toString());
            assertEquals("urn:celltrial:problem:service-unavailable", problem.type());
        }
    }

    /** As the PostgreSQL client reports it (a DatabaseException with its SQLState). */
    private static DatabaseException database(String message, String sqlState) {
        return new DatabaseException(message, 0, sqlState, null) {
        };
    }

    @Test
    void otherDatabaseErrorsAreNotTakenForIt() {
        assertNull(PROBLEMS.translate(database("syntax error", "42601"), false));
        assertNull(PROBLEMS.translate(new IllegalStateException("something else"), false));
    }
}
