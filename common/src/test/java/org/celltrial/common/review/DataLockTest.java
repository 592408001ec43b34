package org.celltrial.common.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which writes a lock forbids: by its scope, the cut-off day itself included, and only while in force. */
class DataLockTest {

    @ParameterizedTest(name = "lock of {0} at 2025-06-15, lifted {1}: {2} data of {3} -> {4}")
    @CsvSource({
            "*,       false, SITE-01, 2025-06-14, true",
            "*,       false, SITE-01, 2025-06-15, true",
            "*,       false, SITE-01, 2025-06-16, false",
            "*,       false, SITE-02, 2025-01-01, true",
            "SITE-01, false, SITE-01, 2025-06-15, true",
            "SITE-01, false, SITE-01, 2025-06-16, false",
            "SITE-01, false, SITE-02, 2025-06-15, false",
            "*,       true,  SITE-01, 2025-06-15, false",
            "SITE-01, true,  SITE-01, 2025-01-01, false"})
    void covers(String scope, boolean lifted, String site, LocalDate dataDate, boolean covered) {
        DataLock lock = new DataLock();
        lock.siteCode = scope.equals("*") ? null : scope;
        lock.cutoff = LocalDate.parse("2025-06-15");
        if (lifted) {
            lock.unlockedAt = Instant.parse("2025-07-01T00:00:00Z");
            lock.unlockReason = "late data from the site";
        }
        assertEquals(covered, lock.covers(site, dataDate));
    }
}
