package org.celltrial.safety;

import java.util.List;
import java.util.Map;

import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.ServiceTestProfile;

public class SafetyTestProfile extends ServiceTestProfile {

    public static final String DATABASE = "safety_test";

    /** Small, so that a test with a handful of adverse events already streams an export in several pages. */
    public static final int EXPORT_PAGE_SIZE = 3;

    @Override
    protected String database() {
        return DATABASE;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return with(new TestResourceEntry(EnrollmentStub.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("celltrial.safety.export.page-size", Integer.toString(EXPORT_PAGE_SIZE));
    }
}
