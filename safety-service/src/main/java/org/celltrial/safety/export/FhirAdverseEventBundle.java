package org.celltrial.safety.export;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Outcome;

/**
 * Exports adverse events as a FHIR R4 (v4.0.1) Bundle of type {@code collection} holding one AdverseEvent resource
 * (http://hl7.org/fhir/R4/adverseevent.html) per event, in JSON.
 * <p>
 * Each AdverseEvent has the event's UUID as its id and identifier, actuality {@code actual}, the subject by its
 * pseudonymised subject ID only, the CTCAE v5.0 term with its MedDRA code as the event, the onset as date and
 * detected, seriousness, severity and outcome from the AdverseEvent code systems of terminology.hl7.org, the exact
 * CTCAE grade in the extension {@code urn:celltrial:fhir:ctcae-grade} (R4 severity has three levels only), CAR-T as
 * a suspect entity with the investigator's causality assessment when there is one, and the study by its identifier.
 * Seriousness is coded {@code Serious} / {@code Non-serious}: the codes of the R4 code system
 * {@code adverse-event-seriousness} (codes are case-sensitive; R4 core validation refuses the lower-case spelling).
 * Each AdverseEvent carries a generated narrative (term, grade, onset, seriousness, outcome, subject) so that a
 * reader without the codes can read it (FHIR invariant dom-6).
 * <p>
 * One instance writes one Bundle, a page of events at a time, as the pages come, so an export of any size needs
 * memory for one page only: the Bundle's own JSON (resourceType, type, timestamp, the entry array) is written here,
 * and each entry's AdverseEvent is built and encoded by HAPI FHIR. The text is sent as UTF-8.
 */
public final class FhirAdverseEventBundle {

    private static final String ADVERSE_EVENT_IDENTIFIER_SYSTEM = "urn:celltrial:adverse-event";
    private static final String SUBJECT_IDENTIFIER_SYSTEM = "urn:celltrial:subject";
    private static final String CTCAE_GRADE_EXTENSION = "urn:celltrial:fhir:ctcae-grade";
    private static final String MEDDRA = "http://terminology.hl7.org/CodeSystem/mdr";
    private static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
    private static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    private static final String OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
    private static final String CAR_T = "CAR-T";

    /** Costly to create and thread-safe, so shared; a parser is cheap, not thread-safe, and made per Bundle. */
    private static final FhirContext FHIR_R4 = FhirContext.forR4Cached();

    private final IParser json = FHIR_R4.newJsonParser();
    private final String studyId;
    private final Instant timestamp;
    private boolean opened;
    private int entries;

    /**
     * @param studyId the study the events belong to (each AdverseEvent's study)
     * @param timestamp when the Bundle was assembled (Bundle.timestamp)
     */
    public FhirAdverseEventBundle(String studyId, Instant timestamp) {
        this.studyId = studyId;
        this.timestamp = timestamp;
    }

    /**
     * The JSON of the next events' entries, to be sent after the chunks before it; the first chunk opens the
     * Bundle. Every string written here outside HAPI's encoding (the timestamp, "urn:uuid:" and a UUID) needs no
     * JSON escaping.
     */
    public String nextChunk(List<AdverseEventView> events) {
        StringBuilder chunk = new StringBuilder();
        open(chunk);
        for (AdverseEventView event : events) {
            // FHIR JSON has no empty arrays, so "entry" opens with the first entry
            chunk.append(entries++ == 0 ? ",\"entry\":[" : ",")
                    .append("{\"fullUrl\":\"urn:uuid:").append(event.id()).append("\",\"resource\":")
                    .append(json.encodeResourceToString(adverseEvent(studyId, event)))
                    .append('}');
        }
        return chunk.toString();
    }

    /** The end of the Bundle, after its last chunk. */
    public String end() {
        StringBuilder chunk = new StringBuilder();
        open(chunk);
        return chunk.append(entries > 0 ? "]}" : "}").toString();
    }

