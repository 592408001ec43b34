package org.celltrial.gateway.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;

class ObservationReaderTest {

    private static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    private static final ObservationReader READER = new ObservationReader(FhirContext.forR4Cached());

    @ParameterizedTest(name = "LOINC {0}: {1} {2} -> {3} {4} {5}")
    @CsvSource({
            "777-3,   45,    10*9/L,  PLT,   45,    10*9/L",
            "26515-7, 45,    10*3/uL, PLT,   45,    10*9/L",
            "777-3,   45000, /uL,     PLT,   45,    10*9/L",
            "777-3,   12.34, 10*9/L,  PLT,   12.3,  10*9/L",
            "751-8,   0.4,   10*3/uL, ANC,   0.4,   10*9/L",
            "731-0,   0.15,  /nL,     LYM,   0.15,  10*9/L",
            "718-7,   95,    g/L,     HGB,   9.5,   g/dL",
            "718-7,   9.5,   g/dL,    HGB,   9.5,   g/dL",
            "1742-6,  120,   U/L,     ALT,   120,   U/L",
            "1920-8,  2,     ukat/L,  AST,   120,   U/L",
            "1975-2,  1.2,   mg/dL,   TBIL,  1.2,   mg/dL",
            "1975-2,  17.1,  umol/L,  TBIL,  1,     mg/dL",
            "2160-0,  10,    mg/L,    CREAT, 1,     mg/dL",
            "2160-0,  88.4,  umol/L,  CREAT, 1,     mg/dL",
            "3255-7,  150,   mg/dL,   FIB,   1.5,   g/L"})
    void readsEachCodeIntoItsAnalyteAndUnit(String loinc, String value, String unit, String analyte,
            String expected, String expectedUnit) {
        LabObservation lab = READER.read(observation(loinc, value, unit), NOW);
        assertEquals(analyte, lab.lab().analyte());
        assertEquals(expectedUnit, lab.lab().unit());
        assertEquals(0, new BigDecimal(expected).compareTo(lab.value()), lab.value().toPlainString());
        assertEquals("CT-SITE-01-004", lab.subjectId());
        assertEquals(Instant.parse("2025-02-09T19:30:00Z"), lab.at());
        assertEquals(LocalDate.parse("2025-02-09"), lab.date(), "the date where the sample was taken");
    }

    @Test
    void convertsTheReferenceRangeToo() {
        Observation hemoglobin = observation("718-7", "95", "g/L");
        hemoglobin.addReferenceRange().setLow(ucum("120", "g/L")).setHigh(ucum("16", "g/dL"));
        LabObservation lab = READER.read(hemoglobin, NOW);
        assertEquals(new BigDecimal("12"), lab.lowerLimitNormal());
        assertEquals(new BigDecimal("16"), lab.upperLimitNormal());
        assertNull(READER.read(observation("777-3", "45", "10*9/L"), NOW).upperLimitNormal());
    }

    @Test
    void theSameObservationSentAgainHasTheSameKeyAndAnotherValueAnother() {
        Observation first = observation("777-3", "45", "10*9/L");
        Observation again = observation("777-3", "45", "10*9/L");
        again.setId("a-new-id-on-retry");
        assertEquals(READER.read(first, NOW).key(), READER.read(again, NOW).key());
        assertTrue(!READER.read(first, NOW).key().equals(READER.read(observation("777-3", "46", "10*9/L"), NOW)
                .key()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown code        | 2345-7  | 5     | mmol/L  | NOTSUPPORTED | No code CellTrial takes",
            "unit of mass        | 777-3   | 45    | mg      | VALUE        | does not convert to 10*9/L",
            "no UCUM unit        | 777-3   | 45    | cells   | VALUE        | does not convert",
            "molar hemoglobin    | 718-7   | 8     | mmol/L  | VALUE        | does not convert to g/dL",
            "platelets too high  | 777-3   | 2500  | 10*9/L  | VALUE        | outside 0-2000",
            "negative count      | 751-8   | -1    | 10*9/L  | VALUE        | outside 0-100000"})
    void refusesWhatCannotBeStoredSayingWhy(String what, String loinc, String value, String unit, IssueType type,
            String why) {
        RefusedEntry refused = assertThrows(RefusedEntry.class, () -> READER.read(observation(loinc, value, unit),
                NOW));
        assertEquals(type, refused.type());
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    @Test
    void refusesAnObservationWithoutSubjectTimeOrResult() {
        Observation noSubject = observation("777-3", "45", "10*9/L").setSubject(new Reference("Patient/1"));
        assertEquals(IssueType.REQUIRED, assertThrows(RefusedEntry.class, () -> READER.read(noSubject, NOW)).type());
        Observation dateOnly = observation("777-3", "45", "10*9/L").setEffective(new DateTimeType("2025-02-09"));
        assertTrue(assertThrows(RefusedEntry.class, () -> READER.read(dateOnly, NOW)).getMessage()
                .contains("needs a time"));
        Observation future = observation("777-3", "45", "10*9/L")
                .setEffective(new DateTimeType("2025-07-01T08:00:00Z"));
        assertTrue(assertThrows(RefusedEntry.class, () -> READER.read(future, NOW)).getMessage()
                .contains("in the future"));
        Observation preliminary = observation("777-3", "45", "10*9/L").setStatus(ObservationStatus.PRELIMINARY);
        assertEquals(IssueType.BUSINESSRULE, assertThrows(RefusedEntry.class, () -> READER.read(preliminary, NOW))
                .type());
        Observation lessThan = observation("777-3", "45", "10*9/L");
        lessThan.getValueQuantity().setComparator(Quantity.QuantityComparator.LESS_THAN);
        assertEquals(IssueType.VALUE, assertThrows(RefusedEntry.class, () -> READER.read(lessThan, NOW)).type());
    }

    static Observation observation(String loinc, String value, String unit) {
        Observation observation = new Observation();
        observation.setStatus(ObservationStatus.FINAL);
        observation.getCode().addCoding().setSystem(LoincLab.SYSTEM).setCode(loinc);
        observation.setSubject(new Reference().setIdentifier(new Identifier()
                .setSystem(ObservationReader.SUBJECT_SYSTEM).setValue("CT-SITE-01-004")));
        observation.setEffective(new DateTimeType("2025-02-09T20:30:00+01:00"));
        observation.setValue(ucum(value, unit));
        return observation;
    }

    private static Quantity ucum(String value, String unit) {
        return new Quantity().setValue(new BigDecimal(value)).setSystem(UcumUnits.SYSTEM).setCode(unit).setUnit(unit);
    }
}
