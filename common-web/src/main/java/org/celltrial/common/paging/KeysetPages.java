package org.celltrial.common.paging;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A table read a page at a time by keyset: each page the rows after the key of the last row of the page before,
 * read only when that page has been taken, so a reader holds one page whatever the table's size. The reports' and
 * exports' one way to walk their pages (docs/performance.md, runs 33 to 36).
 */
public final class KeysetPages {

    private KeysetPages() {
    }

    /**
     * The pages of at most {@code size} rows that {@code read} answers for {@code (after, size)}: the first after
     * {@code null}, each next after {@code keyOf} the last row read. A short page is the last; a full one may be too,
     * which the next, empty, page tells. There is always a first page, empty when nothing matches.
     */
    public static <T, K> Multi<List<T>> of(int size, BiFunction<K, Integer, Uni<List<T>>> read,
            Function<T, K> keyOf) {
        if (size < 1) {
            throw new IllegalArgumentException("A page holds at least one row: " + size);
        }
        return Multi.createBy().repeating()
                .uni(() -> new Cursor<T, K>(keyOf), cursor -> read.apply(cursor.after, size).invoke(cursor::passed))
                .whilst(page -> page.size() == size);
    }

    /** Where the next page starts: after the last row read. */
    private static final class Cursor<T, K> {

        private final Function<T, K> keyOf;
        private K after;

        Cursor(Function<T, K> keyOf) {
            this.keyOf = keyOf;
        }

        void passed(List<T> page) {
            if (!page.isEmpty()) {
                after = keyOf.apply(page.get(page.size() - 1));
            }
        }
    }
}
