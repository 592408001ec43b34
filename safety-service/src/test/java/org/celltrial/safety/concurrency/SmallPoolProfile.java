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
        // client's 2 s timeout (and then its retries and circuit breaker) and turn waiting requests into 503s. The
        // timeout is declared on the class (the pages' longer one on their methods), so it is set for the class.
        String key = "quarkus.fault-tolerance.\"org.celltrial.common.enrollment.EnrollmentClient\"";
        overrides.put(key + ".timeout.value", "10");
        overrides.put(key + ".timeout.unit", "seconds");
        overrides.put("quarkus.rest-client.enrollment.read-timeout", "10000");
        return overrides;
    }
}
