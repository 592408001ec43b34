package org.celltrial.common.enrollment;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What enrollment-service answers to {@code POST …/patients/reference-revisions} (docs/api.md): the revision of the
 * reference of each patient asked for that the caller may see, by patient ID.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceRevisions(Map<UUID, Long> revisions) {

    public Map<UUID, Long> revisions() {
        return revisions == null ? Map.of() : revisions;
    }
}
