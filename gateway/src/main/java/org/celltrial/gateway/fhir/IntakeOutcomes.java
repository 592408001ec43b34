package org.celltrial.gateway.fhir;

import java.util.Date;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * The answers of the FHIR intake: an OperationOutcome per entry, in a batch-response Bundle (each entry is stored or
 * refused on its own, so the answer is a batch's, not a transaction's), and the OperationOutcome of a request that
 * is no FHIR transaction at all. Every OperationOutcome carries its narrative.
 */
public final class IntakeOutcomes {

    private IntakeOutcomes() {
    }

    /** What became of one entry: stored (HTTP status 201) or not (the status that says why). */
    public record EntryOutcome(String status, IssueSeverity severity, IssueType type, String text) {

        public static EntryOutcome stored(String text) {
            return new EntryOutcome("201 Created", IssueSeverity.INFORMATION, IssueType.INFORMATIONAL, text);
        }

        public static EntryOutcome refused(String status, IssueType type, String text) {
            return new EntryOutcome(status, IssueSeverity.ERROR, type, text);
        }
    }

    public static Bundle response(List<EntryOutcome> entries, Date now) {
        Bundle bundle = new Bundle();
        bundle.setType(BundleType.BATCHRESPONSE);
        bundle.setTimestamp(now);
        for (EntryOutcome entry : entries) {
            Bundle.BundleEntryComponent component = bundle.addEntry();
            component.setResource(outcome(entry.severity(), entry.type(), entry.text()));
            component.getResponse().setStatus(entry.status());
        }
        return bundle;
    }

    public static OperationOutcome outcome(IssueSeverity severity, IssueType type, String text) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(text);
        Narrative narrative = new Narrative();
        narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        div.addTag("p").addText(severity.getDisplay() + ": " + text);
        narrative.setDiv(div);
        outcome.setText(narrative);
        return outcome;
    }
}
