package org.celltrial.enrollment.reference;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The patients whose references' revisions a report needs, a page at a time (docs/api.md): more than a page of
 * references ({@link ReferencesRequest}), for a revision is a number where a reference is a record.
 */
public record ReferenceRevisionsRequest(
        @NotEmpty @Size(max = ReferenceRevisionsRequest.MAX_IDS) List<@NotNull UUID> ids) {

    public static final int MAX_IDS = 2000;
}
