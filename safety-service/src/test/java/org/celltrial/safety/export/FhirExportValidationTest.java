package org.celltrial.safety.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Origin;
import org.celltrial.safety.ae.Outcome;
import org.celltrial.safety.ae.Relatedness;
import org.celltrial.safety.ae.SeriousnessCriterion;
import org.celltrial.testing.fhir.FhirR4Validator;

/**
 * The FHIR export as a FHIR server would take it: HAPI's instance validator against the R4 core profiles finds no
 * error in a Bundle holding every kind of event the export can hold (each grade, outcome, seriousness, causality,
 * with and without a MedDRA code, a term with XML's special characters), nor in an empty Bundle.
 */
class FhirExportValidationTest {

    private static final Instant ASSEMBLED = Instant.parse("2025-06-15T12:00:00Z");

    @Test
    void everyKindOfAdverseEventValidatesWithoutError() {
        List<AdverseEventView> events = new ArrayList<>();
        Outcome[] outcomes = Outcome.values();
        Relatedness[] relatedness = Relatedness.values();
        for (int grade = 1; grade <= 5; grade++) {
            for (int i = 0; i < outcomes.length; i++) {
                boolean serious = grade >= 3;
                events.add(event("01" + grade, grade % 2 == 0 ? "Cytokine release syndrome" : "Fever <38.5 & \"rigors\"",
                        grade % 2 == 0 ? "10052015" : null, grade, serious,
                        serious ? List.of(SeriousnessCriterion.HOSPITALISATION) : List.of(),
                        i < relatedness.length ? relatedness[i] : null, outcomes[i]));
            }
        }

        String bundle = bundle(events);
        List<String> errors = FhirR4Validator.errors(bundle);

        assertEquals(List.of(), errors, bundle);
        assertEquals(30, events.size());
        assertTrue(bundle.contains("\"code\":\"Serious\"") && bundle.contains("\"code\":\"Non-serious\""));
        assertTrue(bundle.contains("\"text\":{\"status\":\"generated\""), "every AdverseEvent has a narrative");
    }

    @Test
    void anEmptyBundleValidatesWithoutError() {
        assertEquals(List.of(), FhirR4Validator.errors(bundle(List.of())));
    }

    @Test
    void theValidatorRefusesTheLowerCaseSeriousnessCodeTheExportUsedToWrite() {
        String bundle = bundle(List.of(event("0101", "Cytokine release syndrome", "10052015", 3, true,
                List.of(SeriousnessCriterion.LIFE_THREATENING), Relatedness.DEFINITE, Outcome.RECOVERED)));

        List<String> errors = FhirR4Validator.errors(bundle.replace("\"code\":\"Serious\"", "\"code\":\"serious\""));

        assertEquals(1, errors.size(), String.join("\n", errors));
    }

    private static String bundle(List<AdverseEventView> events) {
        FhirAdverseEventBundle bundle = new FhirAdverseEventBundle("CT-ITP-CD19-01", ASSEMBLED);
        return bundle.nextChunk(events) + bundle.end();
    }

    private static AdverseEventView event(String subjectId, String term, String meddraCode, int grade, boolean serious,
            List<SeriousnessCriterion> criteria, Relatedness relatedToCarT, Outcome outcome) {
        LocalDate onset = LocalDate.of(2025, 3, 2);
        return new AdverseEventView(UUID.randomUUID(), UUID.randomUUID(), subjectId, "SITE-01", Origin.REPORTED, term,
                meddraCode, onset, grade, null, null, null, null, serious, criteria, null, null, relatedToCarT, null,
                null, outcome, outcome == Outcome.RECOVERED ? onset.plusDays(5) : null, List.of(), onset, null, null, 1);
    }
}
