package org.celltrial.safety;

import org.celltrial.testing.ServiceFoundationTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class SafetyFoundationTest extends ServiceFoundationTest {

    @Override
    protected String basePath() {
        return "/api/v1/safety";
    }

    @Override
    protected String database() {
        return SafetyTestProfile.DATABASE;
    }
}
