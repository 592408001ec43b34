package org.celltrial.common.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CompletionException;

import org.celltrial.common.problem.Problem;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.junit.jupiter.api.Test;

class BusyProblemsTest {

    private final BusyProblems busy = new BusyProblems();

    @Test
    void aRequestTheBulkheadTurnedAwayIsA503ProblemWrappedOrNot() {
        Problem direct = busy.translate(new BulkheadException("full"), false);
        assertEquals(503, direct.status());
        assertEquals("service-unavailable", direct.type().substring(direct.type().lastIndexOf(':') + 1));
        assertEquals(direct, busy.translate(new CompletionException(new BulkheadException("full")), true));
    }

    @Test
    void anythingElseIsNotItsToAnswer() {
        assertNull(busy.translate(new IllegalStateException("a bug"), false));
    }
}
