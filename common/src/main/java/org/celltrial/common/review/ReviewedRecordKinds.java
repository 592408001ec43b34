package org.celltrial.common.review;

import java.util.Map;

import org.celltrial.common.record.PatientRecord;

/**
 * What a service keeps that monitors query and verify: each kind of clinical record by the name of its collection in
 * the API (e.g. {@code platelet-counts}), which is what a query's or a verification's {@code recordType} names.
 */
public interface ReviewedRecordKinds {

    Map<String, Class<? extends PatientRecord>> byType();
}
