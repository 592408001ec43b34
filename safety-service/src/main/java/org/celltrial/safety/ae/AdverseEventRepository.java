package org.celltrial.safety.ae;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AdverseEventRepository implements PanacheRepositoryBase<AdverseEvent, UUID> {

    /**
     * The export order: subject, onset, id. Subject IDs compare byte by byte (collation "C"), so the order, and the
     * SDTM sequence numbers that follow it, do not depend on the server's locale; the index
     * adverse_event_export_order serves it.
     */
    private static final String EXPORT_ORDER = "subject_id COLLATE \"C\", onset, id";

    public Uni<List<AdverseEvent>> ofPatient(UUID patientId) {
        return list("patientId = ?1 and voided = false order by onset, createdAt", patientId);
    }

    public Uni<List<AdverseEvent>> derived(UUID patientId, Origin origin) {
        return list("patientId = ?1 and origin = ?2 and voided = false order by onset", patientId, origin);
    }

    /**
     * {@link #derived} for many patients (a batch), in one query, by patient. The IDs are bound as a list, bounded by
     * the batch: as a native select with an array, each batch added a copy of its plan to the plan cache
     * ({@link org.celltrial.common.persistence.IdArray} says why; docs/performance.md, run 41).
     */
    public Uni<Map<UUID, List<AdverseEvent>>> derived(Collection<UUID> patientIds, Origin origin) {
        return list("patientId in ?1 and origin = ?2 and voided = false order by patientId, onset",
                List.copyOf(patientIds), origin)
                .map(found -> found.stream().collect(Collectors.groupingBy(event -> event.patientId)));
    }

    public Uni<List<AdverseEvent>> all() {
        return list("voided = false order by subjectId, onset, createdAt");
    }

    /**
     * Up to {@code size} events in export order, after {@code after} (keyset paging: each page is one indexed range
     * read, however deep into the export it is).
     *
     * @param asOf only events with an onset up to this date; null for every date
     * @param siteCodes only events of these sites; null for every site
     * @param after the last event of the previous page; null for the first page
     */
    public Uni<List<AdverseEvent>> exportPage(LocalDate asOf, Collection<String> siteCodes, ExportKey after,
            int size) {
        if (siteCodes != null && siteCodes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM adverse_event WHERE NOT voided");
        if (asOf != null) {
            sql.append(" AND onset <= :asOf");
        }
        if (siteCodes != null) {
            sql.append(" AND site_code IN (:siteCodes)");
        }
        if (after != null) {
            sql.append(" AND (").append(EXPORT_ORDER).append(") > (:subjectId, :onset, :id)");
        }
        sql.append(" ORDER BY ").append(EXPORT_ORDER).append(" LIMIT :size");
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<AdverseEvent> query = session.createNativeQuery(sql.toString(), AdverseEvent.class)
                    .setParameter("size", size);
            if (asOf != null) {
                query.setParameter("asOf", asOf);
            }
            if (siteCodes != null) {
                query.setParameter("siteCodes", siteCodes);
            }
            if (after != null) {
                query.setParameter("subjectId", after.subjectId())
                        .setParameter("onset", after.onset())
                        .setParameter("id", after.id());
            }
            return query.getResultList();
        });
    }

    /** Where an event stands in the export order. */
    public record ExportKey(String subjectId, LocalDate onset, UUID id) {

        public static ExportKey of(AdverseEvent event) {
            return new ExportKey(event.subjectId, event.onset, event.id);
        }
    }

    /** Serious events with an onset in [from, to], by onset and id: an E2B(R3) batch. */
    public Uni<List<AdverseEvent>> seriousWithOnset(LocalDate from, LocalDate to) {
        return list("serious = true and voided = false and onset >= ?1 and onset <= ?2 order by onset, id", from, to);
    }

    /**
     * The day, in the study's time zone, the event last changed (its latest audit row): an E2B(R3) report's date of
     * most recent information.
     */
    public Uni<LocalDate> lastChanged(UUID eventId, ZoneId zone) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        SELECT (max(occurred_at) AT TIME ZONE :zone)::date::text FROM audit_log
                        WHERE entity_type = 'AdverseEvent' AND entity_id = :id""", String.class)
                .setParameter("zone", zone.getId())
                .setParameter("id", eventId.toString())
                .getSingleResult())
                .map(day -> day == null ? null : LocalDate.parse(day));
    }

    /** The patient's events with outcome FATAL, by onset: ICAHT stops counting at death. */
    public Uni<List<AdverseEvent>> fatal(UUID patientId) {
        return list("patientId = ?1 and outcome = ?2 and voided = false order by onset", patientId, Outcome.FATAL);
    }
}
