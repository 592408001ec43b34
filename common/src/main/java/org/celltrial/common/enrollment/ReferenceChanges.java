package org.celltrial.common.enrollment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What enrollment-service answers to {@code POST …/patients/changed-references} (docs/api.md): the revision of each
 * asked-for patient's reference the caller may see, and the references whose revision the caller did not know.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceChanges(Map<UUID, Long> revisions, List<PatientReference> references) {

    public Map<UUID, Long> revisions() {
        return revisions == null ? Map.of() : revisions;
    }

    public List<PatientReference> references() {
        return references == null ? List.of() : references;
    }
}
