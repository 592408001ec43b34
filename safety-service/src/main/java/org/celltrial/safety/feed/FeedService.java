package org.celltrial.safety.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Every change to adverse events since a cursor, for sponsor systems that pull. Read from the audit trail in
 * commit order (transaction id, then sequence), and only from transactions older than every transaction still
 * running: a row that commits later can never land before a cursor already handed out, so pages pulled while
 * writes continue have no gaps and no duplicates.
 */
@ApplicationScoped
public class FeedService {

    private static final String CHANGES = """
            SELECT txid::text, seq, occurred_at, action, entity_id, coalesce(new_value, old_value)::text, reason
            FROM audit_log
            WHERE entity_type = 'AdverseEvent'
              AND txid < pg_snapshot_xmin(pg_current_snapshot())
              AND (txid, seq) > (CAST(:txid AS xid8), :seq)
            ORDER BY txid, seq
            LIMIT :limit
            """;

    @Inject
    ObjectMapper json;

    @WithSession
    public Uni<FeedPage> since(String cursor, Integer limit) {
        Position after = Position.decode(cursor);
        int size = Page.limit(limit);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(CHANGES, Object[].class)
                .setParameter("txid", after.txid())
                .setParameter("seq", after.seq())
                .setParameter("limit", size)
                .getResultList())
                .map(rows -> {
                    List<FeedItem> items = rows.stream().map(this::item).toList();
                    return new FeedPage(items, items.isEmpty() ? after.encode() : items.get(items.size() - 1).cursor());
                });
    }

    private FeedItem item(Object[] row) {
        Position position = new Position(row[0].toString(), ((Number) row[1]).longValue());
        try {
            return new FeedItem(position.encode(), instant(row[2]), row[3].toString(), UUID.fromString(row[4].toString()),
                    row[6] == null ? null : row[6].toString(), row[5] == null ? null : json.readTree(row[5].toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audited adverse event no longer reads", e);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    /** Where a reader is in the feed: after this transaction's row of this sequence number. */
    record Position(String txid, long seq) {

        static Position decode(String cursor) {
            if (cursor == null || cursor.isEmpty()) {
                return new Position("0", 0);
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                return new Position(Long.toString(Long.parseUnsignedLong(parts[0])), Long.parseLong(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw ProblemException.invalid("since", "is not a cursor this feed returned");
            }
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((txid + ":" + seq).getBytes(StandardCharsets.UTF_8));
        }
    }
}
