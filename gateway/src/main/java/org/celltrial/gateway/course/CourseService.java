package org.celltrial.gateway.course;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.gateway.upstream.EfficacyClient;
import org.celltrial.gateway.upstream.EnrollmentClient;
import org.celltrial.gateway.upstream.Part;
import org.celltrial.gateway.upstream.SafetyClient;
import org.celltrial.gateway.upstream.Section;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * Reads a patient's course from the three services at once, with the caller's token (so each service's role and
 * site rules apply), and lays it on one timeline. Enrollment decides whether the patient exists for this caller
 * (404/403 as it answers); a service that does not answer leaves its part out, marked unavailable. Each service's
 * records say which have unresolved queries and which are verified against source, and its section holds the
 * patient's queries and casebook signatures (docs/data-review.md). Each service answers its share in one call
 * ({@code GET /patients/{id}/course}; safety- and efficacy-service ask enrollment-service for the patient once), not
 * a call a view: 18 calls, 13 of which asked enrollment for the patient, made the course collapse under 32 at once
 * (docs/performance.md).
 */
@ApplicationScoped
public class CourseService {

    @Inject
    EnrollmentClient enrollment;

    @Inject
    SafetyClient safety;

    @Inject
    EfficacyClient efficacy;

    public Uni<PatientCourse> course(UUID id) {
        Uni<Section> enrollmentSection = Section.whole(EnrollmentClient.SERVICE, enrollment.course(id));
        Uni<Section> safetySection = Section.whole(SafetyClient.SERVICE, safety.course(id));
        Uni<Section> efficacySection = Section.whole(EfficacyClient.SERVICE, efficacy.course(id));
        return Uni.combine().all().unis(enrollmentSection, safetySection, efficacySection).asTuple()
                .map(sections -> assemble(id, sections.getItem1(), sections.getItem2(), sections.getItem3()));
    }

    private static PatientCourse assemble(UUID id, Section enrollment, Section safety, Section efficacy) {
        if (enrollment.state() == Part.State.NOT_FOUND) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No patient " + id + " at the sites you may see");
        }
        if (enrollment.state() == Part.State.FORBIDDEN) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Your role may not read this patient's course");
        }
        JsonNode patient = enrollment.available() ? enrollment.content().path("patient") : null;
        LocalDate day0 = patient != null && patient.path("day0").isTextual()
                ? LocalDate.parse(patient.path("day0").asText())
                : null;
        List<Section> sections = List.of(enrollment, safety, efficacy);
        return new PatientCourse(id,
                patient == null ? null : patient.path("subjectId").asText(null),
                patient == null ? null : patient.path("siteCode").asText(null),
                patient == null ? null : patient.path("status").asText(null),
                day0, Section.states(sections), Section.unavailable(sections),
                enrollment.content(), safety.content(), efficacy.content(),
                CourseTimeline.of(day0, enrollment.content(), safety.content(), efficacy.content()));
    }
}
