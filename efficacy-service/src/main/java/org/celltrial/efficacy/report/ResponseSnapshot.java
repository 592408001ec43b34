package org.celltrial.efficacy.report;

import java.util.UUID;

/**
 * A patient's summary row at a cut-off, kept with what it was computed from: the revision of the patient's data
 * ({@link SummaryPatient}), the revision of its reference in enrollment-service, and the digest of everything else
 * with that reference revision ({@link SummaryInputs}). {@code referenceRevision} is null in rows kept before it was.
 */
public record ResponseSnapshot(UUID patientId, long revision, Long referenceRevision, String inputs,
        EfficacySummary.PatientRow row) {

    /** Whether this row still holds for data at this revision and these inputs. */
    boolean holdsFor(long currentRevision, String currentInputs) {
        return revision == currentRevision && inputs.equals(currentInputs);
    }
}
