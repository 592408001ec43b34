package org.celltrial.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void instantKeysOrderAsText() {
        Instant whole = Instant.parse("2025-03-02T10:00:00Z");
        Instant half = Instant.parse("2025-03-02T10:00:00.500Z");
        // As Instant.toString() they would not: "…00Z" > "…00.500Z".
        assertTrue(whole.toString().compareTo(half.toString()) > 0);
        assertTrue(Page.key(whole).compareTo(Page.key(half)) < 0);
    }

    @Test
    void slicesAShortListPageByPageWithoutGapsOrRepeats() {
        List<Instant> rows = new ArrayList<>();
        Instant start = Instant.parse("2025-03-02T10:00:00Z");
        for (int i = 0; i < 7; i++) {
            rows.add(start.plusMillis(i % 2 == 0 ? i * 1000L : i * 1000L + 500));
        }
        List<Instant> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Instant> page = Page.slice(rows, 3, cursor, Page::key, row -> row);
            seen.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(rows, seen);
        assertNull(Page.slice(rows, 7, null, Page::key, row -> row).nextCursor());
    }
}
