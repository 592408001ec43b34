package org.celltrial.common.review;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fresh sign-in a signature needs (docs/data-review.md, Signatures), at each boundary. */
class SignatureFreshnessTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @ParameterizedTest(name = "signed in {0} s before: fresh")
    @CsvSource({"0", "1", "299", "300", "-30"})
    void fresh(long secondsAgo) {
        assertNull(SignatureFreshness.refusal(NOW.minusSeconds(secondsAgo), NOW, FIVE_MINUTES));
    }

    @ParameterizedTest(name = "signed in {0} s before: refused ({1})")
    @CsvSource({"301, you signed in 301 s ago", "86400, you signed in 86400 s ago", "-31, lies in the future"})
    void stale(long secondsAgo, String why) {
        String refusal = SignatureFreshness.refusal(NOW.minusSeconds(secondsAgo), NOW, FIVE_MINUTES);
        assertTrue(refusal != null && refusal.contains(why), refusal);
    }

    @org.junit.jupiter.api.Test
    void aTokenWithoutAuthTimeIsRefused() {
        assertTrue(SignatureFreshness.refusal(null, NOW, FIVE_MINUTES).contains("no auth_time"));
    }
}
