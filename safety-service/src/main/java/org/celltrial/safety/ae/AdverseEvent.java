package org.celltrial.safety.ae;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.celltrial.common.persistence.JsonArrayColumn;
import org.celltrial.common.record.PatientRecord;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An adverse event, with its CTCAE v5.0 term and MedDRA code. For a derived event both the derived grade (and
 * the rule behind it) and a safety officer's confirmed grade are kept; {@link #grade} is the one in force.
 */
@Entity
@Table(name = "adverse_event")
public class AdverseEvent extends PatientRecord {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin;

    /** Identifies a derived event's source (a CRS episode's onset, a lab term's episode). */
    @Column(name = "origin_key")
    public String originKey;

    @Column(name = "ctcae_term", nullable = false)
    public String ctcaeTerm;

    @Column(name = "meddra_code")
    public String meddraCode;

    @Column(nullable = false)
    public LocalDate onset;

    @Column(name = "derived_grade")
    public Integer derivedGrade;

    @Column(name = "derived_rule")
    public String derivedRule;

    /** The engine (and its version) that derived the grade. */
    @Column(name = "derived_by")
    public String derivedBy;

    /** The protocol version whose settings the derived grade was made under. */
    @Column(name = "protocol_version")
    public Integer protocolVersion;

    @Column(name = "confirmed_grade")
    public Integer confirmedGrade;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmation_reason")
    public String confirmationReason;

    @Column(nullable = false)
    public int grade;

    @Column(nullable = false)
    public boolean serious;

    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonArrayColumn.class)
    @Column(name = "seriousness_criteria", nullable = false)
    public List<SeriousnessCriterion> seriousnessCriteria;

    @Enumerated(EnumType.STRING)
    @Column(name = "related_to_car_t")
    public Relatedness relatedToCarT;

    @Enumerated(EnumType.STRING)
    @Column(name = "related_to_lymphodepletion")
    public Relatedness relatedToLymphodepletion;

    /** The sponsor's own causality assessment of the CAR-T product (E2B(R3) G.k.9.i.2.r, source "Sponsor"). */
    @Enumerated(EnumType.STRING)
    @Column(name = "sponsor_related_to_car_t")
    public Relatedness sponsorRelatedToCarT;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    /** Treatment names (e.g. tocilizumab, methylprednisolone). */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonArrayColumn.class)
    @Column(nullable = false)
    public List<String> treatments;

    /** When the sponsor became aware of the event: expedited reporting deadlines run from it. */
    @Column(name = "awareness_date")
    public LocalDate awarenessDate;

    /** Listed in the reference safety information; null while not assessed. */
    public Boolean expected;

    @Column(name = "reported_on")
    public LocalDate reportedOn;

    /** The confirmed grade when a safety officer gave one, else the derived grade. */
    public void applyGrade() {
        if (confirmedGrade != null) {
            grade = confirmedGrade;
        } else if (derivedGrade != null) {
            grade = derivedGrade;
        }
    }

    @Override
    public LocalDate dataDate(ZoneId studyZone) {
        return onset;
    }
}
