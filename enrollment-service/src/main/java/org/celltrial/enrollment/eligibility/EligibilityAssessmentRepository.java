package org.celltrial.enrollment.eligibility;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;

@ApplicationScoped
@WithSession
public class EligibilityAssessmentRepository implements PanacheRepositoryBase<EligibilityAssessment, UUID> {
}
