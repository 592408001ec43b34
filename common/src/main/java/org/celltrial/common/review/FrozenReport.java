package org.celltrial.common.review;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The exact bytes of a report at a lock's cut-off, as the lock froze them, with their SHA-256. */
@Entity(name = "FrozenReport")
@Table(name = "frozen_report")
@IdClass(FrozenReport.Key.class)
public class FrozenReport {

    @Id
    @Column(name = "lock_id")
    public UUID lockId;

    @Id
    public String name;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public byte[] content;

    @Column(nullable = false)
    public String sha256;

    public static class Key implements Serializable {
        public UUID lockId;
        public String name;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(lockId, key.lockId) && Objects.equals(name, key.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lockId, name);
        }
    }
}
