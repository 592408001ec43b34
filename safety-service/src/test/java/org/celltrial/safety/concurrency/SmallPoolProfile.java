package org.celltrial.safety.concurrency;

import java.util.HashMap;
import java.util.Map;

import org.celltrial.safety.SafetyTestProfile;

/** The safety test profile with a reactive pool of two connections and a patient enrollment client. */
public class SmallPoolProfile extends SafetyTestProfile {

    public static final int POOL = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("quarkus.datasource.reactive.max-size", Integer.toString(POOL));
        // The test is about connections, not timeouts: a slow enrollment stub on a busy machine must not trip the
        // client's 2 s timeout (and then its circuit breaker) and turn waiting requests into 503s.
        overrides.put("quarkus.fault-tolerance.\"org.celltrial.common.enrollment.EnrollmentClient\".timeout.value",
                "10");
        overrides.put("quarkus.fault-tolerance.\"org.celltrial.common.enrollment.EnrollmentClient\".timeout.unit",
                "seconds");
        return overrides;
    }
}
