package org.celltrial.common.problem;

import java.util.List;

/** Thrown by services to answer a client with a problem; mapped to problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        this(Problem.of(type, detail, violations));
    }

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " was not found");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The request has an invalid field",
                List.of(new Problem.Violation(field, message)));
    }
}
