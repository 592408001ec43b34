package org.celltrial.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sites a list or report covers (docs/api.md, Conventions): those asked for, every site when none is, narrowed to
 * the caller's readable sites. Every caller below has SITE-01 and SITE-03 in its {@code site} claim.
 */
class SiteScopeTest {

    private static final Set<String> CLAIMED = Set.of("SITE-01", "SITE-03");

    /** Roles | sites asked for (space-separated, none: every site) | sites covered (ALL: every site; none: no site). */
    @ParameterizedTest(name = "{0} asking for [{1}] covers [{2}]")
    @CsvSource(delimiter = '|', nullValues = "ALL", textBlock = """
            data-manager                 |                         | ALL
            data-manager                 | SITE-02                 | SITE-02
            data-manager                 | SITE-02 SITE-01 SITE-02 | SITE-01 SITE-02
            safety-officer               | SITE-04                 | SITE-04
            sponsor                      |                         | ALL
            sponsor                      | SITE-02                 | SITE-02
            investigator                 |                         | SITE-01 SITE-03
            investigator                 | SITE-03                 | SITE-03
            investigator                 | SITE-01 SITE-02         | SITE-01
            investigator                 | SITE-02                 | ''
            monitor                      |                         | SITE-01 SITE-03
            investigator safety-officer  |                         | ALL
            investigator safety-officer  | SITE-02                 | SITE-02
            investigator sponsor         |                         | SITE-01 SITE-03
            investigator admin           | SITE-02 SITE-03         | SITE-03
            admin                        |                         | ''
            admin                        | SITE-01                 | ''
            """)
    void coversTheSitesAskedForThatTheCallerReads(String roles, String requested, String covered) {
        SiteScope scope = SiteScope.of(caller(roles.split(" ")), words(requested));

        assertEquals(covered == null ? null : new TreeSet<>(words(covered)), scope.sites());
        assertEquals(covered == null, scope.everySite());
        assertEquals(covered != null && covered.isEmpty(), scope.coversNone());
    }

    @Test
    void everySiteCoversAnySiteAndASetOnlyItsOwn() {
        SiteScope every = SiteScope.of(caller(Roles.DATA_MANAGER), List.of());
        SiteScope own = SiteScope.of(caller(Roles.INVESTIGATOR), null);
        SiteScope none = SiteScope.of(caller(Roles.ADMIN), List.of());

        assertNull(every.sites());
        assertTrue(every.covers("SITE-99"));
        assertTrue(own.covers("SITE-03"));
        assertFalse(own.covers("SITE-02"));
        assertFalse(none.covers("SITE-01"));
        assertEquals(List.of("SITE-01", "SITE-03"), List.copyOf(own.sites()));
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split(" +"));
    }

    private static Caller caller(String... roles) {
        return new Caller("subject", "user", "celltrial-cli", new TreeSet<>(Arrays.asList(roles)), CLAIMED);
    }
}
