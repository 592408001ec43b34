package org.celltrial.efficacy.course;

import java.util.List;

import org.celltrial.common.review.QueryViews.QueryView;
import org.celltrial.common.review.SignatureViews.SignatureView;
import org.celltrial.efficacy.antibody.AutoantibodyAssessment;
import org.celltrial.efficacy.antibody.AutoantibodyView;
import org.celltrial.efficacy.bcell.BCellAssessment;
import org.celltrial.efficacy.bcell.BCellView;
import org.celltrial.efficacy.kinetics.KineticsSummary;
import org.celltrial.efficacy.kinetics.KineticsView;
import org.celltrial.efficacy.measurement.Series;
import org.celltrial.efficacy.platelet.PlateletCountView;
import org.celltrial.efficacy.response.ResponseView;

/**
 * Efficacy-service's part of a patient's course, each field as its own endpoint answers it without a cut-off (every
 * platelet count, not a page); a field is null where that endpoint refuses.
 */
public record EfficacyCourse(ResponseView response, List<PlateletCountView> plateletCounts,
        Series<AutoantibodyView, AutoantibodyAssessment> autoantibodies,
        Series<KineticsView, KineticsSummary> carTKinetics, Series<BCellView, BCellAssessment> bCells,
        List<QueryView> queries, List<SignatureView> signatures) {
}
