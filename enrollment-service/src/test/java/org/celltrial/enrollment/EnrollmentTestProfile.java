package org.celltrial.enrollment;

import org.celltrial.testing.ServiceTestProfile;

public class EnrollmentTestProfile extends ServiceTestProfile {

    public static final String DATABASE = "enrollment_test";

    @Override
    protected String database() {
        return DATABASE;
    }
}
