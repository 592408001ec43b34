package org.celltrial.gateway.course;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/patients/{id}/course")
@Tag(name = "study", description = "Composite views over the three services")
@Produces(MediaType.APPLICATION_JSON)
public class CourseResource {

    @Inject
    CourseService courses;

    @GET
    @RolesAllowed({Roles.INVESTIGATOR, Roles.MONITOR, Roles.DATA_MANAGER, Roles.SAFETY_OFFICER})
    @Operation(summary = "One patient's whole course on one timeline by study day: enrollment, dosing, CRS/ICANS, "
            + "adverse events, platelets and response, kinetics, B cells, therapies. A service that does not "
            + "answer leaves its part null and is named in 'unavailable'")
    public Uni<PatientCourse> course(@PathParam("id") UUID id) {
        return courses.course(id);
    }
}
