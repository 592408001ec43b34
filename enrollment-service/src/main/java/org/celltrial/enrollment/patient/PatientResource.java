package org.celltrial.enrollment.patient;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.idempotency.Created;
import org.celltrial.common.idempotency.IdempotentCreates;
import org.celltrial.common.paging.Page;
import org.celltrial.common.security.Roles;
import org.celltrial.common.validation.Params;
import org.celltrial.common.versioning.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.mutiny.Uni;

@Path("/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatientResource {

    @Inject
    PatientService patients;

    @POST
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Screen a patient: creates it with a pseudonymous subject ID (status SCREENING)")
    @APIResponse(responseCode = "201", description = "The patient screened, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientView.class)))
    public Uni<Response> screen(@HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(examples = @ExampleObject(name = "a 12-year-old girl with refractory ITP",
                    value = """
                            {"siteCode": "SITE-01", "screeningNumber": "S-0004", "sex": "F", "birthDate": "2012-03-14",
                             "heightCm": 152.0, "weightKg": 41.5, "itpDiagnosisDate": "2017-05-02",
                             "baselinePlateletCountPer1e9L": 9, "gpAutoantibodyPositive": true,
                             "priorTherapies": [
                               {"category": "GLUCOCORTICOID", "agent": "prednisone", "start": "2017-05-02"},
                               {"category": "IVIG", "agent": "IVIG", "start": "2017-06-01"},
                               {"category": "TPO_RA", "agent": "eltrombopag", "start": "2019-01-10"}]}
                            """))) @NotNull @Valid ScreeningRequest request) {
        return patients.screen(idempotencyKey, request).map(Created::toResponse);
    }

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "Patients of the sites you may see, by subject ID; filter by siteCode (repeatable) and status")
    public Uni<Page<PatientSummary>> list(@QueryParam("siteCode") List<String> siteCodes,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return patients.list(siteCodes, Params.enumValue(PatientStatus.class, status, "status"), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "One patient, with its version as ETag")
    @APIResponse(responseCode = "200", description = "The patient; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return patients.get(id).map(PatientResource::withETag);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Correct screening data, with a reason; If-Match must carry the version read")
    @APIResponse(responseCode = "200", description = "The corrected patient; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientView.class)))
    public Uni<Response> correct(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PatientCorrection correction) {
        return patients.correct(id, ifMatch, correction).map(PatientResource::withETag);
    }

    @POST
    @Path("/{id}/enrollment")
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER})
    @Operation(summary = "Enroll an eligible patient at a dose level, under the protocol version in force")
    @APIResponse(responseCode = "200", description = "The enrolled patient; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientView.class)))
    public Uni<Response> enroll(@PathParam("id") UUID id, @NotNull @Valid EnrollmentRequest request) {
        return patients.enroll(id, request).map(PatientResource::withETag);
    }

    static Response withETag(PatientView view) {
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
