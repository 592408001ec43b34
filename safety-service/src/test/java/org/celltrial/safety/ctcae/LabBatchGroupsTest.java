package org.celltrial.safety.ctcae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How a lab batch groups its patients by their stored results ({@code LabService.groups}): in their order, as many as
 * stay within the limit, a patient above it alone, none left out (docs/performance.md, runs 29 and 30).
 */
class LabBatchGroupsTest {

    private static List<List<Long>> groups(long limit, Long... storedCounts) {
        return LabService.groups(List.of(storedCounts), Long::longValue, limit);
    }

    @Test
    void patientsWithinTheLimitBetweenThemAreOneGroup() {
        assertEquals(List.of(List.of(20L, 30L)), groups(50, 20L, 30L));
    }

    @Test
    void onePastTheLimitStartsTheNextGroup() {
        assertEquals(List.of(List.of(20L, 30L), List.of(1L)), groups(50, 20L, 30L, 1L));
        assertEquals(List.of(List.of(20L), List.of(31L)), groups(50, 20L, 31L));
    }

    @Test
    void aPatientAboveTheLimitIsAGroupAlone() {
        assertEquals(List.of(List.of(10L), List.of(80L), List.of(5L)), groups(50, 10L, 80L, 5L));
    }

    @Test
    void patientsWithNothingStoredJoinTheGroupBeforeThem() {
        assertEquals(List.of(List.of(50L, 0L, 0L), List.of(1L, 0L)), groups(50, 50L, 0L, 0L, 1L, 0L));
    }

    @Test
    void noPatientsAreNoGroups() {
        assertEquals(List.of(), groups(50));
    }
}
