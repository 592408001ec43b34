package org.celltrial.safety.export;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.safety.ae.AdverseEventView;

/**
 * Writes the SDTM AE domain ({@link SdtmAeDataset}) as CDISC Dataset-JSON v1.1: the dataset's top-level attributes,
 * {@code columns} with each variable's metadata as a Define-XML would carry it (OID, name, label, data type, length,
 * key sequence), {@code rows} as arrays in column order (integers as numbers, an empty value as null), and
 * {@code records}, the number of rows, which comes last because the rows stream.
 * <p>
 * One writer writes one dataset, a page of events at a time, so an export of any size needs memory for one page.
 */
public final class SdtmAeDatasetJson {

    static final String VERSION = "1.1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdtmAeDataset dataset;
    private final Instant created;
    private boolean opened;
    private int records;

    /** @param created when the dataset is written (datasetJSONCreationDateTime) */
    public SdtmAeDatasetJson(SdtmAeDataset dataset, Instant created) {
        this.dataset = dataset;
        this.created = created;
    }

    /** The JSON of the next events' rows, to be sent after the chunks before it; the first chunk opens the dataset. */
    public String nextChunk(List<AdverseEventView> events, Map<UUID, PatientReference> patients) {
        StringBuilder chunk = new StringBuilder();
        open(chunk);
        for (SdtmAeDataset.Row row : dataset.rows(events, patients)) {
            List<Object> values = new ArrayList<>();
            for (SdtmAeDataset.Variable variable : SdtmAeDataset.Variable.values()) {
                Object value = variable.value(row);
                values.add("".equals(value) ? null : value);
            }
            chunk.append(records++ == 0 ? "" : ",").append(json(values));
        }
        return chunk.toString();
    }

    /** The end of the dataset, after its last chunk. */
    public String end() {
        StringBuilder chunk = new StringBuilder();
        open(chunk);
        return chunk.append("],\"records\":").append(records).append('}').toString();
    }

    private void open(StringBuilder chunk) {
        if (opened) {
            return;
        }
        opened = true;
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("datasetJSONCreationDateTime", created.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        header.put("datasetJSONVersion", VERSION);
        header.put("fileOID", "CELLTRIAL." + dataset.studyId() + ".AE");
        header.put("originator", "CellTrial");
        header.put("sourceSystem", Map.of("name", "CellTrial safety-service", "version", "1.0"));
        header.put("studyOID", dataset.studyId());
        header.put("metaDataVersionOID", "MDV.SDTMIG.3.4");
        header.put("itemGroupOID", "IG.AE");
        header.put("name", "AE");
        header.put("label", "Adverse Events");
        List<Map<String, Object>> columns = new ArrayList<>();
        for (SdtmAeDataset.Variable variable : SdtmAeDataset.Variable.values()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("itemOID", "IT.AE." + variable.name());
            column.put("name", variable.name());
            column.put("label", variable.label);
            column.put("dataType", variable.type.name);
            column.put("length", variable.length);
            if (variable.keySequence != null) {
                column.put("keySequence", variable.keySequence);
            }
            columns.add(column);
        }
        header.put("columns", columns);
        String json = json(header);
        chunk.append(json, 0, json.length() - 1).append(",\"rows\":[");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
