package org.celltrial.efficacy.measurement;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A patient with measurements of some kind, and the site recorded with them. */
@RegisterForReflection
public record MeasuredPatient(UUID patientId, String siteCode) {
}
