package org.celltrial.gateway;

import java.util.List;

import org.celltrial.testing.KeycloakTestResource;

import io.quarkus.test.junit.QuarkusTestProfile;

public class GatewayTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakTestResource.class), new TestResourceEntry(UpstreamStubs.class));
    }
}
