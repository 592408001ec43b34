package org.celltrial.common.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every status × every step of the query workflow (docs/data-review.md, Queries). */
class QueryWorkflowTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "OPEN,     ANSWER, ANSWERED",
            "OPEN,     CLOSE,  CLOSED",
            "ANSWERED, CLOSE,  CLOSED",
            "ANSWERED, REOPEN, OPEN",
            "CLOSED,   REOPEN, OPEN"})
    void allowedSteps(QueryStatus from, QueryAction step, QueryStatus to) {
        assertEquals(to, QueryWorkflow.next(from, step));
    }

    @ParameterizedTest(name = "{0} + {1} refused: {2}")
    @CsvSource({
            "OPEN,     OPEN,   cannot be opened",
            "OPEN,     REOPEN, it is open",
            "ANSWERED, OPEN,   cannot be opened",
            "ANSWERED, ANSWER, the monitor closes or re-opens it",
            "CLOSED,   OPEN,   re-open it first",
            "CLOSED,   ANSWER, re-open it first",
            "CLOSED,   CLOSE,  re-open it first"})
    void refusedSteps(QueryStatus from, QueryAction step, String why) {
        QueryWorkflow.Refused refused = assertThrows(QueryWorkflow.Refused.class, () -> QueryWorkflow.next(from, step));
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("A query that is " + from), refused.getMessage());
    }
}
