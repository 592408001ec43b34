package org.celltrial.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

class KeysetPagesTest {

    /** A table of keys in order, read as the repositories read theirs: the rows after a key, at most a page. */
    private static final class Table {

        final List<String> rows;
        final List<String> readAfter = new ArrayList<>();

        Table(String rows) {
            this.rows = rows.isEmpty() ? List.of() : Arrays.asList(rows.split(" "));
        }

        Uni<List<String>> read(String after, int size) {
            readAfter.add(String.valueOf(after));
            return Uni.createFrom().item(() -> rows.stream().filter(row -> after == null || row.compareTo(after) > 0)
                    .limit(size).toList());
        }

        Multi<List<String>> pages(int size) {
            return KeysetPages.of(size, this::read, row -> row);
        }
    }

    @ParameterizedTest(name = "rows [{0}] in pages of {1}: {2}, read after {3}")
    @CsvSource(delimiter = ';', value = {
            "           ; 2; []                   ; null",
            "a          ; 2; [a]                  ; null",
            "a b        ; 2; [a, b]|[]            ; null b",
            "a b c      ; 2; [a, b]|[c]           ; null b",
            "a b c d    ; 2; [a, b]|[c, d]|[]     ; null b d",
            "a b c d e  ; 2; [a, b]|[c, d]|[e]    ; null b d",
            "a b c      ; 1; [a]|[b]|[c]|[]       ; null a b c",
            "a b c      ; 5; [a, b, c]            ; null"
    })
    void eachPageStartsAfterTheLastRowOfThePageBeforeUntilAShortPage(String rows, int size, String pages,
            String readAfter) {
        Table table = new Table(rows == null ? "" : rows.trim());
        List<List<String>> read = table.pages(size).collect().asList().await().indefinitely();
        assertEquals(pages, String.join("|", read.stream().map(String::valueOf).toList()));
        assertEquals(List.of(readAfter.split(" ")), table.readAfter);
    }

    @Test
    void aPageIsReadOnlyWhenTheOneBeforeIsTaken() {
        Table table = new Table("a b c d e");
        AssertSubscriber<List<String>> reader = table.pages(2).subscribe().withSubscriber(AssertSubscriber.create(1));
        reader.assertItems(List.of("a", "b"));
        assertEquals(List.of("null"), table.readAfter);
        reader.request(1);
        reader.assertItems(List.of("a", "b"), List.of("c", "d"));
        assertEquals(List.of("null", "b"), table.readAfter);
        reader.request(5).assertCompleted();
        assertEquals(List.of("null", "b", "d"), table.readAfter);
    }

    @Test
    void aPageHoldsAtLeastOneRow() {
        Table table = new Table("a");
        assertThrows(IllegalArgumentException.class, () -> table.pages(0));
    }
}
