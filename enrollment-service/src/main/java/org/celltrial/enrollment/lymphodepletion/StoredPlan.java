package org.celltrial.enrollment.lymphodepletion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A lymphodepletion plan as computed; a new plan is a new row, the latest one counts. */
@Entity
@Immutable
@Table(name = "lymphodepletion_plan")
public class StoredPlan {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "planned_infusion", nullable = false)
    public LocalDate plannedInfusion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public PlanView plan;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
