package org.celltrial.common.review;

import java.time.Instant;

/** One step of a query's thread: who did what, when, with what text. */
public record QueryStep(Instant at, String by, QueryAction action, String text) {
}
