package org.celltrial.safety.e2b;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Element;

/**
 * The ICH E2B(R3) business rules an E2B(R3) message must meet, checked in tests in place of the ICH XML schemas
 * (no package in the registries the build reaches carries them: docs/interoperability-exports.md): the mandatory
 * data elements are present and non-empty, every coded value is in its code list, every identifier's root is an ICH
 * OID or a UUID, dates have the required precision, and the patient carries no name, initials or birth date.
 * Packaged in safety-service's test-jar, so the end-to-end tests check the reports the gateway hands out with it.
 */
public final class E2bBusinessRules {

    private static final Set<String> ICH_IDENTIFIER_ROOTS = Set.of(IcsrWriter.OID_BATCH_NUMBER,
            IcsrWriter.OID_MESSAGE_ID, IcsrWriter.OID_WORLDWIDE_CASE_ID, IcsrWriter.OID_MESSAGE_SENDER,
            IcsrWriter.OID_MESSAGE_RECEIVER, IcsrWriter.OID_BATCH_SENDER, IcsrWriter.OID_BATCH_RECEIVER,
            IcsrWriter.OID_SPONSOR_STUDY_NUMBER, IcsrWriter.OID_STUDY_REGISTRATION,
            IcsrWriter.OID_INVESTIGATION_PATIENT_NUMBER, IcsrWriter.OID_INTERACTION);
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String OBS = "[h:code/@codeSystem='" + IcsrReader.OBS + "' and h:code/@code='%s']";

    private final IcsrReader xml;
    private final List<String> violations = new ArrayList<>();

    private E2bBusinessRules(String message) {
        xml = new IcsrReader(message);
    }

    /** Every rule the message breaks, each naming its data element; empty when it meets them all. */
    public static List<String> violations(String message) {
        E2bBusinessRules rules = new E2bBusinessRules(message);
        rules.check();
        return rules.violations;
    }

    private void check() {
        Element batch = xml.document().getDocumentElement();
        require(IcsrWriter.HL7.equals(batch.getNamespaceURI()) && "MCCI_IN200100UV01".equals(batch.getLocalName()),
                "root: an HL7 v3 MCCI_IN200100UV01 batch");
        require("XML_1.0".equals(batch.getAttribute("ITSVersion")), "ITSVersion XML_1.0");
        identifier(batch, IcsrWriter.OID_BATCH_NUMBER, "N.1.2 batch number");
        inCodeList(batch, "h:name/@code", Set.of("1", "2"), "N.1.1 type of messages in batch");
        identifier(batch, "h:sender/h:device", IcsrWriter.OID_BATCH_SENDER, "N.1.3 batch sender");
        identifier(batch, "h:receiver/h:device", IcsrWriter.OID_BATCH_RECEIVER, "N.1.4 batch receiver");
        timestamp(batch, "h:creationTime/@value", "N.1.5 date of batch transmission");
        List<Element> messages = xml.elements(batch, "h:PORR_IN049016UV");
        require(!messages.isEmpty(), "a batch holds at least one PORR_IN049016UV message");
        messages.forEach(this::message);
        for (Element id : xml.elements(batch, "//h:id")) {
            String root = id.getAttribute("root");
            require(ICH_IDENTIFIER_ROOTS.contains(root) || root.matches(UUID), "id root " + root + ": an ICH OID or a UUID");
        }
        require(xml.elements(batch, "//h:birthTime").isEmpty(), "D.2.1: no birth date (pseudonymised patient)");
    }

