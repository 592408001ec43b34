package org.celltrial.efficacy.report;

import java.util.UUID;

/**
 * A patient with efficacy data that is not voided, as a summary at a cut-off starts from: the site last recorded with
 * its data, the revision of its data (any committed change of its platelet counts, B cells, autoantibodies or CAR-T
 * samples raises it; kept by triggers, V2_1__response_snapshots.sql), the protocol version it is graded under (null:
 * never graded) and its row kept at the cut-off (null: none).
 */
record SummaryPatient(UUID patientId, String siteCode, long revision, Integer protocolVersion, ResponseSnapshot kept) {
}
