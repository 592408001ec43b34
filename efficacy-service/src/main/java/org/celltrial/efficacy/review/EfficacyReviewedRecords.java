package org.celltrial.efficacy.review;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.record.PatientRecord;
import org.celltrial.common.review.ReviewedRecordKinds;
import org.celltrial.efficacy.antibody.AutoantibodyRecord;
import org.celltrial.efficacy.bcell.BCellRecord;
import org.celltrial.efficacy.kinetics.KineticsRecord;
import org.celltrial.efficacy.platelet.PlateletCountRecord;

/** The efficacy records monitors query and verify, by their collections' names (docs/api.md). */
@ApplicationScoped
public class EfficacyReviewedRecords implements ReviewedRecordKinds {

    @Override
    public Map<String, Class<? extends PatientRecord>> byType() {
        return Map.of("platelet-counts", PlateletCountRecord.class, "autoantibodies", AutoantibodyRecord.class,
                "car-t-kinetics", KineticsRecord.class, "b-cells", BCellRecord.class);
    }
}
