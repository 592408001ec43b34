package org.celltrial.common.problem;

/**
 * Turns a failure that is not a bug into the problem the client should see, for failures only a part of the suite
 * knows (a database's lost races, say): {@link ProblemMappers} asks every such bean before it answers 500. The
 * gateway has none; the services get theirs from common ({@code ConcurrentWriteProblems}).
 */
public interface FailureTranslator {

    /**
     * The problem for this failure, or null when it is not one this translator knows.
     *
     * @param conditional whether the request carried If-Match
     */
    Problem translate(Throwable failure, boolean conditional);
}