    private void open(StringBuilder chunk) {
        if (!opened) {
            chunk.append("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"")
                    .append(timestamp.truncatedTo(ChronoUnit.MILLIS)).append('"');
            opened = true;
        }
    }

    private static AdverseEvent adverseEvent(String studyId, AdverseEventView event) {
        String id = event.id().toString();
        AdverseEvent resource = new AdverseEvent()
                .setIdentifier(new Identifier().setSystem(ADVERSE_EVENT_IDENTIFIER_SYSTEM).setValue(id))
                .setActuality(AdverseEvent.AdverseEventActuality.ACTUAL)
                .setEvent(term(event))
                .setSubject(new Reference()
                        .setIdentifier(new Identifier().setSystem(SUBJECT_IDENTIFIER_SYSTEM).setValue(event.subjectId()))
                        .setDisplay(event.subjectId()))
                .setDateElement(new DateTimeType(event.onset().toString()))
                .setDetectedElement(new DateTimeType(event.onset().toString()))
                .setSeriousness(event.serious()
                        ? concept(SERIOUSNESS, "Serious", "Serious")
                        : concept(SERIOUSNESS, "Non-serious", "Non-serious"))
                .setSeverity(severity(event.grade()));
        resource.setId(id);
        resource.setText(narrative(event));
        resource.addExtension(CTCAE_GRADE_EXTENSION, new IntegerType(event.grade()));
        if (event.outcome() != null) {
            resource.setOutcome(outcome(event.outcome()));
        }
        if (event.relatedToCarT() != null) {
            resource.addSuspectEntity()
                    .setInstance(new Reference().setDisplay(CAR_T))
                    .addCausality()
                    .setAssessment(new CodeableConcept().setText(SdtmAeDataset.relationship(event.relatedToCarT())));
        }
        resource.addStudy(new Reference().setDisplay(studyId));
        return resource;
    }

    /** A generated narrative: the facts coded in the resource, as one sentence (escaped by HAPI's XHTML model). */
    private static Narrative narrative(AdverseEventView event) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        div.addTag("p").addText(event.ctcaeTerm() + ", CTCAE grade " + event.grade() + ", onset " + event.onset()
                + (event.resolvedOn() == null ? "" : ", resolved " + event.resolvedOn())
                + (event.serious() ? ", serious" : ", non-serious")
                + (event.outcome() == null ? "" : ", outcome " + event.outcome().name().toLowerCase().replace('_', ' '))
                + "; subject " + event.subjectId() + ".");
        return new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div);
    }

    /** The CTCAE term, coded in MedDRA when CellTrial has its code (CTCAE v5.0 terms are MedDRA terms). */
    private static CodeableConcept term(AdverseEventView event) {
        CodeableConcept term = new CodeableConcept().setText(event.ctcaeTerm());
        if (event.meddraCode() != null) {
            term.addCoding().setSystem(MEDDRA).setCode(event.meddraCode()).setDisplay(event.ctcaeTerm());
        }
        return term;
    }

    /** CTCAE grade 1 is mild, 2 moderate, and 3 (severe), 4 (life-threatening) and 5 (death) are severe. */
    private static CodeableConcept severity(int ctcaeGrade) {
        return switch (ctcaeGrade) {
            case 1 -> concept(SEVERITY, "mild", "Mild");
            case 2 -> concept(SEVERITY, "moderate", "Moderate");
            case 3, 4, 5 -> concept(SEVERITY, "severe", "Severe");
            default -> throw new IllegalArgumentException("A CTCAE grade is 1 to 5, was " + ctcaeGrade);
        };
    }

    private static CodeableConcept outcome(Outcome outcome) {
        return switch (outcome) {
            case RECOVERED -> concept(OUTCOME, "resolved", "Resolved");
            case RECOVERING -> concept(OUTCOME, "recovering", "Recovering");
            case NOT_RECOVERED -> concept(OUTCOME, "ongoing", "Ongoing");
            case RECOVERED_WITH_SEQUELAE -> concept(OUTCOME, "resolvedWithSequelae", "Resolved with Sequelae");
            case FATAL -> concept(OUTCOME, "fatal", "Fatal");
            case UNKNOWN -> concept(OUTCOME, "unknown", "Unknown");
        };
    }

    private static CodeableConcept concept(String system, String code, String display) {
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding().setSystem(system).setCode(code).setDisplay(display);
        return concept;
    }
}
