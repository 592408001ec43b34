package org.celltrial.safety.report;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.safety.ae.AdverseEventView;

/** A page of an export: the events and, by patient ID, their patients as enrollment answered them. */
public record ExportPage(List<AdverseEventView> events, Map<UUID, PatientReference> patients) {
}
