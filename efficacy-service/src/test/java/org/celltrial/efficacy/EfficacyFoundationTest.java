package org.celltrial.efficacy;

import org.celltrial.testing.ServiceFoundationTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(EfficacyTestProfile.class)
class EfficacyFoundationTest extends ServiceFoundationTest {

    @Override
    protected String basePath() {
        return "/api/v1/efficacy";
    }

    @Override
    protected String database() {
        return EfficacyTestProfile.DATABASE;
    }
}
