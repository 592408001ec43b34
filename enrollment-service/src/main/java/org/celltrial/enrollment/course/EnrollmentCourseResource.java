package org.celltrial.enrollment.course;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/course")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentCourseResource {

    @Inject
    EnrollmentCourseService course;

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER, Roles.MONITOR})
    @Operation(summary = "The patient's record, lymphodepletion, visit schedule, therapies and deviations in one "
            + "answer (the gateway's course composite reads it); a view refused on its own is null")
    public Uni<EnrollmentCourse> course(@PathParam("id") UUID patientId) {
        return course.course(patientId);
    }
}
