package org.celltrial.common.review;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * Says, wherever a patient's records are read, which of them have unresolved queries ({@code openQueries}: how
 * many) and which are verified against source ({@code sourceVerified}) (docs/data-review.md): every record in the
 * answer of a {@code GET .../patients/{id}/...}, however deep (the records behind a CRS course too), found by its
 * {@code id}. One place for every kind of record, so no list can forget it.
 */
public class ReviewMarksFilter {

    @Inject
    ReviewedRecordRepository records;

    @Inject
    QueryRepository queries;

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public Uni<Void> mark(ContainerRequestContext request, ContainerResponseContext response) {
        UUID patientId = patientOf(request);
        if (patientId == null || response.getStatus() != 200 || !response.hasEntity()
                || !records.reviewsRecords() || response.getEntity() instanceof byte[]) {
            return Uni.createFrom().voidItem();
        }
        return queries.reviewMarks(patientId).map(marks -> {
            if (!marks.isEmpty()) {
                Map<String, ObjectNode> byRecord = new HashMap<>();
                for (ReviewMarks mark : marks) {
                    ObjectNode node = byRecord.computeIfAbsent(mark.recordId().toString(), id -> json.createObjectNode());
                    if (mark.openQueries() > 0) {
                        node.put("openQueries", mark.openQueries());
                    }
                    if (mark.sourceVerified()) {
                        node.put("sourceVerified", true);
                    }
                }
                JsonNode tree = json.valueToTree(response.getEntity());
                annotate(tree, byRecord);
                response.setEntity(tree);
            }
            return null;
        });
    }

    private static void annotate(JsonNode node, Map<String, ObjectNode> byRecord) {
        if (node.isObject()) {
            ObjectNode marks = byRecord.get(node.path("id").asText());
            if (marks != null) {
                ((ObjectNode) node).setAll(marks);
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> annotate(child, byRecord));
        }
    }

    private static UUID patientOf(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        var segments = request.getUriInfo().getPathSegments();
        for (int i = 0; i + 2 < segments.size(); i++) {
            if (segments.get(i).getPath().equals("patients")) {
                try {
                    return UUID.fromString(segments.get(i + 1).getPath());
                } catch (IllegalArgumentException notAPatient) {
                    return null;
                }
            }
        }
        return null;
    }
}
