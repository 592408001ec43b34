package org.celltrial.enrollment.reference;

import java.util.Map;
import java.util.UUID;

/**
 * The answer of {@code POST …/patients/reference-revisions} (docs/api.md): the revision of the reference of each
 * patient asked for that the caller may see, by patient ID.
 */
public record ReferenceRevisions(Map<UUID, Long> revisions) {
}
