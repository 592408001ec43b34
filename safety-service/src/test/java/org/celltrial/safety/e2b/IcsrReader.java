package org.celltrial.safety.e2b;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.celltrial.safety.ae.Outcome;
import org.celltrial.safety.ae.SeriousnessCriterion;

/**
 * Reads E2B(R3) messages back into their facts, as a receiving safety database would: by the element paths, OIDs
 * and code lists of the ICH Implementation Guide, independently of how {@link IcsrWriter} wrote them. Packaged in
 * safety-service's test-jar with {@link E2bBusinessRules}.
 */
public final class IcsrReader {

    static final String OBS = "2.16.840.1.113883.3.989.2.1.1.19";

    private final Document document;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    public IcsrReader(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML", e);
        }
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return Map.of("h", IcsrWriter.HL7, "xsi", IcsrWriter.XSI).getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
    }

    public Document document() {
        return document;
    }

    public String string(Node context, String path) {
        try {
            return (String) xpath.evaluate(path, context, XPathConstants.STRING);
        } catch (Exception e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    public List<Element> elements(Node context, String path) {
        try {
            NodeList nodes = (NodeList) xpath.evaluate(path, context, XPathConstants.NODESET);
            List<Element> found = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add((Element) nodes.item(i));
            }
            return found;
        } catch (Exception e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    public List<IcsrFacts> cases() {
        return elements(document, "/h:MCCI_IN200100UV01/h:PORR_IN049016UV").stream().map(this::facts).toList();
    }

    private IcsrFacts facts(Element message) {
        Element event = elements(message, "h:controlActProcess/h:subject/h:investigationEvent").get(0);
        Element role = elements(event, "h:component/h:adverseEventAssessment/h:subject1/h:primaryRole").get(0);
        String caseId = string(event, "h:id[@root='" + IcsrWriter.OID_WORLDWIDE_CASE_ID + "']/@extension");
        String messageId = string(message, "h:id[@root='" + IcsrWriter.OID_MESSAGE_ID + "']/@extension");
        int version = Integer.parseInt(messageId.substring(messageId.lastIndexOf("-V") + 2));
        Instant created = IcsrWriter.SECOND.parse(string(message, "h:creationTime/@value"), Instant::from);
        return new IcsrFacts(caseId, version, created, day(string(event, "h:effectiveTime/h:low/@value")),
                day(string(event, "h:availabilityTime/@value")),
                Boolean.parseBoolean(string(event, observation("h:component/h:observationEvent", "23") + "/h:value/@value")),
                study(role), patient(role), reaction(role), drugs(event, role), tests(role), string(event, "h:text"));
    }

    private IcsrFacts.Study study(Element role) {
        String study = "h:subjectOf1/h:researchStudy";
        return new IcsrFacts.Study(
                string(role, study + "/h:authorization/h:studyRegistration/h:id/@extension"),
                string(role, study + "/h:authorization/h:studyRegistration/h:author/h:territorialAuthority"
                        + "/h:governingPlace/h:code/@code"),
                string(role, study + "/h:id[@root='" + IcsrWriter.OID_SPONSOR_STUDY_NUMBER + "']/@extension"),
                string(role, study + "/h:title"));
    }

    private IcsrFacts.Patient patient(Element role) {
        return new IcsrFacts.Patient(
                string(role, "h:player1/h:asIdentifiedEntity/h:id[@root='"
                        + IcsrWriter.OID_INVESTIGATION_PATIENT_NUMBER + "']/@extension"),
                Integer.parseInt(string(role, "h:player1/h:administrativeGenderCode/@code")),
                Integer.parseInt(string(role, observation("h:subjectOf2/h:observation", "3") + "/h:value/@value")),
                Integer.parseInt(string(role, observation("h:subjectOf2/h:observation", "4") + "/h:value/@code")),
                new BigDecimal(string(role, observation("h:subjectOf2/h:observation", "7") + "/h:value/@value")));
    }

    private IcsrFacts.Reaction reaction(Element role) {
        Element reaction = elements(role, observation("h:subjectOf2/h:observation", "29")).get(0);
        List<SeriousnessCriterion> criteria = new ArrayList<>();
        for (SeriousnessCriterion criterion : SeriousnessCriterion.values()) {
            if ("true".equals(string(reaction, observation("h:outboundRelationship2/h:observation",
                    IcsrWriter.CRITERION_CODES.get(criterion)) + "/h:value/@value"))) {
                criteria.add(criterion);
            }
        }
        String outcome = string(reaction, observation("h:outboundRelationship2/h:observation", "27") + "/h:value/@code");
        String end = string(reaction, "h:effectiveTime/h:high/@value");
        return new IcsrFacts.Reaction(string(reaction, "h:value/h:originalText"), string(reaction, "h:value/@code"),
                string(reaction, "h:value/@codeSystemVersion"), day(string(reaction, "h:effectiveTime/h:low/@value")),
                end.isEmpty() ? null : day(end), criteria,
                Arrays.stream(Outcome.values()).filter(o -> IcsrWriter.outcomeCode(o).equals(outcome))
                        .findFirst().orElseThrow(),
                // the CTCAE grade is not an E2B(R3) element: it is read from the narrative
                grade(string(role, "ancestor::h:investigationEvent/h:text")));
    }

    private List<IcsrFacts.Drug> drugs(Element event, Element role) {
        List<IcsrFacts.Drug> drugs = new ArrayList<>();
        String assessments = "h:component/h:adverseEventAssessment/h:component/h:causalityAssessment";
        for (Element drug : elements(role, "h:subjectOf2/h:organizer[h:code/@code='4']/h:component/h:substanceAdministration")) {
            String id = string(drug, "h:id/@root");
            String byId = "[h:subject2/h:productUseReference/h:id/@root='" + id + "']";
            String start = string(drug, "h:effectiveTime/h:low/@value");
            String end = string(drug, "h:effectiveTime/h:high/@value");
            String dosage = string(drug, "h:text");
            String causality = assessments + "[h:code/@code='39']" + byId
                    + "[h:author/h:assignedEntity/h:code/h:originalText='%s']/h:value";
            String investigator = string(event, causality.formatted("Investigator"));
            String sponsor = string(event, causality.formatted("Sponsor"));
            drugs.add(new IcsrFacts.Drug(string(drug, "h:consumable/h:instanceOfKind/h:kindOfProduct/h:name"),
                    Integer.parseInt(string(event, assessments + "[h:code/@code='20']" + byId + "/h:value/@code")),
                    dosage.isEmpty() ? null : dosage, start.isEmpty() ? null : day(start),
                    end.isEmpty() ? null : day(end), investigator.isEmpty() ? null : investigator,
                    sponsor.isEmpty() ? null : sponsor));
        }
        return drugs;
    }

    private List<IcsrFacts.Test> tests(Element role) {
        List<IcsrFacts.Test> tests = new ArrayList<>();
        for (Element test : elements(role, "h:subjectOf2/h:organizer[h:code/@code='3']/h:component/h:observation")) {
            String low = string(test, "h:referenceRange/h:observationRange[h:interpretationCode/@code='L']/h:value/@value");
            String high = string(test, "h:referenceRange/h:observationRange[h:interpretationCode/@code='H']/h:value/@value");
            tests.add(new IcsrFacts.Test(string(test, "h:code/h:originalText"),
                    day(string(test, "h:effectiveTime/@value")), new BigDecimal(string(test, "h:value/h:center/@value")),
                    string(test, "h:value/h:center/@unit"), low.isEmpty() ? null : new BigDecimal(low),
                    high.isEmpty() ? null : new BigDecimal(high)));
        }
        return tests;
    }

    private static String observation(String path, String code) {
        return path + "[h:code/@code='" + code + "' and h:code/@codeSystem='" + OBS + "']";
    }

    private static int grade(String narrative) {
        int at = narrative.indexOf("CTCAE grade ");
        return Character.getNumericValue(narrative.charAt(at + "CTCAE grade ".length()));
    }

    private static LocalDate day(String value) {
        return LocalDate.parse(value, IcsrWriter.DAY);
    }
}
