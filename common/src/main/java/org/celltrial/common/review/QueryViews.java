package org.celltrial.common.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The requests and answers of the queries API. */
public final class QueryViews {

    private QueryViews() {
    }

    /** Opens a query on a record, optionally on one of its fields (the field's name as the record is read). */
    public record OpenQuery(
            @NotBlank @Size(max = 40) String recordType,
            @NotNull UUID recordId,
            @Size(max = 60) @Pattern(regexp = "[A-Za-z][A-Za-z0-9]*", message = "must be a field name") String field,
            @NotBlank @Size(max = 2000) String text) {
    }

    /** An answer, a closing or a re-opening, with what the person says. */
    public record QueryText(@NotBlank @Size(max = 2000) String text) {
    }

    /** A query as read: its status, its age in days (until closed), and its whole thread. */
    public record QueryView(UUID id, UUID patientId, String subjectId, String siteCode, String recordType,
            UUID recordId, String field, QueryStatus status, Instant openedAt, String openedBy, Instant closedAt,
            long daysOpen, List<QueryStep> thread, int version) {
    }
}
