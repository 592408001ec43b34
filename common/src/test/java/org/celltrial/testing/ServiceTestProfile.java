package org.celltrial.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profile of a service with a database: a fresh database of its own on the real PostgreSQL,
 * and the real Keycloak. A service declares its database name in a one-line subclass, and may add
 * resources of its own (a stand-in for another service) with {@link #with}.
 */
public abstract class ServiceTestProfile implements QuarkusTestProfile {

    protected abstract String database();

    @Override
    public List<TestResourceEntry> testResources() {
        return with();
    }

    /** The service's database and Keycloak, plus the given resources. */
    protected List<TestResourceEntry> with(TestResourceEntry... more) {
        List<TestResourceEntry> all = new ArrayList<>(List.of(
                new TestResourceEntry(PostgresTestResource.class, Map.of("database", database())),
                new TestResourceEntry(KeycloakTestResource.class)));
        all.addAll(List.of(more));
        return all;
    }
}
