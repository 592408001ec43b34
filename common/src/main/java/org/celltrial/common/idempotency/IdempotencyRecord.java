package org.celltrial.common.idempotency;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The first response to a create sent with an Idempotency-Key, per caller. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public String fingerprint;

    /** Whether the fingerprint covers method, path and body; keys stored before V1_3 cover the body only. */
    @Column(name = "request_bound", nullable = false)
    public boolean requestBound;

    @Column(nullable = false)
    public int status;

    public String location;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public record Key(String caller, String key) implements Serializable {
    }
}
