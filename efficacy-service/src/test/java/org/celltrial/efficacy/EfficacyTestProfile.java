package org.celltrial.efficacy;

import org.celltrial.testing.ServiceTestProfile;

public class EfficacyTestProfile extends ServiceTestProfile {

    public static final String DATABASE = "efficacy_test";

    @Override
    protected String database() {
        return DATABASE;
    }
}
