package org.celltrial.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a service's test database directly, to assert what was (and was not) written. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The single number a query such as {@code SELECT count(*) ...} answers. */
    public static long count(String database, String sql, Object... parameters) {
        return Long.parseLong(string(database, sql, parameters));
    }

    /** The first column of the first row, or null when there is no row. */
    public static String string(String database, String sql, Object... parameters) {
        try (Connection db = PostgresServer.get().connect(database);
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }
}
