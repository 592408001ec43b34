package org.celltrial.safety.e2b;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.celltrial.safety.ae.Outcome;
import org.celltrial.safety.ae.SeriousnessCriterion;

/**
 * E2B(R3) messages meet the ICH business rules ({@link E2bBusinessRules}) and read back into the facts they were
 * written from; the rules catch a message that breaks them.
 */
class IcsrWriterTest {

    static final Instant CREATED = Instant.parse("2025-06-15T10:20:30Z");

    static IcsrFacts crsCase(int version, String narrative) {
        return new IcsrFacts("US-CELLTRIAL-6f1c0d5e-0000-4000-8000-000000000001", version, CREATED,
                LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 10), true,
                new IcsrFacts.Study("NCT06352281", "US", "CT-ITP-CD19-01", "Anti-CD19 CAR-T in ITP"),
                new IcsrFacts.Patient("CT-SITE-01-001", 2, 34, 5, new BigDecimal("61.5")),
                new IcsrFacts.Reaction("Cytokine release syndrome", "10052015", "20.1", LocalDate.of(2025, 3, 2),
                        LocalDate.of(2025, 3, 6),
                        List.of(SeriousnessCriterion.LIFE_THREATENING, SeriousnessCriterion.HOSPITALISATION),
                        Outcome.RECOVERED, 3),
                List.of(new IcsrFacts.Drug("Anti-CD19 CAR-T cells", 1, "Dose level DL1, single intravenous infusion on Day 0",
                                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1), "PROBABLY RELATED",
                                "POSSIBLY RELATED"),
                        new IcsrFacts.Drug("Fludarabine", 2, null, LocalDate.of(2025, 2, 24), LocalDate.of(2025, 2, 26),
                                "UNLIKELY RELATED", null),
                        new IcsrFacts.Drug("Cyclophosphamide", 2, null, LocalDate.of(2025, 2, 24),
                                LocalDate.of(2025, 2, 26), null, null)),
                List.of(new IcsrFacts.Test("Platelet count", LocalDate.of(2025, 3, 2), new BigDecimal("12"), "10*9/L",
                                new BigDecimal("150"), new BigDecimal("400")),
                        new IcsrFacts.Test("Neutrophil count", LocalDate.of(2025, 3, 3), new BigDecimal("0.40"),
                                "10*9/L", null, null)),
                narrative);
    }

    @Test
    void aBatchOfTwoVersionsMeetsTheBusinessRulesAndReadsBackIntoItsFacts() {
        List<IcsrFacts> cases = List.of(crsCase(1, "CTCAE grade 3 <CRS> & \"fever\""), crsCase(2, "CTCAE grade 3, follow-up"));

        String xml = IcsrWriter.batch("CELLTRIAL-B1", "CELLTRIAL", "SPONSOR-DB", CREATED, cases);

        assertEquals(List.of(), E2bBusinessRules.violations(xml), xml);
        assertEquals(cases, new IcsrReader(xml).cases());
    }

    @Test
    void theInvestigatorsAndTheSponsorsCausalityAreTwoAssessmentsOfTheSuspectDrug() {
        String xml = IcsrWriter.batch("B", "S", "R", CREATED, List.of(crsCase(1, "CTCAE grade 3")));
        IcsrReader read = new IcsrReader(xml);

        assertEquals(List.of("Investigator", "Sponsor", "Investigator"), read.elements(read.document(),
                "//h:causalityAssessment[h:code/@code='39']/h:author/h:assignedEntity/h:code/h:originalText").stream()
                .map(org.w3c.dom.Element::getTextContent).toList());
        IcsrFacts.Drug carT = read.cases().get(0).drugs().get(0);
        assertEquals("PROBABLY RELATED", carT.investigatorCausality());
        assertEquals("POSSIBLY RELATED", carT.sponsorCausality());
        assertEquals(List.of(), E2bBusinessRules.violations(xml));
        assertEquals(List.of("G.k.9.i.2.r.1 source of assessment: 'Regulator' is not in [Investigator, Sponsor]"),
                E2bBusinessRules.violations(xml.replace("<originalText>Sponsor</originalText>",
                        "<originalText>Regulator</originalText>")));
    }

    @Test
    void everyVersionKeepsTheWorldwideCaseIdAndHasItsOwnMessageId() {
        String xml = IcsrWriter.batch("B", "S", "R", CREATED, List.of(crsCase(1, "CTCAE grade 3"), crsCase(2, "CTCAE grade 3")));
        List<IcsrFacts> read = new IcsrReader(xml).cases();

        assertEquals(read.get(0).worldwideCaseId(), read.get(1).worldwideCaseId());
        assertEquals(List.of(1, 2), read.stream().map(IcsrFacts::version).toList());
        assertTrue(xml.contains("extension=\"US-CELLTRIAL-6f1c0d5e-0000-4000-8000-000000000001-V2\""));
    }

    @Test
    void thePatientIsMaskedAndHasNoBirthDate() {
        String xml = IcsrWriter.batch("B", "S", "R", CREATED, List.of(crsCase(1, "CTCAE grade 3")));

        assertTrue(xml.contains("<name nullFlavor=\"MSK\"/>"));
        assertFalse(xml.contains("birthTime"));
    }

    @Test
    void theRulesCatchAMessageThatBreaksThem() {
        String xml = IcsrWriter.batch("B", "S", "R", CREATED, List.of(crsCase(1, "CTCAE grade 3")));

        List<String> violations = E2bBusinessRules.violations(xml
                .replace("code=\"10052015\"", "code=\"CRS\"")
                .replace("<administrativeGenderCode code=\"2\"", "<administrativeGenderCode code=\"F\"")
                .replace("<name nullFlavor=\"MSK\"/>", "<name>A.B.</name><birthTime value=\"19900101\"/>"));

        assertEquals(List.of("D.1: masked (nullFlavor MSK), no initials", "D.5 sex: 'F' is not in [0, 1, 2, 9]",
                "E.i.2.1b reaction MedDRA code", "D.2.1: no birth date (pseudonymised patient)"), violations);
    }
}
