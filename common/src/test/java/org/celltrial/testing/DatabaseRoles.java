package org.celltrial.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The two roles of a service's database (docs/architecture.md, Audit trail): {@code <database>_owner} owns the
 * database and its schema and is the one Flyway migrates as; {@code <database>_app} is the one the service runs as,
 * with the rights common's migration V1_5 grants it (INSERT and SELECT only on {@code audit_log}). Named after the
 * database because roles are shared by every database of a server: the tests' and {@code ./suite}'s never meet.
 *
 * <p>Used by the tests ({@link PostgresServer}) and by {@code ./suite} (dev-tools' {@code DevPostgres}, which has it
 * with DevPostgres: JDK and JDBC only.
 */
public record DatabaseRoles(String database, String owner, String ownerPassword, String runtimeRole,
        String runtimePassword) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public DatabaseRoles {
        if (!database.matches("[a-z][a-z0-9_]{0,50}")) {
            throw new IllegalArgumentException("Not a safe database name: " + database);
        }
    }

    /** The roles of this database, with the given passwords. */
    public static DatabaseRoles of(String database, String ownerPassword, String runtimePassword) {
        return new DatabaseRoles(database, ownerOf(database), ownerPassword, runtimeRoleOf(database), runtimePassword);
    }

    public static String ownerOf(String database) {
        return database + "_owner";
    }

    public static String runtimeRoleOf(String database) {
        return database + "_app";
    }

    /** The roles of this database, with fresh random passwords. */
    public static DatabaseRoles withRandomPasswords(String database) {
        return of(database, randomPassword(), randomPassword());
    }

    public static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Creates both roles where missing and sets their passwords, over a connection of a role that may do so. */
    public void ensureRoles(Connection admin) throws SQLException {
        ensureRole(admin, owner, ownerPassword);
        ensureRole(admin, runtimeRole, runtimePassword);
    }

    /** Creates the database, owned by the owner role, where missing. */
    public void ensureDatabase(Connection admin) throws SQLException {
        if (!databaseExists(admin)) {
            try (Statement sql = admin.createStatement()) {
                sql.execute("CREATE DATABASE " + database + " OWNER " + owner);
            }
        }
    }

    /**
     * Over a connection to the database itself: hands the database and everything in its schema to the owner role (a
     * database created before the roles were split belongs to the admin), and keeps everyone else from creating in
     * the schema (PostgreSQL before 15 lets every role create in {@code public}). Changes nothing the second time.
     */
    public void handOverSchema(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " OWNER TO " + owner);
            sql.execute("ALTER SCHEMA public OWNER TO " + owner);
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            sql.execute("""
                    DO $$
                    DECLARE
                        target CONSTANT text := '%s';
                        object record;
                    BEGIN
                        -- tables, views and sequences of their own (a column's sequence follows its table)
                        FOR object IN SELECT c.oid::regclass AS name FROM pg_class c
                                JOIN pg_namespace n ON n.oid = c.relnamespace
                                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                                AND pg_get_userbyid(c.relowner) <> target
                                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                    AND d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
                            EXECUTE format('ALTER TABLE %%s OWNER TO %%I', object.name, target);
                        END LOOP;
                        FOR object IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                                JOIN pg_namespace n ON n.oid = p.pronamespace
                                WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> target LOOP
                            EXECUTE format('ALTER ROUTINE %%s OWNER TO %%I', object.name, target);
                        END LOOP;
                    END
                    $$""".formatted(owner));
        }
    }

    public boolean databaseExists(Connection admin) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void ensureRole(Connection admin, String role, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet row = query.executeQuery()) {
                exists = row.next();
            }
        }
        // Role names are made from a checked database name; the password is quoted as a literal.
        String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '"
                + password.replace("'", "''") + "'";
        try (Statement sql = admin.createStatement()) {
            sql.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + attributes);
        }
    }
}
