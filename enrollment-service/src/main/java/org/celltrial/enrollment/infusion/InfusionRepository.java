package org.celltrial.enrollment.infusion;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;

@ApplicationScoped
@WithSession
public class InfusionRepository implements PanacheRepositoryBase<Infusion, UUID> {
}
