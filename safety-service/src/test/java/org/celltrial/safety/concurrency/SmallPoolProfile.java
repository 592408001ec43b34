package org.celltrial.safety.concurrency;

import java.util.HashMap;
import java.util.Map;

import org.celltrial.safety.SafetyTestProfile;

/** The safety test profile with a reactive pool of two connections. */
public class SmallPoolProfile extends SafetyTestProfile {

    public static final int POOL = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("quarkus.datasource.reactive.max-size", Integer.toString(POOL));
        return overrides;
    }
}
