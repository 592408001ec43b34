package org.celltrial.efficacy.response;

import org.celltrial.efficacy.response.RescueIndependence.RescueIndependenceAssessment;

/**
 * A patient's IWG response and rescue independence at a cut-off, with the protocol version whose settings they were
 * read under (docs/clinical-rules.md, ITP response and Protocol settings).
 */
public record PatientResponse(int protocolVersion, IwgAssessment assessment,
        RescueIndependenceAssessment rescueIndependence) {
}
