package org.celltrial.enrollment.patient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.celltrial.common.problem.ProblemException;

/**
 * A screened patient under a pseudonymous subject ID. Identifying data (birth date, initials) is kept apart in
 * {@link PatientIdentity}.
 */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false, unique = true)
    public String subjectId;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "screening_number", nullable = false)
    public String screeningNumber;

    @Column(name = "screening_date", nullable = false)
    public LocalDate screeningDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    @Column(name = "height_cm", nullable = false)
    public BigDecimal heightCm;

    @Column(name = "weight_kg", nullable = false)
    public BigDecimal weightKg;

    @Column(name = "itp_diagnosis_date", nullable = false)
    public LocalDate itpDiagnosisDate;

    @Column(name = "baseline_platelets_per1e9l", nullable = false)
    public BigDecimal baselinePlateletCountPer1e9L;

    @Column(name = "gp_autoantibody_positive")
    public Boolean gpAutoantibodyPositive;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PatientStatus status;

    @Column(name = "protocol_version")
    public Integer protocolVersion;

    @Column(name = "dose_level")
    public String doseLevel;

    @Column(name = "consent_date")
    public LocalDate consentDate;

    /** The CAR-T infusion date: study day 0. */
    public LocalDate day0;

    /**
     * Versions the patient with its identifying data: the version changes with every change of either.
     */
    @Version
    public int version;

    /**
     * When screening data was last corrected; set by every correction, so that each is a new version even when it
     * changes only the identifying data kept in {@link PatientIdentity}.
     */
    @Column(name = "last_corrected_at")
    public Instant lastCorrectedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Moves the patient on, or refuses with a 409 that names the step and the state it was refused in. */
    public void moveTo(PatientStatus next, String step) {
        if (!next.mayFollow(status)) {
            throw ProblemException.conflict("Cannot record " + step + " for " + subjectId + ": the patient is "
                    + status + ", and " + next + " can only follow " + next.reachableFrom());
        }
        status = next;
    }
}
