package org.celltrial.safety;

import java.util.List;

import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.ServiceTestProfile;

public class SafetyTestProfile extends ServiceTestProfile {

    public static final String DATABASE = "safety_test";

    @Override
    protected String database() {
        return DATABASE;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return with(new TestResourceEntry(EnrollmentStub.class));
    }
}
