package org.celltrial.safety.sae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SaeDeadlineRuleTest {

    private static final LocalDate AWARE = LocalDate.of(2025, 3, 10);
    private final SaeDeadlineRule rule = new SaeDeadlineRule();

    @ParameterizedTest(name = "fatal/life-threatening {0}, {1} days after awareness: {2}")
    @CsvSource({
        "true, 6, DUE",
        "true, 7, DUE",
        "true, 8, OVERDUE",
        "false, 14, DUE",
        "false, 15, DUE",
        "false, 16, OVERDUE",
    })
    void deadlineIs7DaysForFatalOrLifeThreateningSusarsAnd15Otherwise(boolean fatal, int daysLater,
            ReportingStatus expected) {
        SaeDeadline deadline = rule.assess(true, fatal, true, false, AWARE, null, AWARE.plusDays(daysLater));
        assertTrue(deadline.susar());
        assertEquals(fatal ? 7 : 15, deadline.deadlineDays());
        assertEquals(AWARE.plusDays(fatal ? 7 : 15), deadline.deadline());
        assertEquals(expected, deadline.status());
    }

    @ParameterizedTest(name = "suspected {0}, expected {1}: SUSAR {2}")
    @CsvSource({
        "true, false, true",
        "true, , true",
        "true, true, false",
        "false, false, false",
    })
    void onlySuspectedUnexpectedEventsAreExpedited(boolean suspected, Boolean expected, boolean susar) {
        SaeDeadline deadline = rule.assess(true, false, suspected, expected, AWARE, null, AWARE);
        assertEquals(susar, deadline.susar());
        assertEquals(susar ? ReportingStatus.DUE : ReportingStatus.NOT_EXPEDITED, deadline.status());
    }

    @Test
    void aReportedSusarIsReportedAndSaysWhetherItWasLate() {
        SaeDeadline late = rule.assess(true, true, true, false, AWARE, AWARE.plusDays(9), AWARE.plusDays(20));
        assertEquals(ReportingStatus.REPORTED, late.status());
        assertTrue(late.rule().endsWith("2 day(s) late"), late.rule());
        SaeDeadline onTime = rule.assess(true, true, true, false, AWARE, AWARE.plusDays(7), AWARE.plusDays(20));
        assertTrue(onTime.rule().endsWith("on time"), onTime.rule());
        assertFalse(onTime.rule().contains("late"));
    }

    @Test
    void onlySeriousEventsHaveDeadlines() {
        assertThrows(IllegalArgumentException.class, () -> rule.assess(false, false, true, false, AWARE, null, AWARE));
    }
}
