package org.celltrial.safety.e2b;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.celltrial.safety.ae.Outcome;
import org.celltrial.safety.ae.SeriousnessCriterion;

/**
 * Writes ICH E2B(R3) individual case safety reports: an HL7 v3 batch ({@code MCCI_IN200100UV01}) of one
 * {@code PORR_IN049016UV} message per case, with the element paths, OIDs and code lists of the ICH E2B(R3)
 * Implementation Guide (docs/interoperability-exports.md lists the data elements written). The XML is written with
 * StAX, so every text and attribute is escaped by the writer.
 */
public final class IcsrWriter {

    static final String HL7 = "urn:hl7-org:v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    // ICH E2B(R3) object identifiers (identifier roots and code systems)
    static final String OID_BATCH_NUMBER = "2.16.840.1.113883.3.989.2.1.3.22";
    static final String OID_MESSAGE_ID = "2.16.840.1.113883.3.989.2.1.3.1";
    static final String OID_WORLDWIDE_CASE_ID = "2.16.840.1.113883.3.989.2.1.3.2";
    static final String OID_MESSAGE_SENDER = "2.16.840.1.113883.3.989.2.1.3.11";
    static final String OID_MESSAGE_RECEIVER = "2.16.840.1.113883.3.989.2.1.3.12";
    static final String OID_BATCH_SENDER = "2.16.840.1.113883.3.989.2.1.3.13";
    static final String OID_BATCH_RECEIVER = "2.16.840.1.113883.3.989.2.1.3.14";
    static final String OID_SPONSOR_STUDY_NUMBER = "2.16.840.1.113883.3.989.2.1.3.5";
    static final String OID_STUDY_REGISTRATION = "2.16.840.1.113883.3.989.2.1.3.6";
    static final String OID_INVESTIGATION_PATIENT_NUMBER = "2.16.840.1.113883.3.989.2.1.3.10";
    static final String OID_INTERACTION = "2.16.840.1.113883.1.6";
    static final String OID_TRIGGER_EVENT = "2.16.840.1.113883.1.18";
    static final String OID_ACT_CODE = "2.16.840.1.113883.5.4";
    static final String CS_MESSAGE_TYPE = "2.16.840.1.113883.3.989.2.1.1.1";
    static final String CS_REPORT_TYPE = "2.16.840.1.113883.3.989.2.1.1.2";
    static final String CS_SOURCE_MEDICAL_RECORD = "2.16.840.1.113883.3.989.2.1.1.4";
    static final String CS_STUDY_TYPE = "2.16.840.1.113883.3.989.2.1.1.8";
    static final String CS_AGE_GROUP = "2.16.840.1.113883.3.989.2.1.1.9";
    static final String CS_OUTCOME = "2.16.840.1.113883.3.989.2.1.1.11";
    static final String CS_DRUG_ROLE = "2.16.840.1.113883.3.989.2.1.1.13";
    static final String CS_OBSERVATION = "2.16.840.1.113883.3.989.2.1.1.19";
    static final String CS_ORGANIZER = "2.16.840.1.113883.3.989.2.1.1.20";
    static final String CS_INVESTIGATION_CHARACTERISTIC = "2.16.840.1.113883.3.989.2.1.1.23";
    static final String CS_FIRST_SENDER = "2.16.840.1.113883.3.989.2.1.1.3";
    static final String CS_QUALIFICATION = "2.16.840.1.113883.3.989.2.1.1.6";
    static final String CS_RELATED_INVESTIGATION = "2.16.840.1.113883.3.989.2.1.1.22";
    static final String CS_SEX = "1.0.5218";
    static final String CS_COUNTRY = "1.0.3166.1.2.2";
    static final String CS_MEDDRA = "2.16.840.1.113883.6.163";

