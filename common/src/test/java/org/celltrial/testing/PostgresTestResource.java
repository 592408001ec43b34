package org.celltrial.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a fresh, empty database of its own on the real PostgreSQL server that
 * {@link PostgresServer} finds or starts. Argument {@code database}: the database's name.
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
        server.recreateDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // The database is left for inspection after a failed run; the next run recreates it.
    }
}
