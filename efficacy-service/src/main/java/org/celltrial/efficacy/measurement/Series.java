package org.celltrial.efficacy.measurement;

import java.util.List;

/**
 * A patient's whole series of one measurement with what is computed from it. A series is short (one
 * patient's samples), so it comes in one page: {@code nextCursor} is always null.
 */
public record Series<T, S>(List<T> items, String nextCursor, S summary) {

    public static <T, S> Series<T, S> of(List<T> items, S summary) {
        return new Series<>(items, null, summary);
    }
}
