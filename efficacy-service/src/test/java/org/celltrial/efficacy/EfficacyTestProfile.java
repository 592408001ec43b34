package org.celltrial.efficacy;

import java.util.List;

import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.ServiceTestProfile;

public class EfficacyTestProfile extends ServiceTestProfile {

    public static final String DATABASE = "efficacy_test";

    @Override
    protected String database() {
        return DATABASE;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return with(new TestResourceEntry(EnrollmentStub.class));
    }
}
