package org.celltrial.safety.course;

import java.util.List;

import org.celltrial.common.review.QueryViews.QueryView;
import org.celltrial.common.review.SignatureViews.SignatureView;
import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.grading.CourseView;
import org.celltrial.safety.icaht.IcahtView;

/**
 * Safety-service's part of a patient's course, each field as its own endpoint answers it (every adverse event, not a
 * page); a field is null where that endpoint refuses (ICAHT before Day 0).
 */
public record SafetyCourse(CourseView crs, CourseView icans, IcahtView icaht, List<AdverseEventView> adverseEvents,
        List<QueryView> queries, List<SignatureView> signatures) {
}
