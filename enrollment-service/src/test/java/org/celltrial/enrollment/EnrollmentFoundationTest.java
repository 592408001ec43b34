package org.celltrial.enrollment;

import org.celltrial.testing.ServiceFoundationTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class EnrollmentFoundationTest extends ServiceFoundationTest {

    @Override
    protected String basePath() {
        return "/api/v1/enrollment";
    }

    @Override
    protected String database() {
        return EnrollmentTestProfile.DATABASE;
    }
}
