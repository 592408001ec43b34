package org.celltrial.enrollment.site;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A trial site. Its code prefixes the subject IDs of its patients (CT-SITE-01-004). */
@Entity
@Table(name = "site")
public class Site {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** The number of the last subject screened here; the next subject ID takes the one after. */
    @Column(name = "last_subject_number", nullable = false)
    public int lastSubjectNumber;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
