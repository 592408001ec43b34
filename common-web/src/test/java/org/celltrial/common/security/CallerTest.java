package org.celltrial.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.celltrial.common.security.Caller.Action;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Site visibility per role and per action (docs/architecture.md, "Roles"): each permission comes from the roles that
 * grant it, so a second role never widens the first. Every caller below is assigned SITE-01 in its {@code site} claim.
 */
class CallerTest {

    private static final String OWN = "SITE-01";
    private static final String OTHER = "SITE-02";

    /** Roles (space-separated) | read own | read other | write own | write other. */
    @ParameterizedTest(name = "{0}: read {1}/{2}, write {3}/{4}")
    @CsvSource(delimiter = '|', textBlock = """
            investigator                      | true  | false | true  | false
            monitor                           | true  | false | false | false
            data-manager                      | true  | true  | true  | true
            safety-officer                    | true  | true  | false | false
            admin                             | false | false | false | false
            sponsor                           | true  | true  | false | false
            investigator admin                | true  | false | true  | false
            monitor admin                     | true  | false | false | false
            investigator sponsor              | true  | false | true  | false
            investigator safety-officer       | true  | true  | true  | false
            monitor safety-officer            | true  | true  | false | false
            investigator monitor              | true  | false | true  | false
            investigator data-manager         | true  | true  | true  | true
            safety-officer admin              | true  | true  | false | false
            sponsor admin                     | true  | true  | false | false
            admin data-manager                | true  | true  | true  | true
            """)
    void sitesPerRoleAndAction(String roles, boolean readOwn, boolean readOther, boolean writeOwn,
            boolean writeOther) {
        Caller caller = caller(roles.split(" "));
        assertEquals(readOwn, caller.maySeeSite(OWN), "read own site");
        assertEquals(readOther, caller.maySeeSite(OTHER), "read another site");
        assertEquals(writeOwn, caller.mayWriteSite(OWN), "write own site");
        assertEquals(writeOther, caller.mayWriteSite(OTHER), "write another site");
        assertEquals(readOwn, caller.may(Action.READ, OWN));
        assertEquals(writeOther, caller.may(Action.WRITE, OTHER));
    }

    @Test
    void visibleSitesAreNullForEverySiteTheClaimForOwnSitesAndEmptyForNone() {
        assertNull(caller(Roles.DATA_MANAGER).visibleSites(Action.READ));
        assertNull(caller(Roles.SAFETY_OFFICER).visibleSites(Action.READ));
        assertEquals(Set.of(OWN), caller(Roles.INVESTIGATOR, Roles.SAFETY_OFFICER).visibleSites(Action.WRITE));
        assertEquals(Set.of(OWN), caller(Roles.INVESTIGATOR, Roles.ADMIN).visibleSites(Action.READ));
        assertEquals(Set.of(), caller(Roles.ADMIN).visibleSites(Action.READ));
        assertEquals(Set.of(), caller(Roles.SAFETY_OFFICER).visibleSites(Action.WRITE));
        assertEquals(Set.of(), Caller.ANONYMOUS.visibleSites(Action.READ));
    }

    @Test
    void aSponsorAloneReadsPseudonymisedAndWithAClinicalRoleKeepsToItsSites() {
        assertFalse(caller(Roles.SPONSOR).seesIdentifyingData());
        assertNull(caller(Roles.SPONSOR).visibleSites(Action.READ));
        assertTrue(caller(Roles.SPONSOR, Roles.MONITOR).seesIdentifyingData());
        assertEquals(Set.of(OWN), caller(Roles.SPONSOR, Roles.MONITOR).visibleSites(Action.READ));
    }

    private static Caller caller(String... roles) {
        return new Caller("subject", "user", "celltrial-cli", new TreeSet<>(Arrays.asList(roles)), Set.of(OWN));
    }
}
