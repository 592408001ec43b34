package org.celltrial.gateway.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/fhir")
@Tag(name = "study", description = "Composite views over the three services")
public class FhirIntakeResource {

    @Inject
    FhirIntakeService intake;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Consumes({FhirIntakeService.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Produces({FhirIntakeService.FHIR_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Lab results from a hospital: a FHIR R4 transaction Bundle of LOINC-coded Observations, "
            + "each stored where it belongs (labs in safety, graded by CTCAE; platelets in efficacy too) as if entered "
            + "by hand, answered with a batch-response Bundle of one OperationOutcome per entry; a refused entry "
            + "stores nothing. A body that is no FHIR transaction is a 400 OperationOutcome")
    public Uni<Response> intake(String bundle) {
        return intake.intake(bundle).map(answer -> Response.status(answer.status()).entity(answer.resource())
                .type(FhirIntakeService.FHIR_JSON).build());
    }
}
