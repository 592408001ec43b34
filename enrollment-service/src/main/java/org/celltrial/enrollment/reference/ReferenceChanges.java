package org.celltrial.enrollment.reference;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer of {@code POST …/patients/changed-references} (docs/api.md): the revision of each asked-for patient's
 * reference the caller may see, and the references whose revision the caller did not know.
 */
public record ReferenceChanges(Map<UUID, Long> revisions, List<PatientReference> references) {
}
