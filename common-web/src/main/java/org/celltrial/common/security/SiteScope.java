package org.celltrial.common.security;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The sites a list, summary, line listing or export covers for a caller (docs/api.md, Conventions: {@code siteCode}
 * repeatable, default every site the caller may see; docs/architecture.md, Site scoping): the sites asked for, every
 * site when none is, narrowed to those the caller may read ({@link Caller#visibleSites} of {@link Caller.Action#READ}).
 * A site asked for that the caller may not read is left out rather than refused: the gateway has refused it already
 * (403), and behind it the answer is the same as for a site without data.
 *
 * @param sites the sites covered, sorted; null for every site
 */
public record SiteScope(SortedSet<String> sites) {

    public static SiteScope of(Caller caller, Collection<String> requested) {
        SortedSet<String> asked = requested == null || requested.isEmpty() ? null : new TreeSet<>(requested);
        Set<String> readable = caller.visibleSites(Caller.Action.READ);
        if (readable == null) {
            return new SiteScope(asked == null ? null : Collections.unmodifiableSortedSet(asked));
        }
        SortedSet<String> covered = new TreeSet<>(readable);
        if (asked != null) {
            covered.retainAll(asked);
        }
        return new SiteScope(Collections.unmodifiableSortedSet(covered));
    }

    public boolean everySite() {
        return sites == null;
    }

    /** No site at all (a caller who reads none, or asked only for sites it may not read): nothing to read. */
    public boolean coversNone() {
        return sites != null && sites.isEmpty();
    }

    public boolean covers(String siteCode) {
        return sites == null || sites.contains(siteCode);
    }
}