    /** E.i.3.2a-f: each seriousness criterion's observation code (code system 2.16.840.1.113883.3.989.2.1.1.19). */
    static final Map<SeriousnessCriterion, String> CRITERION_CODES = Map.of(
            SeriousnessCriterion.DEATH, "34",
            SeriousnessCriterion.LIFE_THREATENING, "21",
            SeriousnessCriterion.HOSPITALISATION, "33",
            SeriousnessCriterion.DISABILITY, "35",
            SeriousnessCriterion.CONGENITAL_ANOMALY, "12",
            SeriousnessCriterion.IMPORTANT_MEDICAL_EVENT, "26");

    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;
    private final StringWriter out = new StringWriter();

    private IcsrWriter() {
        try {
            xml = XML.createXMLStreamWriter(out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One batch of reports.
     *
     * @param batchId  N.1.2, unique per batch
     * @param sender   N.1.3 and N.2.r.2, the sender's identifier
     * @param receiver N.1.4 and N.2.r.3, the receiver's identifier
     */
    public static String batch(String batchId, String sender, String receiver, Instant created, List<IcsrFacts> cases) {
        IcsrWriter writer = new IcsrWriter();
        try {
            writer.writeBatch(batchId, sender, receiver, created, cases);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("An ICSR could not be written", e);
        }
        return writer.out.toString();
    }

    /** The message identifier (N.2.r.1) of a case's version: its worldwide ID and version. */
    public static String messageId(IcsrFacts facts) {
        return facts.worldwideCaseId() + "-V" + facts.version();
    }

    private void writeBatch(String batchId, String sender, String receiver, Instant created, List<IcsrFacts> cases)
            throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(HL7);
        xml.setPrefix("xsi", XSI);
        xml.writeStartElement(HL7, "MCCI_IN200100UV01");
        xml.writeDefaultNamespace(HL7);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute("ITSVersion", "XML_1.0");
        id(OID_BATCH_NUMBER, batchId);
        empty("creationTime", "value", SECOND.format(created));
        empty("responseModeCode", "code", "D");
        empty("interactionId", "root", OID_INTERACTION, "extension", "MCCI_IN200100UV01");
        empty("name", "code", "1", "codeSystem", CS_MESSAGE_TYPE); // N.1.1: ICSR
        for (IcsrFacts facts : cases) {
            message(facts, sender, receiver);
        }
        device("receiver", "RCV", OID_BATCH_RECEIVER, receiver);
        device("sender", "SND", OID_BATCH_SENDER, sender);
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
    }

    private void message(IcsrFacts facts, String sender, String receiver) throws XMLStreamException {
        start("PORR_IN049016UV");
        id(OID_MESSAGE_ID, messageId(facts));
        empty("creationTime", "value", SECOND.format(facts.created()));
        empty("interactionId", "root", OID_INTERACTION, "extension", "PORR_IN049016UV");
        empty("processingCode", "code", "P");
        empty("processingModeCode", "code", "T");
        empty("acceptAckCode", "code", "AL");
        device("receiver", "RCV", OID_MESSAGE_RECEIVER, receiver);
        device("sender", "SND", OID_MESSAGE_SENDER, sender);
        start("controlActProcess", "classCode", "CACT", "moodCode", "EVN");
        empty("code", "code", "PORR_TE049016UV", "codeSystem", OID_TRIGGER_EVENT);
        empty("effectiveTime", "value", SECOND.format(facts.created())); // C.1.2
        start("subject", "typeCode", "SUBJ");
        investigationEvent(facts);
        end();
        end();
        end();
    }

    private void investigationEvent(IcsrFacts facts) throws XMLStreamException {
        start("investigationEvent", "classCode", "INVSTG", "moodCode", "EVN");
        id(OID_MESSAGE_ID, facts.worldwideCaseId()); // C.1.1
        id(OID_WORLDWIDE_CASE_ID, facts.worldwideCaseId()); // C.1.8.1
        empty("code", "code", "PAT_ADV_EVNT", "codeSystem", OID_ACT_CODE);
        text("text", facts.narrative()); // H.1
        empty("statusCode", "code", "active");
        start("effectiveTime");
        empty("low", "value", DAY.format(facts.firstReceived())); // C.1.4
        end();
        empty("availabilityTime", "value", DAY.format(facts.mostRecentInfo())); // C.1.5
        start("component", "typeCode", "COMP");
        adverseEventAssessment(facts);
        end();
        start("component", "typeCode", "COMP");
        start("observationEvent", "classCode", "OBS", "moodCode", "EVN");
        code("23"); // C.1.7
        booleanValue(facts.expedited());
        end();
        end();
        sources();
        start("subjectOf2", "typeCode", "SUBJ");
        start("investigationCharacteristic", "classCode", "OBS", "moodCode", "EVN");
        empty("code", "code", "1", "codeSystem", CS_INVESTIGATION_CHARACTERISTIC);
        coded("CE", "2", CS_REPORT_TYPE); // C.1.3: report from study
        end();
        end();
        end();
    }

    /**
     * C.1.8.2, the first sender (2: other than a regulator), and C.2.r, the primary source: the study's
     * investigator (qualification 1, physician), the primary source for regulatory purposes, unnamed.
     */
    private void sources() throws XMLStreamException {
        start("outboundRelationship", "typeCode", "SPRT");
        start("relatedInvestigation", "classCode", "INVSTG", "moodCode", "EVN");
        empty("code", "code", "1", "codeSystem", CS_RELATED_INVESTIGATION);
        start("subjectOf2", "typeCode", "SUBJ");
        start("controlActEvent", "classCode", "CACT", "moodCode", "EVN");
        start("author", "typeCode", "AUT");
        start("assignedEntity", "classCode", "ASSIGNED");
        empty("code", "code", "2", "codeSystem", CS_FIRST_SENDER);
        end();
        end();
        end();
        end();
        end();
        end();
        start("outboundRelationship", "typeCode", "SPRT");
        empty("priorityNumber", "value", "1"); // C.2.r.5
        start("relatedInvestigation", "classCode", "INVSTG", "moodCode", "EVN");
        empty("code", "code", "2", "codeSystem", CS_RELATED_INVESTIGATION);
        start("subjectOf2", "typeCode", "SUBJ");
        start("controlActEvent", "classCode", "CACT", "moodCode", "EVN");
        start("author", "typeCode", "AUT");
        start("assignedEntity", "classCode", "ASSIGNED");
        start("assignedPerson", "classCode", "PSN", "determinerCode", "INSTANCE");
        start("asQualifiedEntity", "classCode", "QUAL");
        empty("code", "code", "1", "codeSystem", CS_QUALIFICATION); // C.2.r.4
        end();
        end();
        end();
        end();
        end();
        end();
        end();
        end();
    }

    private void adverseEventAssessment(IcsrFacts facts) throws XMLStreamException {
        start("adverseEventAssessment", "classCode", "INVSTG", "moodCode", "EVN");
        start("subject1", "typeCode", "SBJ");
        start("primaryRole", "classCode", "INVSBJ");
        patient(facts.patient());
        study(facts.study());
        subjectObservation("3", "PQ", "value", Integer.toString(facts.patient().ageAtOnsetYears()), "unit", "a");
        subjectObservation("4", "CE", "code", Integer.toString(facts.patient().ageGroup()), "codeSystem",
                CS_AGE_GROUP);
        subjectObservation("7", "PQ", "value", facts.patient().weightKg().toPlainString(), "unit", "kg");
        reaction(facts);
        tests(facts.tests());
        drugs(facts);
        end();
        end();
        for (int k = 0; k < facts.drugs().size(); k++) {
            IcsrFacts.Drug drug = facts.drugs().get(k);
            start("component", "typeCode", "COMP");
            start("causalityAssessment", "classCode", "OBS", "moodCode", "EVN");
            code("20"); // G.k.1
            coded("CE", Integer.toString(drug.role()), CS_DRUG_ROLE);
            productReference(facts, k);
            end();
            end();
            causality(facts, k, drug.investigatorCausality(), "Investigator");
            causality(facts, k, drug.sponsorCausality(), "Sponsor");
        }
        end();
    }

    /** G.k.9.i.2.r: one source's assessment of the drug's relation to the reaction; none when it did not assess it. */
    private void causality(IcsrFacts facts, int k, String result, String source) throws XMLStreamException {
        if (result == null) {
            return;
        }
        start("component", "typeCode", "COMP");
        start("causalityAssessment", "classCode", "OBS", "moodCode", "EVN");
        code("39"); // G.k.9.i.2.r.3
        xml.writeStartElement("value");
        xml.writeAttribute(XSI, "type", "ST");
        xml.writeCharacters(result);
        xml.writeEndElement();
        start("methodCode");
        text("originalText", "Global Introspection"); // G.k.9.i.2.r.2
        end();
        start("author", "typeCode", "AUT");
        start("assignedEntity", "classCode", "ASSIGNED");
        start("code");
        text("originalText", source); // G.k.9.i.2.r.1
        end();
        end();
        end();
        start("subject1", "typeCode", "SUBJ");
        start("adverseEffectReference", "classCode", "OBS", "moodCode", "EVN");
        empty("id", "root", reactionId(facts));
        end();
        end();
        productReference(facts, k);
        end();
        end();
    }

    private void patient(IcsrFacts.Patient patient) throws XMLStreamException {
        start("player1", "classCode", "PSN", "determinerCode", "INSTANCE");
        empty("name", "nullFlavor", "MSK"); // D.1: pseudonymised, masked
        empty("administrativeGenderCode", "code", Integer.toString(patient.sex()), "codeSystem", CS_SEX); // D.5
        start("asIdentifiedEntity", "classCode", "IDENT");
        id(OID_INVESTIGATION_PATIENT_NUMBER, patient.subjectId()); // D.1.1.4
        empty("code", "code", "4", "codeSystem", CS_SOURCE_MEDICAL_RECORD);
        end();
        end();
    }

    private void reaction(IcsrFacts facts) throws XMLStreamException {
        IcsrFacts.Reaction reaction = facts.reaction();
        start("subjectOf2", "typeCode", "SBJ");
        start("observation", "classCode", "OBS", "moodCode", "EVN");
        empty("id", "root", reactionId(facts));
        code("29");
        xml.writeStartElement("effectiveTime");
        xml.writeAttribute(XSI, "type", "IVL_TS");
        empty("low", "value", DAY.format(reaction.start())); // E.i.4
        if (reaction.end() != null) {
            empty("high", "value", DAY.format(reaction.end())); // E.i.5
        }
        xml.writeEndElement();
        xml.writeStartElement("value");
        xml.writeAttribute(XSI, "type", "CE");
        xml.writeAttribute("code", reaction.meddraCode()); // E.i.2.1b
        xml.writeAttribute("codeSystem", CS_MEDDRA);
        xml.writeAttribute("codeSystemVersion", reaction.meddraVersion()); // E.i.2.1a
        text("originalText", reaction.term()); // E.i.1.1a
        xml.writeEndElement();
        for (SeriousnessCriterion criterion : SeriousnessCriterion.values()) {
            start("outboundRelationship2", "typeCode", "PERT");
            start("observation", "classCode", "OBS", "moodCode", "EVN");
            code(CRITERION_CODES.get(criterion));
            if (reaction.criteria().contains(criterion)) {
                booleanValue(true);
            } else {
                xml.writeEmptyElement("value");
                xml.writeAttribute(XSI, "type", "BL");
                xml.writeAttribute("nullFlavor", "NI"); // E.i.3.2: only "true" or no information
            }
            end();
            end();
        }
        start("outboundRelationship2", "typeCode", "PERT");
        start("observation", "classCode", "OBS", "moodCode", "EVN");
        code("27"); // E.i.7
        coded("CE", outcomeCode(reaction.outcome()), CS_OUTCOME);
        end();
        end();
        end();
        end();
    }

    private void tests(List<IcsrFacts.Test> tests) throws XMLStreamException {
        if (tests.isEmpty()) {
            return;
        }
        start("subjectOf2", "typeCode", "SBJ");
        start("organizer", "classCode", "CATEGORY", "moodCode", "EVN");
        empty("code", "code", "3", "codeSystem", CS_ORGANIZER);
        for (IcsrFacts.Test test : tests) {
            start("component", "typeCode", "COMP");
            start("observation", "classCode", "OBS", "moodCode", "EVN");
            start("code", "codeSystem", CS_MEDDRA);
            text("originalText", test.name()); // F.r.2.1
            end();
            empty("effectiveTime", "value", DAY.format(test.date())); // F.r.1
            xml.writeStartElement("value");
            xml.writeAttribute(XSI, "type", "IVL_PQ");
            empty("center", "value", test.value().toPlainString(), "unit", test.unit()); // F.r.3.2, F.r.3.3
            xml.writeEndElement();
            range(test.low(), test.unit(), "L"); // F.r.4
            range(test.high(), test.unit(), "H"); // F.r.5
            end();
            end();
        }
        end();
        end();
    }

    private void range(BigDecimal limit, String unit, String interpretation) throws XMLStreamException {
        if (limit == null) {
            return;
        }
        start("referenceRange", "typeCode", "REFV");
        start("observationRange", "classCode", "OBS", "moodCode", "EVN.CRT");
        xml.writeEmptyElement("value");
        xml.writeAttribute(XSI, "type", "PQ");
        xml.writeAttribute("value", limit.toPlainString());
        xml.writeAttribute("unit", unit);
        empty("interpretationCode", "code", interpretation, "codeSystem", "2.16.840.1.113883.5.83");
        end();
        end();
    }

    private void drugs(IcsrFacts facts) throws XMLStreamException {
        List<IcsrFacts.Drug> drugs = facts.drugs();
        start("subjectOf2", "typeCode", "SBJ");
        start("organizer", "classCode", "CATEGORY", "moodCode", "EVN");
        empty("code", "code", "4", "codeSystem", CS_ORGANIZER);
        for (int k = 0; k < drugs.size(); k++) {
            IcsrFacts.Drug drug = drugs.get(k);
            start("component", "typeCode", "COMP");
            start("substanceAdministration", "classCode", "SBADM", "moodCode", "EVN");
            empty("id", "root", productId(facts, k));
            if (drug.dosage() != null) {
                text("text", drug.dosage()); // G.k.5
            }
            if (drug.start() != null) {
                xml.writeStartElement("effectiveTime");
                xml.writeAttribute(XSI, "type", "IVL_TS");
                empty("low", "value", DAY.format(drug.start())); // G.k.4.r.4
                if (drug.end() != null) {
                    empty("high", "value", DAY.format(drug.end())); // G.k.4.r.5
                }
                xml.writeEndElement();
            }
            start("consumable", "typeCode", "CSM");
            start("instanceOfKind", "classCode", "INST");
            start("kindOfProduct", "classCode", "MMAT", "determinerCode", "KIND");
            text("name", drug.name()); // G.k.2.2
            end();
            end();
            end();
            end();
            end();
        }
        end();
        end();
    }

    private void study(IcsrFacts.Study study) throws XMLStreamException {
        start("subjectOf1", "typeCode", "SBJ");
        start("researchStudy", "classCode", "CLNTRL", "moodCode", "EVN");
        id(OID_SPONSOR_STUDY_NUMBER, study.sponsorStudyNumber()); // C.5.3
        empty("code", "code", "1", "codeSystem", CS_STUDY_TYPE); // C.5.4: clinical trial
        text("title", study.title()); // C.5.2
        start("authorization", "typeCode", "AUTH");
        start("studyRegistration", "classCode", "ACT", "moodCode", "EVN");
        id(OID_STUDY_REGISTRATION, study.registrationNumber()); // C.5.1.r.1
        start("author", "typeCode", "AUT");
        start("territorialAuthority", "classCode", "TERR");
        start("governingPlace", "classCode", "COUNTRY", "determinerCode", "INSTANCE");
        empty("code", "code", study.registrationCountry(), "codeSystem", CS_COUNTRY); // C.5.1.r.2
        end();
        end();
        end();
        end();
        end();
        end();
        end();
    }

    /** E.i.7's code list: 1 recovered, 2 recovering, 3 not recovered, 4 recovered with sequelae, 5 fatal, 0 unknown. */
    static String outcomeCode(Outcome outcome) {
        return switch (outcome) {
            case RECOVERED -> "1";
            case RECOVERING -> "2";
            case NOT_RECOVERED -> "3";
            case RECOVERED_WITH_SEQUELAE -> "4";
            case FATAL -> "5";
            case UNKNOWN -> "0";
        };
    }

    /**
     * The reaction's and the k-th drug's identifiers (UUIDs, as HL7 v3 instance identifiers without extension must
     * be), which the causality assessments refer to; derived from the case ID, so every version of a case keeps them.
     */
    private static String reactionId(IcsrFacts facts) {
        return nameUuid(facts.worldwideCaseId() + "/reaction");
    }

    private static String productId(IcsrFacts facts, int k) {
        return nameUuid(facts.worldwideCaseId() + "/drug/" + k);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void subjectObservation(String code, String type, String... valueAttributes) throws XMLStreamException {
        start("subjectOf2", "typeCode", "SBJ");
        start("observation", "classCode", "OBS", "moodCode", "EVN");
        code(code);
        xml.writeEmptyElement("value");
        xml.writeAttribute(XSI, "type", type);
        for (int i = 0; i < valueAttributes.length; i += 2) {
            xml.writeAttribute(valueAttributes[i], valueAttributes[i + 1]);
        }
        end();
        end();
    }

    private void productReference(IcsrFacts facts, int k) throws XMLStreamException {
        start("subject2", "typeCode", "SUBJ");
        start("productUseReference", "classCode", "SBADM", "moodCode", "EVN");
        empty("id", "root", productId(facts, k));
        end();
        end();
    }

    private void device(String element, String typeCode, String root, String extension) throws XMLStreamException {
        start(element, "typeCode", typeCode);
        start("device", "classCode", "DEV", "determinerCode", "INSTANCE");
        id(root, extension);
        end();
        end();
    }

    private void code(String observationCode) throws XMLStreamException {
        empty("code", "code", observationCode, "codeSystem", CS_OBSERVATION);
    }

    private void coded(String type, String code, String codeSystem) throws XMLStreamException {
        xml.writeEmptyElement("value");
        xml.writeAttribute(XSI, "type", type);
        xml.writeAttribute("code", code);
        xml.writeAttribute("codeSystem", codeSystem);
    }

    private void booleanValue(boolean value) throws XMLStreamException {
        xml.writeEmptyElement("value");
        xml.writeAttribute(XSI, "type", "BL");
        xml.writeAttribute("value", Boolean.toString(value));
    }

    private void id(String root, String extension) throws XMLStreamException {
        empty("id", "root", root, "extension", extension);
    }

    private void text(String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private void start(String element, String... attributes) throws XMLStreamException {
        xml.writeStartElement(element);
        attributes(attributes);
    }

    private void empty(String element, String... attributes) throws XMLStreamException {
        xml.writeEmptyElement(element);
        attributes(attributes);
    }

    private void attributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    private void end() throws XMLStreamException {
        xml.writeEndElement();
    }
}
