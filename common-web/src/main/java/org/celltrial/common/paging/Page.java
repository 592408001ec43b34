package org.celltrial.common.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.celltrial.common.problem.ProblemException;

/**
 * One page of a list: {@code {"items": [...], "nextCursor": ...}} (docs/api.md). Lists are keyset-paginated: the
 * cursor is the opaque, encoded sort key of the last item returned, and {@code nextCursor} is null on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * Builds a page from up to {@code limit + 1} rows read after the cursor: the extra row only says that
     * there is a next page.
     */
    public static <R, T> Page<T> of(List<R> rowsPlusOne, int limit, Function<R, String> sortKey,
            Function<R, T> view) {
        boolean more = rowsPlusOne.size() > limit;
        List<R> rows = more ? rowsPlusOne.subList(0, limit) : rowsPlusOne;
        String next = more ? encode(sortKey.apply(rows.get(rows.size() - 1))) : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }

    /**
     * A page of a short list already read whole and sorted by {@code sortKey} (one patient's records, say):
     * the rows after the cursor, up to the limit.
     */
    public static <R, T> Page<T> slice(List<R> sortedRows, Integer limit, String cursor, Function<R, String> sortKey,
            Function<R, T> view) {
        int size = limit(limit);
        String after = after(cursor);
        List<R> rest = sortedRows.stream().filter(row -> sortKey.apply(row).compareTo(after) > 0).limit(size + 1L)
                .toList();
        return of(rest, size, sortKey, view);
    }

    /**
     * An instant as a sort key that orders as text the way the instants order in time (Instant.toString drops a
     * zero fraction, so "…:00Z" would sort after "…:00.5Z").
     */
    public static String key(Instant instant) {
        return String.format("%020d%09d", instant.getEpochSecond(), instant.getNano());
    }

    /** The sort key a cursor carries, or the empty string (before every key) for the first page. */
    public static String after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return "";
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this list returned");
        }
    }

    /** A valid {@code limit}: default 50, at most 200. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    private static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }
}
