package org.celltrial.common.course;

import org.celltrial.common.problem.ProblemException;

import io.smallrye.mutiny.Uni;

/**
 * How a service answers its part of a patient's course (its {@code GET /patients/{id}/course}, which the gateway's
 * {@code GET /study/patients/{id}/course} reads, docs/api.md): the patient's views this service holds, read one after
 * the other in one request (they would share its Hibernate Reactive session, which is not for concurrent use), the
 * patient's reference asked of enrollment-service once ({@code PatientGate#sharingReferences}). The first
 * view decides whether the service has anything for the caller: its refusal (404, 403, 409 before Day 0) is the
 * answer's. A later view's refusal leaves that view null, as when the gateway read each view on its own; a failure
 * that is not a refusal (enrollment-service unavailable: 503) fails the whole answer.
 */
public final class CourseParts {

    private CourseParts() {
    }

    /** A view after the first: null when refused (a 4xx problem). */
    public static <T> Uni<T> later(Uni<T> view) {
        return view.onFailure(CourseParts::refused).recoverWithNull();
    }

    private static boolean refused(Throwable failure) {
        return failure instanceof ProblemException problem && problem.problem().status() >= 400
                && problem.problem().status() < 500;
    }
}
