package org.celltrial.enrollment.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One evaluation of the eligibility criteria, kept with every criterion's result and why. */
@Entity
@Immutable
@Table(name = "eligibility_assessment")
public class EligibilityAssessment {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "assessed_on", nullable = false)
    public LocalDate assessedOn;

    @Column(name = "assessed_by", nullable = false)
    public String assessedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EligibilityOutcome outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public EligibilityResponse result;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
