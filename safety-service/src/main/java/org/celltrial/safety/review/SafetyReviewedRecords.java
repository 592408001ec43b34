package org.celltrial.safety.review;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.record.PatientRecord;
import org.celltrial.common.review.ReviewedRecordKinds;
import org.celltrial.safety.ae.AdverseEvent;
import org.celltrial.safety.crs.VitalsRecord;
import org.celltrial.safety.ctcae.LabRecord;
import org.celltrial.safety.icans.NeuroRecord;

/** The safety records monitors query and verify, by their collections' names (docs/api.md). */
@ApplicationScoped
public class SafetyReviewedRecords implements ReviewedRecordKinds {

    @Override
    public Map<String, Class<? extends PatientRecord>> byType() {
        return Map.of("vitals", VitalsRecord.class, "labs", LabRecord.class, "neuro-assessments", NeuroRecord.class,
                "adverse-events", AdverseEvent.class);
    }
}
