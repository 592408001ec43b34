package org.celltrial.efficacy.report;

import java.util.UUID;

/**
 * A patient with efficacy data that is not voided, the site last recorded with it, and the revision of its data: any
 * committed change of its platelet counts, B cells, autoantibodies or CAR-T samples raises it (kept by triggers,
 * V2_1__response_snapshots.sql).
 */
public record PatientRevision(UUID patientId, String siteCode, long revision) {
}
