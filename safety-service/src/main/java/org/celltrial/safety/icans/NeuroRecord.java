package org.celltrial.safety.icans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.celltrial.common.record.PatientRecord;

/** A neurological assessment as done at the bedside: what ICANS is graded from. */
@Entity
@Table(name = "neuro_assessment")
public class NeuroRecord extends PatientRecord {

    @Column(name = "assessed_at", nullable = false)
    public Instant at;

    @Column(name = "ice_orientation")
    public Integer iceOrientation;

    @Column(name = "ice_naming")
    public Integer iceNaming;

    @Column(name = "ice_commands")
    public Integer iceCommands;

    @Column(name = "ice_writing")
    public Integer iceWriting;

    @Column(name = "ice_attention")
    public Integer iceAttention;

    @Enumerated(EnumType.STRING)
    @Column(name = "ice_status", nullable = false)
    public ScoreStatus iceStatus;

    @Column(name = "capd_score")
    public Integer capdScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "capd_status", nullable = false)
    public ScoreStatus capdStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Consciousness consciousness;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Seizure seizure;

    @Enumerated(EnumType.STRING)
    @Column(name = "motor_weakness", nullable = false)
    public MotorWeakness motorWeakness;

    @Enumerated(EnumType.STRING)
    @Column(name = "cerebral_edema", nullable = false)
    public CerebralEdema cerebralEdema;

    IceScore ice() {
        return iceOrientation == null ? null
                : new IceScore(iceOrientation, iceNaming, iceCommands, iceWriting, iceAttention);
    }

    NeuroAssessment assessment() {
        return new NeuroAssessment(at, ice(), iceStatus, capdScore, capdStatus, consciousness, seizure, motorWeakness,
                cerebralEdema);
    }

    @Override
    public LocalDate dataDate(ZoneId studyZone) {
        return LocalDate.ofInstant(at, studyZone);
    }
}
