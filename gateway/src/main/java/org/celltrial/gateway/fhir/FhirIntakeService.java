package org.celltrial.gateway.fhir;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.upstream.Upstream;
import org.celltrial.gateway.fhir.IntakeOutcomes.EntryOutcome;
import org.celltrial.gateway.upstream.EfficacyClient;
import org.celltrial.gateway.upstream.EnrollmentClient;
import org.celltrial.gateway.upstream.SafetyClient;
import org.celltrial.gateway.upstream.Written;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Takes a FHIR R4 transaction Bundle of lab Observations (docs/interoperability-intake.md) and stores each entry
 * where it belongs, with the caller's token, as if entered by hand: every result in safety-service's labs (graded by
 * CTCAE there), platelets also in efficacy-service's platelet counts. Each entry stands alone and is answered with
 * an OperationOutcome: a refused entry leaves nothing stored. A platelet count is checked against both services'
 * limits before either stores it, stored in safety first (which refuses more), then in efficacy; should efficacy
 * still refuse it, the safety lab is voided again. The Idempotency-Keys derive from the Observation's content, so a
 * bundle sent again stores nothing twice.
 */
@ApplicationScoped
public class FhirIntakeService {

    public static final String FHIR_JSON = "application/fhir+json";
    static final FhirContext FHIR = FhirContext.forR4Cached();

    @Inject
    EnrollmentClient enrollment;

    @Inject
    SafetyClient safety;

    @Inject
    EfficacyClient efficacy;

    @Inject
    Clock clock;

    /** The answer: its HTTP status and the FHIR resource (JSON) that goes with it. */
    public record Answer(int status, String resource) {
    }

    public Uni<Answer> intake(String body) {
        Bundle bundle;
        try {
            bundle = transaction(body);
        } catch (RefusedEntry notATransaction) {
            return Uni.createFrom().item(new Answer(400, encode(IntakeOutcomes.outcome(IssueSeverity.ERROR,
                    notATransaction.type(), notATransaction.getMessage()))));
        }
        Instant now = clock.instant();
        ObservationReader reader = new ObservationReader(FHIR);
        return enrollment.patients()
                .onFailure().transform(failure -> Upstream.asProblem(EnrollmentClient.SERVICE, failure))
                .map(FhirIntakeService::bySubjectId)
                .flatMap(patients -> Multi.createFrom().iterable(bundle.getEntry())
                        .onItem().transformToUniAndConcatenate(entry -> store(entry, patients, reader, now))
                        .collect().asList())
                .map(outcomes -> new Answer(200, encode(IntakeOutcomes.response(outcomes, Date.from(now)))));
    }

