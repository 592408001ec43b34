package org.celltrial.safety.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.junit.jupiter.api.Test;

import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Origin;
import org.celltrial.safety.ae.Outcome;
import org.celltrial.safety.ae.Relatedness;
import org.celltrial.safety.ae.SeriousnessCriterion;

/** The FHIR R4 Bundle, parsed back with HAPI FHIR and checked AdverseEvent by AdverseEvent. */
class FhirAdverseEventBundleTest {

    private static final String STUDY = "CT-CART-01";
    private static final String MEDDRA = "http://terminology.hl7.org/CodeSystem/mdr";
    private static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
    private static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    private static final String OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";

    private static final AdverseEventView CRS = event("0101", Origin.CRS, "Cytokine release syndrome", "10052015",
            LocalDate.of(2025, 3, 2), 1, List.of(), Relatedness.DEFINITE, Outcome.RECOVERING, null);
    private static final AdverseEventView FEBRILE_NEUTROPENIA = event("0101", Origin.REPORTED,
            "Febrile neutropenia", "10016288", LocalDate.of(2025, 3, 9), 3,
            List.of(SeriousnessCriterion.HOSPITALISATION), Relatedness.PROBABLE, Outcome.RECOVERED,
            LocalDate.of(2025, 3, 15));
    private static final AdverseEventView FATAL_ICANS = event("0102", Origin.ICANS,
            "Immune effector cell-associated neurotoxicity syndrome", null, LocalDate.of(2025, 3, 5), 5,
            List.of(SeriousnessCriterion.DEATH), null, Outcome.FATAL, LocalDate.of(2025, 3, 11));

    /** Created once: building a FhirContext scans the whole R4 model. */
    private static final FhirContext FHIR_R4 = FhirContext.forR4();

    private static final Instant ASSEMBLED = Instant.parse("2025-04-01T09:30:00.123Z");

    @Test
    void bundlesOneAdverseEventPerEventAsACollection() throws IOException {
        List<AdverseEventView> events = List.of(CRS, FEBRILE_NEUTROPENIA, FATAL_ICANS);
        String json = json(events);
        Bundle bundle = parse(json);
        JsonNode entries = new ObjectMapper().readTree(json).path("entry");

        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        assertEquals(ASSEMBLED, bundle.getTimestamp().toInstant());
        assertEquals(3, bundle.getEntry().size());
        for (int i = 0; i < events.size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            assertEquals("urn:uuid:" + events.get(i).id(), entry.getFullUrl());
            // HAPI gives a parsed entry's resource its fullUrl as id, so the id is checked in the JSON itself
            assertEquals(events.get(i).id().toString(), entries.get(i).path("resource").path("id").asText());
            AdverseEvent adverseEvent = assertInstanceOf(AdverseEvent.class, entry.getResource());
            assertEquals("urn:celltrial:adverse-event", adverseEvent.getIdentifier().getSystem());
            assertEquals(events.get(i).id().toString(), adverseEvent.getIdentifier().getValue());
            assertEquals(AdverseEvent.AdverseEventActuality.ACTUAL, adverseEvent.getActuality());
            assertEquals(STUDY, adverseEvent.getStudyFirstRep().getDisplay());
        }
    }

    @Test
    void aGradeOneCrsIsMildNonSeriousRecoveringAndDefinitelyRelated() {
        AdverseEvent crs = adverseEvents(CRS).get(0);

        assertEquals("Cytokine release syndrome", crs.getEvent().getText());
        assertCoding(MEDDRA, "10052015", "Cytokine release syndrome", crs.getEvent());
        assertCoding(SEVERITY, "mild", "Mild", crs.getSeverity());
        assertEquals(1, ctcaeGrade(crs));
        assertCoding(SERIOUSNESS, "Non-serious", "Non-serious", crs.getSeriousness());
        assertCoding(OUTCOME, "recovering", "Recovering", crs.getOutcome());
        assertSubject("0101", crs);
        assertEquals("2025-03-02", crs.getDateElement().getValueAsString());
        assertEquals("2025-03-02", crs.getDetectedElement().getValueAsString());
        assertCarTCausality("RELATED", crs);
    }

    @Test
    void aHospitalisedGradeThreeEventIsSevereSeriousResolvedAndProbablyRelated() {
        AdverseEvent febrileNeutropenia = adverseEvents(FEBRILE_NEUTROPENIA).get(0);

        assertEquals("Febrile neutropenia", febrileNeutropenia.getEvent().getText());
        assertCoding(MEDDRA, "10016288", "Febrile neutropenia", febrileNeutropenia.getEvent());
        assertCoding(SEVERITY, "severe", "Severe", febrileNeutropenia.getSeverity());
        assertEquals(3, ctcaeGrade(febrileNeutropenia));
        assertCoding(SERIOUSNESS, "Serious", "Serious", febrileNeutropenia.getSeriousness());
        assertCoding(OUTCOME, "resolved", "Resolved", febrileNeutropenia.getOutcome());
        assertSubject("0101", febrileNeutropenia);
        assertEquals("2025-03-09", febrileNeutropenia.getDateElement().getValueAsString());
        assertCarTCausality("PROBABLY RELATED", febrileNeutropenia);
    }

