package org.celltrial.safety.e2b;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Origin;
import org.celltrial.safety.ae.Outcome;
import org.celltrial.safety.ae.Relatedness;
import org.celltrial.safety.ae.SeriousnessCriterion;

/** Which facts an E2B(R3) report needs, and how a serious event and its patient become one. */
class IcsrAssemblerTest {

    static final E2bConfig CONFIG = new E2bConfig() {
        public String senderId() { return "CELLTRIAL"; }
        public String receiverId() { return "SPONSOR-DB"; }
        public String caseIdPrefix() { return "US-CELLTRIAL"; }
        public String studyRegistrationNumber() { return "NCT06352281"; }
        public String studyRegistrationCountry() { return "US"; }
        public String studyTitle() { return "Anti-CD19 CAR-T in ITP"; }
        public String productName() { return "Anti-CD19 CAR-T cells"; }
        public List<String> lymphodepletionAgents() { return List.of("Fludarabine", "Cyclophosphamide"); }
        public int lymphodepletionDays() { return 3; }
    };

    private final IcsrAssembler assembler = new IcsrAssembler(CONFIG, "CT-ITP-CD19-01", "20.1");

    static final PatientReference PATIENT = new PatientReference(UUID.randomUUID(), "CT-SITE-01-001", "SITE-01", "F",
            null, 34, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 24), new BigDecimal("61.5"), null, "INFUSED",
            List.of(), "DL1");

    static AdverseEventView crs(Relatedness carT, Relatedness lymphodepletion, Boolean expected, int version) {
        return crs(carT, lymphodepletion, null, expected, version);
    }

    static AdverseEventView crs(Relatedness carT, Relatedness lymphodepletion, Relatedness sponsorCarT,
            Boolean expected, int version) {
        return new AdverseEventView(UUID.fromString("6f1c0d5e-0000-4000-8000-000000000001"), PATIENT.id(),
                "CT-SITE-01-001", "SITE-01", Origin.CRS, "Cytokine release syndrome", "10052015",
                LocalDate.of(2025, 3, 2), 3, 3, "ASTCT grade 3: hypotension needing a vasopressor", null, null, true,
                List.of(SeriousnessCriterion.HOSPITALISATION), "crs-engine", 1, carT, lymphodepletion,
                sponsorCarT, Outcome.RECOVERED, LocalDate.of(2025, 3, 6), List.of("tocilizumab"), LocalDate.of(2025, 3, 3), expected,
                null, version);
    }

    @Test
    void aCompleteSeriousEventLacksNothing() {
        assertEquals(List.of(), assembler.missing(crs(Relatedness.PROBABLE, null, false, 1), PATIENT));
    }

    @Test
    void namesEveryMissingFactWithItsDataElement() {
        AdverseEventView bare = new AdverseEventView(UUID.randomUUID(), PATIENT.id(), "CT-SITE-01-001", "SITE-01",
                Origin.ICANS, "Immune effector cell-associated neurotoxicity syndrome", null, LocalDate.of(2025, 3, 5),
                2, 2, null, null, null, false, List.of(), null, 1, null, null, null, null, null, List.of(), null, null, null,
                1);
        PatientReference notInfused = new PatientReference(PATIENT.id(), "CT-SITE-01-001", "SITE-01", null, null, null,
                null, null, null, null, "ENROLLED", List.of(), null);

        List<String> missing = assembler.missing(bare, notInfused);

        assertEquals(List.of("serious: only a serious adverse event is reported as an ICSR",
                "meddraCode: the reaction's MedDRA code (E.i.2.1b)", "outcome: the reaction's outcome (E.i.7)",
                "awarenessDate: the date the sponsor became aware of the case (C.1.4)",
                "relatedToCarT: the investigator's causality assessment (G.k.9.i.2.r.3)", "patient.sex (D.5)",
                "patient.ageAtInfusionYears: the age at onset (D.2.2)", "patient.weightKg (D.3)",
                "patient.day0: the date the suspect product was given (G.k.4.r.4); the patient is not infused",
                "patient.doseLevel: the suspect product's dose (G.k.5)"), missing);
    }

    @Test
    void carTIsSuspectAndLymphodepletionConcomitantUnlessAssessedAsRelated() {
        IcsrFacts concomitant = assemble(crs(Relatedness.PROBABLE, Relatedness.UNLIKELY, false, 1));
        IcsrFacts coSuspect = assemble(crs(Relatedness.PROBABLE, Relatedness.POSSIBLE, false, 1));

        assertEquals(List.of(1, 2, 2), concomitant.drugs().stream().map(IcsrFacts.Drug::role).toList());
        assertEquals(List.of(1, 1, 1), coSuspect.drugs().stream().map(IcsrFacts.Drug::role).toList());
        IcsrFacts.Drug carT = concomitant.drugs().get(0);
        assertEquals(LocalDate.of(2025, 3, 1), carT.start());
        assertEquals("PROBABLY RELATED", carT.investigatorCausality());
        assertEquals(LocalDate.of(2025, 2, 26), concomitant.drugs().get(1).end());
        assertEquals("UNLIKELY RELATED", concomitant.drugs().get(1).investigatorCausality());
    }

    @Test
    void theSponsorsCausalityGoesWithTheCarTProductBesideTheInvestigators() {
        IcsrFacts assessed = assemble(crs(Relatedness.PROBABLE, Relatedness.UNLIKELY, Relatedness.POSSIBLE, false, 1));
        IcsrFacts notYet = assemble(crs(Relatedness.PROBABLE, Relatedness.UNLIKELY, false, 1));

        assertEquals(java.util.Arrays.asList("POSSIBLY RELATED", null, null),
                assessed.drugs().stream().map(IcsrFacts.Drug::sponsorCausality).toList());
        assertEquals("PROBABLY RELATED", assessed.drugs().get(0).investigatorCausality());
        assertTrue(assessed.narrative().endsWith("Unexpected per the reference safety information."));
        assertTrue(assessed.narrative().contains(" Sponsor's causality: POSSIBLY RELATED to Anti-CD19 CAR-T cells."),
                assessed.narrative());
        assertTrue(notYet.drugs().stream().allMatch(drug -> drug.sponsorCausality() == null));
        assertFalse(notYet.narrative().contains("Sponsor"));
    }

    @Test
    void theCaseIdStaysAndTheVersionFollowsTheEvent() {
        // a stored event's version counts from 0, a report's from 1
        IcsrFacts initial = assemble(crs(Relatedness.PROBABLE, null, false, 0));
        IcsrFacts followUp = assemble(crs(Relatedness.PROBABLE, null, false, 2));

        assertEquals("US-CELLTRIAL-6f1c0d5e-0000-4000-8000-000000000001", initial.worldwideCaseId());
        assertEquals(initial.worldwideCaseId(), followUp.worldwideCaseId());
        assertEquals(1, initial.version());
        assertEquals(3, followUp.version());
    }

    @Test
    void aRelatedUnexpectedSeriousEventIsExpedited() {
        assertTrue(assemble(crs(Relatedness.POSSIBLE, null, false, 1)).expedited());
        assertFalse(assemble(crs(Relatedness.POSSIBLE, null, true, 1)).expedited());
        assertFalse(assemble(crs(Relatedness.UNLIKELY, null, false, 1)).expedited());
        assertFalse(assemble(crs(Relatedness.PROBABLE, null, null, 1)).expedited());
    }

    @Test
    void labsFromSevenDaysBeforeOnsetToSevenDaysAfterTheEndGoWithIt() {
        List<IcsrFacts.Test> labs = List.of(lab(LocalDate.of(2025, 2, 22)), lab(LocalDate.of(2025, 2, 23)),
                lab(LocalDate.of(2025, 3, 13)), lab(LocalDate.of(2025, 3, 14)));

        IcsrFacts facts = assembler.assemble(crs(Relatedness.PROBABLE, null, false, 1), PATIENT, labs,
                LocalDate.of(2025, 3, 10), IcsrWriterTest.CREATED);

        assertEquals(List.of(LocalDate.of(2025, 2, 23), LocalDate.of(2025, 3, 13)),
                facts.tests().stream().map(IcsrFacts.Test::date).toList());
    }

    @Test
    void theNarrativeTellsTheGradedFactsWithoutIdentifyingThePatient() {
        String narrative = assemble(crs(Relatedness.PROBABLE, Relatedness.UNLIKELY, false, 1)).narrative();

        assertEquals("Study subject CT-SITE-01-001, 34-year-old female, 61.5 kg, with immune thrombocytopenia, "
                + "received lymphodepletion (Fludarabine, Cyclophosphamide) from 2025-02-24 and Anti-CD19 CAR-T cells "
                + "(dose level DL1) on 2025-03-01 (Day 0). On 2025-03-02 (Day 1) the subject developed Cytokine "
                + "release syndrome, CTCAE grade 3 (ASTCT grade 3: hypotension needing a vasopressor). Serious: "
                + "hospitalisation. Treated with tocilizumab. Outcome: recovered on 2025-03-06. Investigator's "
                + "causality: PROBABLY RELATED to Anti-CD19 CAR-T cells, UNLIKELY RELATED to lymphodepletion. "
                + "Unexpected per the reference safety information.", narrative);
    }

    @ParameterizedTest
    @CsvSource({"1,2", "2,3", "11,3", "12,4", "17,4", "18,5", "64,5", "65,6", "75,6"})
    void ageGroupsByYears(int years, int group) {
        assertEquals(group, IcsrAssembler.ageGroup(years));
    }

    private IcsrFacts assemble(AdverseEventView event) {
        return assembler.assemble(event, PATIENT, List.of(), LocalDate.of(2025, 3, 10), IcsrWriterTest.CREATED);
    }

    private static IcsrFacts.Test lab(LocalDate day) {
        return new IcsrFacts.Test("Platelet count", day, new BigDecimal("20"), "10*9/L", null, null);
    }
}
