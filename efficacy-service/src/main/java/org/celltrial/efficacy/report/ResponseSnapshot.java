package org.celltrial.efficacy.report;

import java.util.UUID;

/**
 * A patient's summary row at a cut-off, kept with what it was computed from: the revision of the patient's data
 * ({@link PatientRevision}) and the digest of everything else ({@link SummaryInputs}).
 */
public record ResponseSnapshot(UUID patientId, long revision, String inputs, EfficacySummary.PatientRow row) {

    /** Whether this row still holds for data at this revision and these inputs. */
    boolean holdsFor(long currentRevision, String currentInputs) {
        return revision == currentRevision && inputs.equals(currentInputs);
    }
}
