package org.celltrial.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Text PostgreSQL cannot store (a NUL character in a JSON string) is the caller's 400, not a 500. */
class UnstorableTextTest {

    @Test
    void aNulCharacterTheDatabaseRefusesIsAMalformedRequest() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        Problem problem = ProblemMappers.concurrentWrite(new RuntimeException("wrapped", nul), false);
        assertEquals(400, problem.status());
        assertEquals("urn:celltrial:problem:malformed-request", problem.type());
        assertEquals(400, ProblemMappers.concurrentWrite(new SQLException("untranslatable", "22P05"), true).status());
    }

    @Test
    void otherDataErrorsAreStillUnexpected() {
        assertNull(ProblemMappers.concurrentWrite(new SQLException("numeric out of range", "22003"), false));
    }
}
