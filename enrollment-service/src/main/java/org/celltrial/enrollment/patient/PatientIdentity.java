package org.celltrial.enrollment.patient;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Identifying data, stored apart from the pseudonymised patient and never shown to sponsors. */
@Entity
@Table(name = "patient_identity")
public class PatientIdentity {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    public String initials;
}
