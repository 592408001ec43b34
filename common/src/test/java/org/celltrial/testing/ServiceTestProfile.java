package org.celltrial.testing;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profile of a service with a database: a fresh database of its own on the real PostgreSQL,
 * and the real Keycloak. A service declares its database name in a one-line subclass.
 */
public abstract class ServiceTestProfile implements QuarkusTestProfile {

    protected abstract String database();

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresTestResource.class, Map.of("database", database())),
                new TestResourceEntry(KeycloakTestResource.class));
    }
}
