package org.celltrial.common.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.celltrial.common.persistence.JsonArrayColumn;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A question about one record (optionally one of its fields), with its thread of steps. */
@Entity(name = "DataQuery")
@Table(name = "data_query")
public class DataQuery {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "record_type", nullable = false)
    public String recordType;

    @Column(name = "record_id", nullable = false)
    public UUID recordId;

    public String field;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QueryStatus status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonArrayColumn.class)
    @Column(nullable = false)
    public List<QueryStep> thread = new ArrayList<>();

    @Version
    public int version;

    /** Takes a step of the workflow ({@link QueryWorkflow}): the new status, and the step added to the thread. */
    public void take(QueryStep step) {
        status = QueryWorkflow.next(status, step.action());
        closedAt = status == QueryStatus.CLOSED ? step.at() : null;
        List<QueryStep> steps = new ArrayList<>(thread);
        steps.add(step);
        thread = steps;
    }
}
