package org.celltrial.enrollment.patient;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;

@ApplicationScoped
@WithSession
public class PatientIdentityRepository implements PanacheRepositoryBase<PatientIdentity, UUID> {
}
