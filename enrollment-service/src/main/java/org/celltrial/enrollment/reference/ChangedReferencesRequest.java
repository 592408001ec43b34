package org.celltrial.enrollment.reference;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The patients whose references a report needs, a page at a time, with the revision of each reference the report
 * already holds ({@code known}, optional; docs/api.md).
 */
public record ChangedReferencesRequest(
        @NotEmpty @Size(max = ReferencesRequest.MAX_IDS) List<@NotNull UUID> ids,
        @Size(max = ReferencesRequest.MAX_IDS) Map<@NotNull UUID, @NotNull Long> known) {

    public Map<UUID, Long> knownRevisions() {
        return known == null ? Map.of() : known;
    }
}
