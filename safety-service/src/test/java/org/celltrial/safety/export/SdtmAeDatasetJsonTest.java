package org.celltrial.safety.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Origin;
import org.celltrial.safety.ae.Outcome;
import org.celltrial.safety.ae.Relatedness;
import org.celltrial.safety.ae.SeriousnessCriterion;

/** The AE domain as Dataset-JSON v1.1: the same records as the CSV, typed, with each variable's metadata. */
class SdtmAeDatasetJsonTest {

    private static final Instant CREATED = Instant.parse("2025-06-15T12:00:00.123Z");

    private static final AdverseEventView CRS = event(Origin.CRS, "Cytokine release syndrome", "10052015",
            LocalDate.of(2025, 3, 2), null, null, List.of());
    private static final AdverseEventView PLATELETS = event(Origin.LAB, "Platelet count decreased", "10035528",
            LocalDate.of(2025, 2, 26), LocalDate.of(2025, 3, 20), null, List.of());
    private static final AdverseEventView FEBRILE_NEUTROPENIA = event(Origin.REPORTED, "Febrile neutropenia",
            "10016288", LocalDate.of(2025, 3, 9), LocalDate.of(2025, 3, 15), Relatedness.UNLIKELY,
            List.of(SeriousnessCriterion.HOSPITALISATION));

    @Test
    void writesTheDatasetWithItsColumnsMetadataAndTypedRowsAcrossPages() throws IOException {
        JsonNode dataset = parse(json(List.of(PLATELETS), List.of(), List.of(CRS, FEBRILE_NEUTROPENIA)));

        assertEquals("1.1.0", dataset.path("datasetJSONVersion").asText());
        assertEquals("2025-06-15T12:00:00", dataset.path("datasetJSONCreationDateTime").asText());
        assertEquals("AE", dataset.path("name").asText());
        assertEquals("IG.AE", dataset.path("itemGroupOID").asText());
        assertEquals("CT-CART-01", dataset.path("studyOID").asText());
        List<String> names = new ArrayList<>();
        dataset.path("columns").forEach(column -> names.add(column.path("name").asText()));
        String csv = new SdtmAeWriter(new SdtmAeDataset("CT-CART-01", "20.1")).nextChunk(List.of(), SdtmAeWriterTest.PATIENTS);
        assertEquals(String.join(",", names) + "\r\n", csv, "the CSV's variables, in its order");
        JsonNode aestdy = column(dataset, "AESTDY");
        assertEquals("IT.AE.AESTDY", aestdy.path("itemOID").asText());
        assertEquals("Study Day of Start of Adverse Event", aestdy.path("label").asText());
        assertEquals("integer", aestdy.path("dataType").asText());
        assertEquals("date", column(dataset, "AESTDTC").path("dataType").asText());
        assertEquals(List.of("STUDYID:1", "USUBJID:2", "AEDECOD:3", "AESTDTC:4"), keys(dataset));

        assertEquals(3, dataset.path("records").asInt());
        assertEquals(3, dataset.path("rows").size());
        JsonNode platelets = dataset.path("rows").get(0);
        assertEquals(1, value(dataset, platelets, "AESEQ").asInt());
        assertTrue(value(dataset, platelets, "AESTDY").isInt());
        assertEquals(-3, value(dataset, platelets, "AESTDY").asInt(), "three days before Day 0");
        assertEquals(20, value(dataset, platelets, "AEENDY").asInt());
        assertEquals("TREATMENT", value(dataset, platelets, "EPOCH").asText());
        assertEquals("UNKNOWN", value(dataset, platelets, "AEACN").asText());
        assertEquals("POSSIBLY RELATED", value(dataset, platelets, "AEREL").asText(), "a lab event not assessed");
        assertEquals("Investigations", value(dataset, platelets, "AESOC").asText());
        JsonNode crs = dataset.path("rows").get(1);
        assertEquals(2, value(dataset, crs, "AESEQ").asInt());
        assertTrue(value(dataset, crs, "AEENDY").isNull(), "ongoing: no end day");
        assertTrue(value(dataset, crs, "AEENDTC").isNull());
        assertEquals("RELATED", value(dataset, crs, "AEREL").asText(), "CRS not assessed");
        JsonNode febrileNeutropenia = dataset.path("rows").get(2);
        assertEquals("UNLIKELY RELATED", value(dataset, febrileNeutropenia, "AEREL").asText());
        assertEquals("Y", value(dataset, febrileNeutropenia, "AESHOSP").asText());
    }

    @Test
    void anEmptyDatasetHasItsColumnsAndNoRows() throws IOException {
        JsonNode dataset = parse(json());

        assertEquals(0, dataset.path("records").asInt());
        assertEquals(0, dataset.path("rows").size());
        assertEquals(SdtmAeDataset.Variable.values().length, dataset.path("columns").size());
    }

    @SafeVarargs
    private static String json(List<AdverseEventView>... pages) {
        SdtmAeDatasetJson dataset = new SdtmAeDatasetJson(new SdtmAeDataset("CT-CART-01", "20.1"), CREATED);
        StringBuilder json = new StringBuilder();
        for (List<AdverseEventView> page : pages) {
            json.append(dataset.nextChunk(page, SdtmAeWriterTest.PATIENTS));
        }
        return json.append(dataset.end()).toString();
    }

    private static JsonNode parse(String json) throws IOException {
        return new ObjectMapper().readTree(json);
    }

    private static JsonNode column(JsonNode dataset, String name) {
        for (JsonNode column : dataset.path("columns")) {
            if (column.path("name").asText().equals(name)) {
                return column;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static List<String> keys(JsonNode dataset) {
        List<String> keys = new ArrayList<>();
        dataset.path("columns").forEach(column -> {
            if (column.has("keySequence")) {
                keys.add(column.path("name").asText() + ":" + column.path("keySequence").asInt());
            }
        });
        return keys;
    }

    private static JsonNode value(JsonNode dataset, JsonNode row, String variable) {
        List<String> names = new ArrayList<>();
        dataset.path("columns").forEach(column -> names.add(column.path("name").asText()));
        return row.get(names.indexOf(variable));
    }

    private static AdverseEventView event(Origin origin, String term, String meddraCode, LocalDate onset,
            LocalDate resolvedOn, Relatedness relatedToCarT, List<SeriousnessCriterion> criteria) {
        return new AdverseEventView(UUID.randomUUID(), SdtmAeWriterTest.patientId("0101"), "0101", "S01", origin, term,
                meddraCode, onset, criteria.isEmpty() ? 2 : 3, null, null, null, null, !criteria.isEmpty(), criteria,
                null, null, relatedToCarT, null, null, resolvedOn == null ? Outcome.NOT_RECOVERED : Outcome.RECOVERED,
                resolvedOn, List.of(), onset, null, null, 0);
    }
}
