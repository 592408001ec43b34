package org.celltrial.common.persistence;

import java.util.Collection;
import java.util.UUID;

/**
 * IDs bound as one array parameter of native SQL, {@code WHERE patient_id = any(:ids)}, instead of HQL's
 * {@code patientId in :ids}: Hibernate caches no plan for a query with a list parameter, so an {@code in} query was
 * translated from HQL to SQL again on every call, 13 % of enrollment-service's samples while serving patients'
 * references (docs/performance.md, run 7). An array is one value: the SQL is the same for any number of IDs.
 * Not HQL's {@code array_contains(:ids, patientId)}: Hibernate writes it {@code :ids @> array[patient_id]}, which no
 * index serves, so over 10 000 patients each page of a report read the whole table (docs/performance.md, run 12).
 * <p>
 * Not for a native select run at every request: Hibernate Reactive 3.2 never finds again the plan it keeps for a
 * native select, so each execution adds a copy under the same SQL and every lookup walks the copies (29 % of
 * enrollment-service's samples serving references; docs/performance.md, run 19). Those bind the IDs as a list,
 * {@code WHERE id IN (:ids)} with a {@code List}, for which Hibernate keeps no plan at all (a parameter an ID, so only
 * where they are bounded: a page of references, a batch's patients); or, where only the statement's effect counts (a
 * lock), run it as an update, whose plan Hibernate does find again.
 */
public final class IdArray {

    private IdArray() {
    }

    /** The one parameter to bind (as {@code Object}, so Panache's varargs do not spread it). */
    public static Object of(Collection<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }
}
