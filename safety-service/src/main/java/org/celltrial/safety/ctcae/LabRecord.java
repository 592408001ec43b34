package org.celltrial.safety.ctcae;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.celltrial.common.record.PatientRecord;

/** A lab result as reported, with its normal range and the CTCAE grade derived from it. */
@Entity
@Table(name = "lab_result")
public class LabRecord extends PatientRecord {

    @Column(name = "collected_at", nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Analyte analyte;

    @Column(nullable = false)
    public BigDecimal value;

    @Column(nullable = false)
    public String unit;

    @Column(name = "lower_limit_normal")
    public BigDecimal lowerLimitNormal;

    @Column(name = "upper_limit_normal")
    public BigDecimal upperLimitNormal;

    @Column(name = "ctcae_grade", nullable = false)
    public int ctcaeGrade;

    @Column(name = "ctcae_rule", nullable = false)
    public String ctcaeRule;

    /** The engine (and its version) that graded the result. */
    @Column(name = "ctcae_engine", nullable = false)
    public String ctcaeEngine;

    /** The CTCAE version the grade is by, as the protocol named it. */
    @Column(name = "ctcae_version", nullable = false)
    public String ctcaeVersion;

    /** The protocol version whose settings (CTCAE version, baseline anchor) the grade was made under. */
    @Column(name = "protocol_version", nullable = false)
    public int protocolVersion;

    public LabRecord() {
    }

    /**
     * A stored result as a write's grading reads it ({@link LabRepository#gradingValuesOf}): a value, which the
     * session does not manage and which is never persisted; only the fields grading reads are set.
     */
    public LabRecord(UUID id, UUID patientId, Instant at, Instant createdAt, Analyte analyte, BigDecimal value,
            String unit, BigDecimal lowerLimitNormal, BigDecimal upperLimitNormal, int ctcaeGrade, String ctcaeRule,
            String ctcaeEngine, String ctcaeVersion, int protocolVersion) {
        this.id = id;
        this.patientId = patientId;
        this.at = at;
        this.createdAt = createdAt;
        this.analyte = analyte;
        this.value = value;
        this.unit = unit;
        this.lowerLimitNormal = lowerLimitNormal;
        this.upperLimitNormal = upperLimitNormal;
        this.ctcaeGrade = ctcaeGrade;
        this.ctcaeRule = ctcaeRule;
        this.ctcaeEngine = ctcaeEngine;
        this.ctcaeVersion = ctcaeVersion;
        this.protocolVersion = protocolVersion;
    }

    /** Takes the grade a regrade gave this result's value ({@link LabRepository#writeGrades}). */
    void takeGradeOf(LabRecord regraded) {
        ctcaeGrade = regraded.ctcaeGrade;
        ctcaeRule = regraded.ctcaeRule;
        ctcaeEngine = regraded.ctcaeEngine;
        ctcaeVersion = regraded.ctcaeVersion;
        protocolVersion = regraded.protocolVersion;
    }

    public LabResult result() {
        return new LabResult(analyte, value, unit, lowerLimitNormal, upperLimitNormal);
    }

    @Override
    public LocalDate dataDate(ZoneId studyZone) {
        return LocalDate.ofInstant(at, studyZone);
    }
}
