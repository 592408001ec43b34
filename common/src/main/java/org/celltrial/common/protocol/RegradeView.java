package org.celltrial.common.protocol;

import java.util.UUID;

/**
 * The outcome of a regrade: the protocol version the patient's stored grades came from (null if never graded) and
 * the one they come from now.
 */
public record RegradeView(UUID patientId, Integer fromProtocolVersion, int toProtocolVersion) {
}
