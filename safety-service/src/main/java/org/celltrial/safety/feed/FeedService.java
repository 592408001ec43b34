package org.celltrial.safety.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.paging.Page;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Every change to adverse events since a cursor, for sponsor systems that pull. Read from the audit trail in
 * transaction order (transaction id, then sequence), and only from transactions older than every transaction still
 * running: a row that commits later can never land before a cursor already handed out, so pages pulled while
 * writes continue have no gaps and no duplicates.
 *
 * <p>Transaction ids only order rows within one database cluster and one history of it, so every cursor names the
 * database it was handed out by ({@link #IDENTITY}): the cluster's {@code system_identifier} (a new cluster, e.g. a
 * dump imported elsewhere, has another), its WAL timeline (a restore from backup or a failover starts a new one, and
 * may reuse transaction ids the old history had given out) and the database's oid (a database dropped and
 * re-created or restored has another). A cursor naming another database, or an old cursor naming none, is refused
 * with a 422 that says to restart from a date ({@code from}); nothing is served from a position that may be wrong.
 */
@ApplicationScoped
public class FeedService {

    /** This database, as cursors name it: cluster system identifier, WAL timeline, database oid. */
    static final String IDENTITY = """
            SELECT (SELECT system_identifier FROM pg_control_system())::text || '-'
                || ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int::text || '-'
                || (SELECT oid FROM pg_database WHERE datname = current_database())::text
            """;

    private static final String CHANGES = """
            SELECT txid::text, seq, occurred_at, action, entity_id, coalesce(new_value, old_value)::text, reason
            FROM audit_log
            WHERE entity_type = 'AdverseEvent'
              AND txid < pg_snapshot_xmin(pg_current_snapshot())
              AND (txid, seq) > (CAST(:txid AS xid8), :seq)
            ORDER BY txid, seq
            LIMIT :limit
            """;

    private static final String CHANGES_FROM = """
            SELECT txid::text, seq, occurred_at, action, entity_id, coalesce(new_value, old_value)::text, reason
            FROM audit_log
            WHERE entity_type = 'AdverseEvent'
              AND txid < pg_snapshot_xmin(pg_current_snapshot())
              AND occurred_at >= :from
            ORDER BY txid, seq
            LIMIT :limit
            """;

    /** Every row not served yet belongs to a transaction at or after this one. */
    private static final String HORIZON = "SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::numeric - 1)::text";

    @Inject
    ObjectMapper json;

    /**
     * The page after {@code cursor}, or with {@code from} (a date, UTC) the first page of changes made on or after that
     * day; at most one of them. Without either, the feed from its start.
     */
    @WithSession
    public Uni<FeedPage> since(String cursor, LocalDate from, Integer limit) {
        if (cursor != null && !cursor.isEmpty() && from != null) {
            throw ProblemException.invalid("from", "send either since (a cursor) or from (a date), not both");
        }
        int size = Page.limit(limit);
        return Panache.getSession().flatMap(session -> identity(session).flatMap(database -> {
            Position after = Position.decode(cursor, database);
            if (from != null) {
                return session.createNativeQuery(CHANGES_FROM, Object[].class)
                        .setParameter("from", from.atStartOfDay().atOffset(ZoneOffset.UTC))
                        .setParameter("limit", size)
                        .getResultList()
                        .flatMap(rows -> rows.isEmpty()
                                ? session.createNativeQuery(HORIZON, String.class).getSingleResult()
                                        .map(txid -> new FeedPage(List.of(),
                                                new Position(database, txid, Long.MAX_VALUE).encode()))
                                : Uni.createFrom().item(page(rows, database, after)));
            }
            return session.createNativeQuery(CHANGES, Object[].class)
                    .setParameter("txid", after.txid())
                    .setParameter("seq", after.seq())
                    .setParameter("limit", size)
                    .getResultList()
                    .map(rows -> page(rows, database, after));
        }));
    }

    private static Uni<String> identity(Mutiny.Session session) {
        return session.createNativeQuery(IDENTITY, String.class).getSingleResult();
    }

    private FeedPage page(List<Object[]> rows, String database, Position after) {
        List<FeedItem> items = rows.stream().map(row -> item(row, database)).toList();
        return new FeedPage(items, items.isEmpty() ? after.encode() : items.get(items.size() - 1).cursor());
    }

    private FeedItem item(Object[] row, String database) {
        Position position = new Position(database, row[0].toString(), ((Number) row[1]).longValue());
        try {
            UUID eventId = UUID.fromString(row[4].toString());
            JsonNode event = row[5] == null ? null : json.readTree(row[5].toString());
            boolean reportable = event != null && event.path("serious").asBoolean() && !"VOID".equals(row[3].toString());
            return new FeedItem(position.encode(), instant(row[2]), row[3].toString(), eventId,
                    row[6] == null ? null : row[6].toString(), event, reportable ? FeedItem.e2bPath(eventId) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audited adverse event no longer reads", e);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    /**
     * Where a reader is in the feed: after this transaction's row of this sequence number, in this database. Encoded
     * as {@code v2:<database>:<txid>:<seq>}, base64url.
     */
    record Position(String database, String txid, long seq) {

        private static final String VERSION = "v2";

        static Position decode(String cursor, String database) {
            if (cursor == null || cursor.isEmpty()) {
                return new Position(database, "0", 0);
            }
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
            } catch (IllegalArgumentException e) {
                throw notACursor();
            }
            if (parts.length == 2 && isNumber(parts[0]) && isNumber(parts[1])) {
                throw elsewhere("was handed out before cursors named their database");
            }
            if (parts.length != 4 || !VERSION.equals(parts[0]) || !isNumber(parts[2]) || !isNumber(parts[3])) {
                throw notACursor();
            }
            if (!parts[1].equals(database)) {
                throw elsewhere("was handed out by another database (a restore, an import or a failover since)");
            }
            try {
                return new Position(database, Long.toUnsignedString(Long.parseUnsignedLong(parts[2])),
                        Long.parseLong(parts[3]));
            } catch (NumberFormatException e) {
                throw notACursor();
            }
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (VERSION + ":" + database + ":" + txid + ":" + seq).getBytes(StandardCharsets.UTF_8));
        }

        private static boolean isNumber(String text) {
            return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
        }

        private static ProblemException notACursor() {
            return ProblemException.invalid("since", "is not a cursor this feed returned");
        }

        private static ProblemException elsewhere(String why) {
            return new ProblemException(ProblemType.UNPROCESSABLE, "This cursor " + why + ", so its position "
                    + "cannot be trusted here. Restart from a date: GET /api/v1/safety/feed?from=YYYY-MM-DD (the day "
                    + "of the last change you hold); changes you already have may come again.");
        }
    }
}
