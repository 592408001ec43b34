package org.celltrial.gateway.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Date;
import java.util.List;

import org.celltrial.gateway.fhir.IntakeOutcomes.EntryOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/** The intake's answers read back strictly as FHIR R4, each OperationOutcome with its issue and narrative. */
class IntakeOutcomesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void oneOperationOutcomePerEntryInABatchResponse() {
        Bundle answer = IntakeOutcomes.response(List.of(
                EntryOutcome.stored("PLT 45 10*9/L stored in safety-service as lab 1, CTCAE v5.0 grade 3"),
                EntryOutcome.refused("422", IssueType.VALUE, "unit mg does not convert to 10*9/L <&> ; nothing stored")),
                new Date());
        Bundle read = strict().parseResource(Bundle.class, strict().encodeResourceToString(answer));

        assertEquals(Bundle.BundleType.BATCHRESPONSE, read.getType());
        assertEquals(List.of("201 Created", "422"), read.getEntry().stream().map(e -> e.getResponse().getStatus())
                .toList());
        OperationOutcome stored = (OperationOutcome) read.getEntry().get(0).getResource();
        assertEquals(IssueSeverity.INFORMATION, stored.getIssueFirstRep().getSeverity());
        assertEquals(IssueType.INFORMATIONAL, stored.getIssueFirstRep().getCode());
        OperationOutcome refused = (OperationOutcome) read.getEntry().get(1).getResource();
        assertEquals(IssueSeverity.ERROR, refused.getIssueFirstRep().getSeverity());
        assertEquals(IssueType.VALUE, refused.getIssueFirstRep().getCode());
        assertEquals("unit mg does not convert to 10*9/L <&> ; nothing stored",
                refused.getIssueFirstRep().getDiagnostics());
        assertEquals(OperationOutcome.class.getSimpleName(), refused.fhirType());
        String narrative = refused.getText().getDivAsString();
        assertTrue(narrative.contains("Error: unit mg does not convert to 10*9/L &lt;&amp;&gt;"), narrative);
        assertEquals("generated", refused.getText().getStatus().toCode());
    }

    private static IParser strict() {
        return FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }
}
