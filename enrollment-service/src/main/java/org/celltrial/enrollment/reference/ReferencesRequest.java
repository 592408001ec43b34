package org.celltrial.enrollment.reference;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The patients whose references a report needs, a page at a time (docs/api.md). */
public record ReferencesRequest(@NotEmpty @Size(max = ReferencesRequest.MAX_IDS) List<@NotNull UUID> ids) {

    public static final int MAX_IDS = 500;
}
