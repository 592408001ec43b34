package org.celltrial.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a fresh, empty database of its own on the real PostgreSQL server that
 * {@link PostgresServer} finds or starts, with its two roles: Flyway migrates as the owner, the service runs as the
 * runtime role (see {@link DatabaseRoles}). Argument {@code database}: the database's name.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> args) {
        database = args.getOrDefault("database", "celltrial_test");
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.get();
        return server.serviceConfig(server.recreateServiceDatabase(database));
    }

    @Override
    public void stop() {
        // The database is left for inspection after a failed run; the next run recreates it.
    }
}
