package org.celltrial.devtools.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class StudyTimeTest {

    private static final LocalDate DAY0 = LocalDate.of(2024, 1, 31);

    @Test
    void studyDaysCountFromDayZero() {
        assertEquals(LocalDate.of(2024, 2, 10), StudyTime.date("D10", DAY0));
        assertEquals(LocalDate.of(2024, 1, 26), StudyTime.date("D-5", DAY0));
    }

    @Test
    void monthlyVisitsFallOnDayZerosDayOrTheMonthsLastDay() {
        assertEquals(LocalDate.of(2024, 2, 29), StudyTime.date("M1", DAY0));
        assertEquals(LocalDate.of(2024, 4, 30), StudyTime.date("M3", DAY0));
        assertEquals(LocalDate.of(2024, 5, 7), StudyTime.date("M3+7", DAY0));
    }

    @Test
    void instantsAreUtcAtEightUnlessTimed() {
        assertEquals("2024-02-01T08:00:00Z", StudyTime.resolve("D1", DAY0, true));
        assertEquals("2024-02-01T20:00:00Z", StudyTime.resolve("D1T20:00", DAY0, true));
        assertEquals("2024-02-01", StudyTime.resolve("D1", DAY0, false));
        assertThrows(IllegalArgumentException.class, () -> StudyTime.resolve("D1T20:00", DAY0, false));
    }

    @Test
    void isoDatesAreNotRelative() {
        assertTrue(StudyTime.isRelative("M9+7"));
        assertFalse(StudyTime.isRelative("2015-11-20"));
        assertFalse(StudyTime.isRelative("DL1"));
    }
}
