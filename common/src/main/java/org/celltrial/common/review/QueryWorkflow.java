package org.celltrial.common.review;

import java.util.Map;

/**
 * The query workflow as a table (docs/data-review.md, Queries): OPEN → ANSWERED → CLOSED, a closed or answered
 * query may be re-opened, and the monitor may close an open one (a question withdrawn). Anything else is refused
 * with the reason, and nothing changes.
 */
public final class QueryWorkflow {

    /** For each status, what each step leads to; a step missing here is refused. */
    private static final Map<QueryStatus, Map<QueryAction, QueryStatus>> NEXT = Map.of(
            QueryStatus.OPEN, Map.of(QueryAction.ANSWER, QueryStatus.ANSWERED, QueryAction.CLOSE, QueryStatus.CLOSED),
            QueryStatus.ANSWERED, Map.of(QueryAction.CLOSE, QueryStatus.CLOSED, QueryAction.REOPEN, QueryStatus.OPEN),
            QueryStatus.CLOSED, Map.of(QueryAction.REOPEN, QueryStatus.OPEN));

    private QueryWorkflow() {
    }

    /** The status after the step, or {@link Refused} saying why the step cannot be taken now. */
    public static QueryStatus next(QueryStatus current, QueryAction step) {
        QueryStatus next = NEXT.get(current).get(step);
        if (next == null) {
            throw new Refused("A query that is " + current + " cannot be " + pastTense(step)
                    + switch (current) {
                        case OPEN -> step == QueryAction.REOPEN ? ": it is open" : "";
                        case ANSWERED -> step == QueryAction.ANSWER
                                ? ": it was answered; the monitor closes or re-opens it" : "";
                        case CLOSED -> ": re-open it first";
                    });
        }
        return next;
    }

    private static String pastTense(QueryAction step) {
        return switch (step) {
            case OPEN -> "opened";
            case ANSWER -> "answered";
            case CLOSE -> "closed";
            case REOPEN -> "re-opened";
        };
    }

    /** A step the workflow does not allow from the query's status. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
