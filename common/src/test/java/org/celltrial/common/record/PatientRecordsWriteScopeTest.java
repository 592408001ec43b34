package org.celltrial.common.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.Caller.Action;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may write a patient's records at a site ({@link PatientRecords#requireMay}): clinical records
 * ({@link Action#WRITE}) only by a role that writes them and has that site, so a second role never widens the first;
 * the writes open to every clinical reader ({@link Action#READ}: an adverse event's report) wherever the caller
 * reads. Every caller below holds SITE-01 in its {@code site} claim. Outcome: 0 allowed, 403 or 404.
 */
class PatientRecordsWriteScopeTest {

    /** Roles | record at own site | record at another site | adverse event at another site. */
    @ParameterizedTest(name = "{0}: record own {1}, record other {2}, event other {3}")
    @CsvSource(delimiter = '|', textBlock = """
            investigator                          | 0   | 404 | 404
            investigator safety-officer           | 0   | 403 | 0
            investigator admin                    | 0   | 404 | 404
            investigator sponsor                  | 0   | 404 | 404
            investigator monitor                  | 0   | 404 | 404
            investigator data-manager             | 0   | 0   | 0
            data-manager                          | 0   | 0   | 0
            safety-officer                        | 403 | 403 | 0
            monitor                               | 403 | 404 | 404
            monitor safety-officer                | 403 | 403 | 0
            admin                                 | 404 | 404 | 404
            sponsor                               | 403 | 403 | 0
            admin safety-officer investigator     | 0   | 403 | 0
            """)
    void writesComeFromOneRole(String roles, int recordOwn, int recordOther, int eventOther) {
        Caller caller = new Caller("subject", "user", "celltrial-cli", new TreeSet<>(Arrays.asList(roles.split(" "))),
                Set.of("SITE-01"));
        assertEquals(recordOwn, outcome(caller, Action.WRITE, "SITE-01"), "record at own site");
        assertEquals(recordOther, outcome(caller, Action.WRITE, "SITE-02"), "record at another site");
        assertEquals(eventOther, outcome(caller, Action.READ, "SITE-02"), "adverse event at another site");
    }

    private static int outcome(Caller caller, Action action, String site) {
        PatientReference patient = new PatientReference(UUID.randomUUID(), "CT-" + site + "-001", site, "F", null,
                null, null, null, null, null, "INFUSED", List.of(), null);
        try {
            PatientRecords.requireMay(caller, action, patient);
            return 0;
        } catch (ProblemException e) {
            return e.problem().status();
        }
    }

    @org.junit.jupiter.api.Test
    void aRefusalNamesTheSiteAndLeaksNothingElse() {
        Caller caller = new Caller("s", "u", "c", Set.of("investigator", "safety-officer"), Set.of("SITE-01"));
        PatientReference patient = new PatientReference(UUID.randomUUID(), "CT-SITE-02-001", "SITE-02", "F", null,
                null, null, null, null, null, "INFUSED", List.of(), null);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> PatientRecords.requireMay(caller, Action.WRITE, patient));
        assertEquals("urn:celltrial:problem:forbidden", refused.problem().type());
        assertEquals("Your roles let you read but not write this patient's records at site SITE-02",
                refused.problem().detail());
    }
}
