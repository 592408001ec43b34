package org.celltrial.safety.ctcae;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.batch.BatchReader;
import org.celltrial.common.batch.BatchResult;
import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/labs:batch")
@Produces(MediaType.APPLICATION_JSON)
public class LabBatchResource {

    @Inject
    BatchReader reader;

    @Inject
    LabService labs;

    @POST
    @Consumes({BatchReader.NDJSON, BatchReader.CSV})
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Record a batch of lab results (NDJSON, or CSV with a header line), each with its patientId, "
            + "in one transaction: graded and stored as single results are, or, if any line is invalid, none stored "
            + "and each bad line named")
    public Uni<BatchResult> record(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return Uni.createFrom().item(() -> reader.read(body, BatchReader.isCsv(contentType), LabRequest.class,
                "lab result")).flatMap(labs::recordBatch);
    }
}