    private static Bundle transaction(String body) {
        if (body == null || body.isBlank()) {
            throw new RefusedEntry(IssueType.REQUIRED, "The body is empty; send a FHIR R4 transaction Bundle (JSON)");
        }
        IBaseResource resource;
        try {
            IParser parser = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
            resource = parser.parseResource(body);
        } catch (RuntimeException notFhir) {
            // DataFormatException mostly; also what Jackson, beneath HAPI's parser, throws at its nesting limits
            throw new RefusedEntry(IssueType.STRUCTURE, "The body is not a FHIR R4 resource in JSON: "
                    + readable(notFhir.getMessage()));
        }
        if (!(resource instanceof Bundle bundle)) {
            throw new RefusedEntry(IssueType.NOTSUPPORTED, "Expected a Bundle of type transaction, not a "
                    + resource.fhirType());
        }
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw new RefusedEntry(IssueType.NOTSUPPORTED, "Expected a Bundle of type transaction, not "
                    + (bundle.hasType() ? bundle.getType().toCode() : "one without a type"));
        }
        if (bundle.getEntry().isEmpty()) {
            throw new RefusedEntry(IssueType.REQUIRED, "The Bundle has no entries");
        }
        return bundle;
    }

    /** HAPI's message without its exception names, which are no business of the sender. */
    private static String readable(String message) {
        return message == null ? "unreadable" : message.replaceAll("[\\w.$]*(Exception|Error)\\b:?", "").trim();
    }

    /** The patients the caller may see, by subject identifier. */
    private static Map<String, UUID> bySubjectId(JsonNode patients) {
        Map<String, UUID> bySubject = new HashMap<>();
        patients.forEach(patient -> bySubject.put(patient.path("subjectId").asText(),
                UUID.fromString(patient.path("id").asText())));
        return bySubject;
    }

    private Uni<EntryOutcome> store(BundleEntryComponent entry, Map<String, UUID> patients, ObservationReader reader,
            Instant now) {
        if (!(entry.getResource() instanceof Observation observation)) {
            return refused(400, IssueType.NOTSUPPORTED, "Only Observations are taken, not "
                    + (entry.hasResource() ? entry.getResource().fhirType() : "an entry without a resource"));
        }
        LabObservation lab;
        try {
            lab = reader.read(observation, now);
        } catch (RefusedEntry refusal) {
            return refused(422, refusal.type(), refusal.getMessage() + "; nothing stored");
        }
        UUID patient = patients.get(lab.subjectId());
        if (patient == null) {
            return refused(404, IssueType.NOTFOUND, "No subject " + lab.subjectId()
                    + " at the sites you may record for; nothing stored");
        }
        return safety.recordLab(patient, "fhir-" + lab.key() + "-lab", labRequest(lab))
                .onFailure().recoverWithItem(failure -> null)
                .flatMap(graded -> {
                    if (graded == null) {
                        return refused(503, IssueType.TRANSIENT, SafetyClient.SERVICE
                                + "-service is unavailable; nothing stored: send the entry again");
                    }
                    if (!graded.stored()) {
                        return refused(graded.status(), issueType(graded.status()), "safety-service refused it: "
                                + graded.problem() + "; nothing stored");
                    }
                    String gradedText = lab.lab().analyte() + " " + lab.value().toPlainString() + " "
                            + lab.lab().unit() + " stored in safety-service as lab " + graded.body().path("id").asText()
                            + ", CTCAE v" + graded.body().path("ctcaeVersion").asText() + " grade "
                            + graded.body().path("ctcaeGrade").asInt() + " (" + graded.body().path("ctcaeRule")
                                    .asText() + ")";
                    if (!lab.lab().platelets()) {
                        return Uni.createFrom().item(EntryOutcome.stored(gradedText));
                    }
                    return plateletCount(patient, lab, graded, gradedText);
                });
    }

    private Uni<EntryOutcome> plateletCount(UUID patient, LabObservation lab, Written graded, String gradedText) {
        return efficacy.recordPlateletCount(patient, "fhir-" + lab.key() + "-platelets", plateletRequest(lab))
                .onFailure().recoverWithItem(failure -> null)
                .flatMap(counted -> {
                    if (counted != null && counted.stored()) {
                        return Uni.createFrom().item(EntryOutcome.stored(gradedText
                                + "; stored in efficacy-service as platelet count " + counted.body().path("id")
                                        .asText()));
                    }
                    String why = counted == null ? "efficacy-service is unavailable"
                            : "efficacy-service refused it: " + counted.problem();
                    UUID labId = UUID.fromString(graded.body().path("id").asText());
                    return safety.voidLab(patient, labId, graded.body().path("version").asInt(),
                            "FHIR intake: " + why)
                            .onFailure().recoverWithItem(failure -> null)
                            .flatMap(voided -> voided != null && voided.stored()
                                    ? refused(counted == null ? 503 : counted.status(),
                                            counted == null ? IssueType.TRANSIENT : issueType(counted.status()),
                                            why + "; the lab safety-service had stored was voided, so nothing of "
                                                    + "this entry counts")
                                    : refused(500, IssueType.EXCEPTION, why + "; lab " + labId
                                            + " stays in safety-service and could not be voided: void it there"));
                });
    }

    private static ObjectNode labRequest(LabObservation lab) {
        ObjectNode request = JsonNodeFactory.instance.objectNode()
                .put("at", lab.at().toString())
                .put("analyte", lab.lab().analyte())
                .put("value", lab.value())
                .put("unit", lab.lab().unit());
        if (lab.lowerLimitNormal() != null) {
            request.put("lowerLimitNormal", lab.lowerLimitNormal());
        }
        if (lab.upperLimitNormal() != null) {
            request.put("upperLimitNormal", lab.upperLimitNormal());
        }
        return request;
    }

    private static ObjectNode plateletRequest(LabObservation lab) {
        return JsonNodeFactory.instance.objectNode()
                .put("date", lab.date().toString())
                .put("valuePer1e9L", lab.value())
                .put("source", "FHIR Observation LOINC " + lab.lab().code());
    }

    private static IssueType issueType(int status) {
        return switch (status) {
            case 400, 422 -> IssueType.INVALID;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 409, 412 -> IssueType.CONFLICT;
            case 429 -> IssueType.THROTTLED;
            default -> IssueType.PROCESSING;
        };
    }

    private static Uni<EntryOutcome> refused(int status, IssueType type, String text) {
        return Uni.createFrom().item(EntryOutcome.refused(String.valueOf(status), type, text));
    }

    private static String encode(IBaseResource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }
}
