package org.celltrial.gateway.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.celltrial.gateway.fhir.IntakeOutcomes.EntryOutcome;
import org.celltrial.testing.fhir.FhirR4Validator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * The intake's answers read back strictly as FHIR R4, each OperationOutcome with its issue and narrative, and every
 * kind of answer valid against the R4 core profiles by HAPI's instance validator.
 */
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

    @Test
    void everyOutcomeTheIntakeAnswersValidatesAgainstTheR4CoreProfiles() {
        List<EntryOutcome> outcomes = new ArrayList<>();
        outcomes.add(EntryOutcome.stored("ALT 80 U/L stored in safety-service as lab 7, CTCAE v5.0 grade 1 "
                + "(>ULN - 3.0 x ULN)"));
        outcomes.add(EntryOutcome.refused("400", IssueType.NOTSUPPORTED, "Only Observations are taken, not Patient"));
        for (IssueType type : List.of(IssueType.NOTSUPPORTED, IssueType.VALUE, IssueType.REQUIRED,
                IssueType.BUSINESSRULE)) {
            outcomes.add(EntryOutcome.refused("422", type, "refused <as> " + type.toCode() + " & nothing stored"));
        }
        outcomes.add(EntryOutcome.refused("404", IssueType.NOTFOUND, "No subject CT-SITE-09-001; nothing stored"));
        for (IssueType type : List.of(IssueType.INVALID, IssueType.FORBIDDEN, IssueType.CONFLICT, IssueType.THROTTLED,
                IssueType.PROCESSING)) {
            outcomes.add(EntryOutcome.refused("409", type, "safety-service refused it; nothing stored"));
        }
        outcomes.add(EntryOutcome.refused("503", IssueType.TRANSIENT, "safety-service is unavailable"));
        outcomes.add(EntryOutcome.refused("500", IssueType.EXCEPTION, "lab 7 could not be voided: void it there"));
        String answer = strict().encodeResourceToString(IntakeOutcomes.response(outcomes, new Date()));
        String notATransaction = strict().encodeResourceToString(IntakeOutcomes.outcome(IssueSeverity.ERROR,
                IssueType.STRUCTURE, "The body is not a FHIR R4 resource in JSON: Unexpected character"));

        assertEquals(List.of(), FhirR4Validator.errors(answer), answer);
        assertEquals(List.of(), FhirR4Validator.errors(notATransaction), notATransaction);
        assertEquals(14, strict().parseResource(Bundle.class, answer).getEntry().size());
    }

    @Test
    void theValidatorFindsAnAnswerThatBreaksTheProfiles() {
        String answer = strict().encodeResourceToString(IntakeOutcomes.response(List.of(
                EntryOutcome.refused("422", IssueType.VALUE, "unit mg does not convert")), new Date()));

        List<String> errors = FhirR4Validator.errors(answer.replace("\"code\":\"value\"", "\"code\":\"Value\"")
                .replace("\"type\":\"batch-response\"", "\"type\":\"answer\""));

        assertTrue(errors.stream().anyMatch(error -> error.contains("'Value'")), String.join("\n", errors));
        assertTrue(errors.stream().anyMatch(error -> error.contains("'answer'")), String.join("\n", errors));
    }

    private static IParser strict() {
        return FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }
}