    private void message(Element message) {
        require("PORR_IN049016UV".equals(xml.string(message, "h:interactionId/@extension")), "interaction id");
        identifier(message, IcsrWriter.OID_MESSAGE_ID, "N.2.r.1 message identifier");
        identifier(message, "h:sender/h:device", IcsrWriter.OID_MESSAGE_SENDER, "N.2.r.2 message sender");
        identifier(message, "h:receiver/h:device", IcsrWriter.OID_MESSAGE_RECEIVER, "N.2.r.3 message receiver");
        timestamp(message, "h:creationTime/@value", "N.2.r.4 date of message creation");
        Element event = one(message, "h:controlActProcess/h:subject/h:investigationEvent", "C.1 investigation event");
        if (event == null) {
            return;
        }
        timestamp(message, "h:controlActProcess/h:effectiveTime/@value", "C.1.2 date of creation");
        identifier(event, IcsrWriter.OID_MESSAGE_ID, "C.1.1 sender's safety report unique identifier");
        identifier(event, IcsrWriter.OID_WORLDWIDE_CASE_ID, "C.1.8.1 worldwide unique case identification number");
        inCodeList(event, "h:subjectOf2/h:investigationCharacteristic[h:code/@code='1']/h:value/@code",
                Set.of("1", "2", "3", "4"), "C.1.3 type of report");
        day(event, "h:effectiveTime/h:low/@value", "C.1.4 date report was first received from source");
        day(event, "h:availabilityTime/@value", "C.1.5 date of most recent information");
        require(xml.string(event, "h:effectiveTime/h:low/@value")
                .compareTo(xml.string(event, "h:availabilityTime/@value")) <= 0, "C.1.5 is not before C.1.4");
        inCodeList(event, "h:component/h:observationEvent" + OBS.formatted("23") + "/h:value/@value",
                Set.of("true", "false"), "C.1.7 fulfil local criteria for an expedited report");
        inCodeList(event, "h:outboundRelationship/h:relatedInvestigation[h:code/@code='1']//h:assignedEntity/h:code/@code",
                Set.of("1", "2"), "C.1.8.2 first sender of this case");
        inCodeList(event, "h:outboundRelationship[h:priorityNumber/@value='1']/h:relatedInvestigation"
                + "//h:asQualifiedEntity/h:code/@code", Set.of("1", "2", "3", "4", "5"), "C.2.r.4 qualification");
        require(!xml.string(event, "h:text").isBlank(), "H.1 case narrative");
        Element role = one(event, "h:component/h:adverseEventAssessment/h:subject1/h:primaryRole", "D patient");
        if (role == null) {
            return;
        }
        Element study = one(role, "h:subjectOf1/h:researchStudy", "C.5 study identification");
        if (study != null) {
            identifier(study, "h:authorization/h:studyRegistration", IcsrWriter.OID_STUDY_REGISTRATION,
                    "C.5.1.r.1 study registration number");
            require(xml.string(study, "h:authorization//h:governingPlace/h:code/@code").matches("[A-Z]{2}"),
                    "C.5.1.r.2 study registration country");
            identifier(study, IcsrWriter.OID_SPONSOR_STUDY_NUMBER, "C.5.3 sponsor study number");
            inCodeList(study, "h:code/@code", Set.of("1", "2", "3"), "C.5.4 study type where reaction was observed");
        }
        Element name = one(role, "h:player1/h:name", "D.1 patient (name or initials)");
        require(name == null || ("MSK".equals(name.getAttribute("nullFlavor")) && name.getTextContent().isEmpty()),
                "D.1: masked (nullFlavor MSK), no initials");
        identifier(role, "h:player1/h:asIdentifiedEntity", IcsrWriter.OID_INVESTIGATION_PATIENT_NUMBER,
                "D.1.1.4 patient investigation number");
        inCodeList(role, "h:player1/h:administrativeGenderCode/@code", Set.of("0", "1", "2", "9"), "D.5 sex");
        require(xml.string(role, "h:subjectOf2/h:observation" + OBS.formatted("3") + "/h:value/@value").matches("\\d{1,3}")
                && "a".equals(xml.string(role, "h:subjectOf2/h:observation" + OBS.formatted("3") + "/h:value/@unit")),
                "D.2.2 age at onset in years");
        inCodeList(role, "h:subjectOf2/h:observation" + OBS.formatted("4") + "/h:value/@code",
                Set.of("0", "1", "2", "3", "4", "5", "6"), "D.2.3 patient age group");
        require(xml.string(role, "h:subjectOf2/h:observation" + OBS.formatted("7") + "/h:value/@value")
                .matches("\\d{1,3}(\\.\\d+)?"), "D.3 body weight (kg)");
        List<Element> reactions = xml.elements(role, "h:subjectOf2/h:observation" + OBS.formatted("29"));
        require(!reactions.isEmpty(), "E.i at least one reaction");
        for (Element reaction : reactions) {
            require(xml.string(reaction, "h:value/@code").matches("\\d{8}")
                    && "2.16.840.1.113883.6.163".equals(xml.string(reaction, "h:value/@codeSystem")),
                    "E.i.2.1b reaction MedDRA code");
            require(xml.string(reaction, "h:value/@codeSystemVersion").matches("\\d{1,2}\\.\\d"),
                    "E.i.2.1a MedDRA version");
            day(reaction, "h:effectiveTime/h:low/@value", "E.i.4 date of start of reaction");
            inCodeList(reaction, "h:outboundRelationship2/h:observation" + OBS.formatted("27") + "/h:value/@code",
                    Set.of("0", "1", "2", "3", "4", "5"), "E.i.7 outcome");
            for (Element seriousness : xml.elements(reaction, "h:outboundRelationship2/h:observation[h:code/@code='34' "
                    + "or h:code/@code='21' or h:code/@code='33' or h:code/@code='35' or h:code/@code='12' "
                    + "or h:code/@code='26']/h:value")) {
                require("true".equals(seriousness.getAttribute("value")) || "NI".equals(seriousness.getAttribute("nullFlavor")),
                        "E.i.3.2 seriousness: true or nullFlavor NI");
            }
        }
        for (Element test : xml.elements(role, "h:subjectOf2/h:organizer[h:code/@code='3']/h:component/h:observation")) {
            require(!xml.string(test, "h:code/h:originalText").isBlank(), "F.r.2.1 test name");
            day(test, "h:effectiveTime/@value", "F.r.1 test date");
            require(!xml.string(test, "h:value/h:center/@unit").isBlank(), "F.r.3.3 test result unit (UCUM)");
        }
        List<Element> drugs = xml.elements(role, "h:subjectOf2/h:organizer[h:code/@code='4']/h:component/h:substanceAdministration");
        require(!drugs.isEmpty(), "G.k at least one drug");
        Set<String> drugIds = new java.util.HashSet<>();
        for (Element drug : drugs) {
            drugIds.add(xml.string(drug, "h:id/@root"));
            require(!xml.string(drug, "h:consumable/h:instanceOfKind/h:kindOfProduct/h:name").isBlank(),
                    "G.k.2.2 medicinal product name");
        }
        List<Element> roles = xml.elements(event, "h:component/h:adverseEventAssessment/h:component/h:causalityAssessment"
                + "[h:code/@code='20']");
        require(roles.size() == drugs.size(), "G.k.1 a role for every drug");
        require(roles.stream().anyMatch(r -> "1".equals(xml.string(r, "h:value/@code"))), "G.k.1 a suspect drug");
        for (Element drugRole : roles) {
            inCodeList(drugRole, "h:value/@code", Set.of("1", "2", "3", "4"), "G.k.1 characterisation of drug role");
        }
        Set<String> reactionIds = new java.util.HashSet<>();
        reactions.forEach(reaction -> reactionIds.add(xml.string(reaction, "h:id/@root")));
        for (Element assessment : xml.elements(event, "h:component/h:adverseEventAssessment/h:component/h:causalityAssessment")) {
            require(drugIds.contains(xml.string(assessment, "h:subject2/h:productUseReference/h:id/@root")),
                    "G.k.9.i: an assessment names a drug of the case");
            String reaction = xml.string(assessment, "h:subject1/h:adverseEffectReference/h:id/@root");
            require(reaction.isEmpty() || reactionIds.contains(reaction), "G.k.9.i: an assessment names a reaction of the case");
        }
        Set<String> sources = new java.util.HashSet<>();
        for (Element result : xml.elements(event,
                "h:component/h:adverseEventAssessment/h:component/h:causalityAssessment[h:code/@code='39']")) {
            inCodeList(result, "h:author/h:assignedEntity/h:code/h:originalText", Set.of("Investigator", "Sponsor"),
                    "G.k.9.i.2.r.1 source of assessment");
            require(!xml.string(result, "h:methodCode/h:originalText").isBlank(), "G.k.9.i.2.r.2 method of assessment");
            require(!xml.string(result, "h:value").isBlank(), "G.k.9.i.2.r.3 result of assessment");
            require(sources.add(xml.string(result, "h:subject2/h:productUseReference/h:id/@root") + "|"
                    + xml.string(result, "h:author/h:assignedEntity/h:code/h:originalText")),
                    "G.k.9.i.2.r: one assessment per drug and source");
        }
    }

    private Element one(Element context, String path, String element) {
        List<Element> found = xml.elements(context, path);
        require(found.size() == 1, element);
        return found.isEmpty() ? null : found.get(0);
    }

    private void identifier(Element context, String root, String element) {
        identifier(context, ".", root, element);
    }

    private void identifier(Element context, String path, String root, String element) {
        String extension = xml.string(context, path + "/h:id[@root='" + root + "']/@extension");
        require(!extension.isBlank() && extension.length() <= 100, element + " (root " + root + ")");
    }

    private void inCodeList(Element context, String path, Set<String> codes, String element) {
        String value = xml.string(context, path);
        require(codes.contains(value), element + ": '" + value + "' is not in " + new java.util.TreeSet<>(codes));
    }

    private void day(Element context, String path, String element) {
        require(xml.string(context, path).matches("\\d{8}"), element + " (CCYYMMDD)");
    }

    private void timestamp(Element context, String path, String element) {
        require(xml.string(context, path).matches("\\d{14}([+-]\\d{2,4})?"), element + " (CCYYMMDDhhmmss)");
    }

    private void require(boolean met, String rule) {
        if (!met) {
            violations.add(rule);
        }
    }
}
