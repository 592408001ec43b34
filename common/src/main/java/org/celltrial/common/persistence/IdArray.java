package org.celltrial.common.persistence;

import java.util.Collection;
import java.util.UUID;

/**
 * IDs bound as one array parameter, for HQL's {@code array_contains(?1, patientId)} (PostgreSQL {@code = any(?)})
 * instead of {@code patientId in ?1}. Hibernate caches no plan for a query with a list parameter, so an {@code in}
 * query was translated from HQL to SQL again on every call: 13 % of enrollment-service's samples while serving
 * patients' references to the other services (docs/performance.md, Run 7). An array is one value: the plan is
 * cached and the SQL is the same for any number of IDs.
 */
public final class IdArray {

    private IdArray() {
    }

    /** The one parameter to bind (as {@code Object}, so Panache's varargs do not spread it). */
    public static Object of(Collection<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }
}
