package org.celltrial.gateway.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** An entry CellTrial does not store, with why, as its OperationOutcome issue says it. */
public class RefusedEntry extends RuntimeException {

    private final transient IssueType type;

    public RefusedEntry(IssueType type, String why) {
        super(why, null, false, false);
        this.type = type;
    }

    public IssueType type() {
        return type;
    }
}
