package org.celltrial.devtools.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.celltrial.devtools.demo.DemoStudy.AdverseEventFollowUp;
import org.celltrial.devtools.demo.DemoStudy.Observation;
import org.celltrial.devtools.demo.DemoStudy.OmittedLymphodepletion;
import org.celltrial.devtools.demo.DemoStudy.Patient;
import org.celltrial.devtools.demo.DemoStudy.PlannedLymphodepletion;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** The reference study file as the loader will send it. */
class DemoStudyReaderTest {

    private static final DemoStudy STUDY = DemoStudyReader.read(
            Path.of(System.getProperty("celltrial.root", "..")).resolve(DemoStudyReader.DEFAULT_STUDY));

    @Test
    void theStudyHasItsCutOffSiteUsersAndExpectedFigures() {
        assertEquals(LocalDate.of(2025, 6, 15), STUDY.asOf());
        assertEquals(new DemoStudy.Site("SITE-01", "Reference study site 01"), STUDY.site());
        assertEquals(new DemoStudy.Users("admin-user", "inv-site01", "data-manager"), STUDY.users());
        assertEquals(List.of("P1", "P2", "P3", "P4"), STUDY.patients().stream().map(Patient::key).toList());
        assertEquals(4, STUDY.expected().path("enrolled").asInt());
    }

    @Test
    void datesRelativeToDayZeroAreResolved() {
        Patient p1 = patient("P1");
        assertEquals(LocalDate.of(2024, 2, 7), p1.day0());
        assertEquals("2024-01-10", p1.screening().request().path("screeningDate").asText());   // D-28
        assertEquals("2024-01-08", p1.enrollment().path("consentDate").asText());              // D-30
        assertEquals("2024-05-07", platelets(p1, "2024-05-07").path("date").asText());        // M3: Day 0's day
        assertEquals("2024-11-08", observations(p1, ObservationKind.THERAPIES).get(1).path("start").asText()); // M9+1
        // Instants are UTC, 08:00 unless the file gives the time.
        assertEquals("2024-02-07T20:00:00Z", observations(p1, ObservationKind.VITALS).get(0).path("at").asText());
        // Absolute dates stay as written, nested ones too.
        assertEquals(LocalDate.of(2009, 9, 12), p1.screening().birthDate());
        assertEquals("2015-11-20",
                p1.screening().request().path("priorTherapies").get(0).path("start").asText());
    }

    @Test
    void observationsGetTheDefaultsAndLoseTheComments() {
        // {"at": "D1T20:00", "temperatureC": 38.4, "antipyreticOrAntiCytokine": true, "_": "fever, paracetamol"}
        JsonNode feverWithParacetamol = observations(patient("P1"), ObservationKind.VITALS).stream()
                .filter(vitals -> vitals.path("at").asText().equals("2024-02-08T20:00:00Z")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("38.4"), feverWithParacetamol.path("temperatureC").decimalValue());
        assertEquals("NONE", feverWithParacetamol.path("hypotension").asText());   // a default
        assertEquals(true, feverWithParacetamol.path("antipyreticOrAntiCytokine").asBoolean()); // over the default
        assertFalse(feverWithParacetamol.has("_"), feverWithParacetamol.toString());
        for (Patient patient : STUDY.patients()) {
            for (Observation observation : patient.observations()) {
                assertFalse(observation.body().toString().contains("\"_"), observation.toString());
            }
        }
    }

    @Test
    void observationsComeByKindInTheFileOrder() {
        Patient p1 = patient("P1");
        assertEquals(3 + 11 + 5 + 7 + 28 + 15 + 12 + 10, p1.observations().size());
        assertEquals(List.of(ObservationKind.values()),
                p1.observations().stream().map(Observation::kind).distinct().toList());
        // Decimals as BigDecimal, not binary doubles.
        assertEquals(new BigDecimal("0.842"),
                observations(p1, ObservationKind.AUTOANTIBODIES).get(0).path("opticalDensity").decimalValue());
    }

    @Test
    void eligibilityCarriesTheStudysAnswersAndThePlanItsInfusionDate() {
        Patient p1 = patient("P1");
        assertEquals("2024-01-17", p1.eligibility().path("assessedOn").asText());   // D-21
        assertEquals(10, p1.eligibility().path("answers").size());
        PlannedLymphodepletion planned = assertInstanceOf(PlannedLymphodepletion.class, p1.lymphodepletion());
        assertEquals("2024-02-07", planned.plan().path("plannedInfusionDate").asText());
        assertEquals(158, planned.plan().path("heightCm").asInt());
    }

    @Test
    void theThirdPatientsLymphodepletionIsOmittedWhenDecided() {
        OmittedLymphodepletion omitted = assertInstanceOf(OmittedLymphodepletion.class,
                patient("P3").lymphodepletion());
        assertEquals(LocalDate.of(2024, 10, 2), omitted.date());   // D-7
        assertEquals(true, omitted.reason().startsWith("Investigator decision"), omitted.reason());
    }

    @Test
    void icansFollowUpsStateTreatmentAndRelatednessNeverAGrade() {
        AdverseEventFollowUp followUp = patient("P2").adverseEventFollowUps().get(0);
        assertEquals("ICANS", followUp.origin());
        assertEquals(List.of("methylprednisolone"), followUp.treatments());
        assertEquals(Map.of("relatedToCarT", new TextNode("PROBABLE"), "relatedToLymphodepletion",
                new TextNode("UNLIKELY"), "outcome", new TextNode("RECOVERED")), followUp.fields());
        assertEquals(List.of(), patient("P1").adverseEventFollowUps());
    }

    @Test
    void aPatientWithoutDayZeroIsRefusedByName() throws Exception {
        JsonNode file = new ObjectMapper().readTree("""
                {"asOf": "2025-06-15", "site": {"code": "S"}, "patients": [{"key": "P9"}]}""");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DemoStudyReader.study(file));
        assertEquals("The study file lacks 'day0' in {\"key\":\"P9\"}", refused.getMessage());
    }

    private static Patient patient(String key) {
        return STUDY.patients().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<JsonNode> observations(Patient patient, ObservationKind kind) {
        return patient.observations().stream().filter(o -> o.kind() == kind).map(o -> (JsonNode) o.body()).toList();
    }

    private static JsonNode platelets(Patient patient, String date) {
        return observations(patient, ObservationKind.PLATELET_COUNTS).stream()
                .filter(count -> date.equals(count.path("date").asText())).findFirst().orElseThrow();
    }
}
