package org.celltrial.common.review;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a report's resource method whose answer at a locked cut-off is served from what the lock froze
 * ({@link FrozenReportFilter}): the same bytes however later data change. The method takes {@code asOf} and
 * {@code siteCode} query parameters.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FrozenAtLock {

    /** The report's name, as its service's {@link LockableReports} produces it. */
    String value();
}
