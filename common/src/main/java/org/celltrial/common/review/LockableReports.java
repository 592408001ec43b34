package org.celltrial.common.review;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * The reports of a service that a database lock freezes (docs/data-review.md, Lock): each by the name its resource
 * method gives in {@link FrozenAtLock}, and how to produce its bytes at the cut-off for one site or (null) the study,
 * exactly as the resource answers them.
 */
public interface LockableReports {

    record Report(String name, String mediaType, Supplier<Uni<byte[]>> content) {
    }

    List<Report> at(LocalDate cutoff, String siteCode);
}
