package org.celltrial.safety;

import org.celltrial.testing.ServiceTestProfile;

public class SafetyTestProfile extends ServiceTestProfile {

    public static final String DATABASE = "safety_test";

    @Override
    protected String database() {
        return DATABASE;
    }
}
