package org.celltrial.common.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import org.celltrial.common.problem.Problem;
import org.junit.jupiter.api.Test;

/** Text PostgreSQL cannot store (a NUL character in a JSON string) is the caller's 400, not a 500. */
class UnstorableTextTest {

    private static final DatabaseProblems PROBLEMS = new DatabaseProblems();

    @Test
    void aNulCharacterTheDatabaseRefusesIsAMalformedRequest() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        Problem problem = PROBLEMS.translate(new RuntimeException("wrapped", nul), false);
        assertEquals(400, problem.status());
        assertEquals("urn:celltrial:problem:malformed-request", problem.type());
        assertEquals(400, PROBLEMS.translate(new SQLException("untranslatable", "22P05"), true).status());
    }

    @Test
    void otherDataErrorsAreStillUnexpected() {
        assertNull(PROBLEMS.translate(new SQLException("numeric out of range", "22003"), false));
    }
}