    @Test
    void aFatalGradeFiveEventIsSevereSeriousAndFatalWithItsTermUncodedWhenTheMeddraCodeIsUnknown() {
        AdverseEvent icans = adverseEvents(FATAL_ICANS).get(0);

        assertEquals("Immune effector cell-associated neurotoxicity syndrome", icans.getEvent().getText());
        assertFalse(icans.getEvent().hasCoding());
        assertCoding(SEVERITY, "severe", "Severe", icans.getSeverity());
        assertEquals(5, ctcaeGrade(icans));
        assertCoding(SERIOUSNESS, "Serious", "Serious", icans.getSeriousness());
        assertCoding(OUTCOME, "fatal", "Fatal", icans.getOutcome());
        assertSubject("0102", icans);
        assertEquals("2025-03-05", icans.getDateElement().getValueAsString());
        assertFalse(icans.hasSuspectEntity());
    }

    @Test
    void namesTheSubjectByItsPseudonymOnly() {
        String json = json(List.of(CRS, FEBRILE_NEUTROPENIA, FATAL_ICANS));

        assertFalse(json.contains("birthDate"), json);
        assertFalse(json.contains("\"Patient\""), json);
        for (Bundle.BundleEntryComponent entry : parse(json).getEntry()) {
            assertFalse(((AdverseEvent) entry.getResource()).getSubject().hasReference());
        }
    }

    @Test
    void aBundleWrittenInPagesIsTheBundleWrittenWhole() {
        String whole = json(List.of(CRS, FEBRILE_NEUTROPENIA, FATAL_ICANS));
        String paged = json(List.of(CRS), List.of(), List.of(FEBRILE_NEUTROPENIA, FATAL_ICANS));

        assertEquals(whole, paged);
        assertEquals(3, parse(paged).getEntry().size());
    }

    @Test
    void eachEntryIsTheResourceAsHapiEncodesIt() throws IOException {
        JsonNode entry = new ObjectMapper().readTree(json(List.of(FEBRILE_NEUTROPENIA))).path("entry").get(0);

        AdverseEvent alone = FHIR_R4.newJsonParser().parseResource(AdverseEvent.class,
                entry.path("resource").toString());
        assertEquals(FEBRILE_NEUTROPENIA.id().toString(), alone.getIdElement().getIdPart());
        assertEquals("Febrile neutropenia", alone.getEvent().getText());
    }

    @Test
    void anEmptyBundleHasNoEntryArray() throws IOException {
        String json = json(List.of());

        assertFalse(new ObjectMapper().readTree(json).has("entry"), json);
        assertEquals(0, parse(json).getEntry().size());
        assertEquals(Bundle.BundleType.COLLECTION, parse(json).getType());
        assertEquals(json, new FhirAdverseEventBundle(STUDY, ASSEMBLED).end(), "a Bundle of no pages still opens");
    }

    private List<AdverseEvent> adverseEvents(AdverseEventView... events) {
        return parse(json(List.of(events))).getEntry().stream()
                .map(entry -> (AdverseEvent) entry.getResource())
                .toList();
    }

    /** The Bundle as a client receives it: its chunks one after the other, each page written as one chunk. */
    @SafeVarargs
    private static String json(List<AdverseEventView>... pages) {
        FhirAdverseEventBundle bundle = new FhirAdverseEventBundle(STUDY, ASSEMBLED);
        StringBuilder json = new StringBuilder();
        for (List<AdverseEventView> page : pages) {
            json.append(bundle.nextChunk(page));
        }
        return json.append(bundle.end()).toString();
    }

    private static Bundle parse(String json) {
        return FHIR_R4.newJsonParser().parseResource(Bundle.class, json);
    }

    private static void assertCoding(String system, String code, String display, CodeableConcept concept) {
        assertEquals(1, concept.getCoding().size());
        Coding coding = concept.getCodingFirstRep();
        assertEquals(system, coding.getSystem());
        assertEquals(code, coding.getCode());
        assertEquals(display, coding.getDisplay());
    }

    private static int ctcaeGrade(AdverseEvent adverseEvent) {
        assertEquals(1, adverseEvent.getExtensionsByUrl("urn:celltrial:fhir:ctcae-grade").size());
        return ((IntegerType) adverseEvent.getExtensionByUrl("urn:celltrial:fhir:ctcae-grade").getValue()).getValue();
    }

    private static void assertSubject(String subjectId, AdverseEvent adverseEvent) {
        assertEquals(subjectId, adverseEvent.getSubject().getDisplay());
        assertEquals("urn:celltrial:subject", adverseEvent.getSubject().getIdentifier().getSystem());
        assertEquals(subjectId, adverseEvent.getSubject().getIdentifier().getValue());
    }

    private static void assertCarTCausality(String assessment, AdverseEvent adverseEvent) {
        assertEquals(1, adverseEvent.getSuspectEntity().size());
        AdverseEvent.AdverseEventSuspectEntityComponent carT = adverseEvent.getSuspectEntityFirstRep();
        assertEquals("CAR-T", carT.getInstance().getDisplay());
        assertEquals(1, carT.getCausality().size());
        assertEquals(assessment, carT.getCausalityFirstRep().getAssessment().getText());
    }

    private static AdverseEventView event(String subjectId, Origin origin, String ctcaeTerm, String meddraCode,
            LocalDate onset, int grade, List<SeriousnessCriterion> seriousnessCriteria, Relatedness relatedToCarT,
            Outcome outcome, LocalDate resolvedOn) {
        return new AdverseEventView(UUID.randomUUID(), UUID.randomUUID(), subjectId, "S01", origin, ctcaeTerm,
                meddraCode, onset, grade, null, null, null, null, !seriousnessCriteria.isEmpty(), seriousnessCriteria,
                null, null, relatedToCarT, null, null, outcome, resolvedOn, List.of(), onset, null, null, 0);
    }
}
