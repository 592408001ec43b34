package org.celltrial.devtools.demo;

import static org.celltrial.devtools.demo.DemoStudyLoader.plain;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.celltrial.devtools.demo.DemoStudyLoader.Loaded;
import org.celltrial.devtools.demo.DemoStudyLoader.LoadedPatient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the engines made of a loaded study, read back through the gateway: per patient, and the study summary. */
public final class DemoStudyReport {

    private static final String ROW = "  %-3s %-16s %-10s %-5s %-7s %-42s %-26s %-22s %s%n";

    private final GatewayClient api;
    private final String summaryReader;
    private final PrintStream out;

    /** @param summaryReader who reads the study summary (the file's reader, {@code data-manager}) */
    public DemoStudyReport(GatewayClient api, String summaryReader, PrintStream out) {
        this.api = api;
        this.summaryReader = summaryReader;
        this.out = out;
    }

    /** The study summary at the cut-off for the site: the gateway's composite {@code GET /api/v1/study/summary}. */
    public ObjectNode summary(Loaded loaded) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("asOf", loaded.asOf().toString());
        query.put("siteCode", loaded.siteCode());
        return (ObjectNode) api.get(summaryReader, GatewayClient.withQuery("/api/v1/study/summary", query));
    }

    /** One line per patient of what the engines made of the observations, read by the writer. */
    public void printPatients(Loaded loaded) {
        out.println();
        out.println("Per patient, as the engines grade and assess it (asOf " + loaded.asOf() + "):");
        out.printf(ROW, "", "subject", "Day 0", "CRS", "ICANS", "IWG response", "CAR-T (qPCR)", "B cells",
                "GP autoantibodies");
        String at = "?asOf=" + loaded.asOf();
        String reader = loaded.writer();
        for (LoadedPatient patient : loaded.patients()) {
            String base = "/patients/" + patient.id();
            JsonNode crs = api.get(reader, "/api/v1/safety" + base + "/crs");
            JsonNode icans = api.get(reader, "/api/v1/safety" + base + "/icans");
            JsonNode response = api.get(reader, "/api/v1/efficacy" + base + "/response" + at);
            JsonNode kinetics = api.get(reader, "/api/v1/efficacy" + base + "/car-t-kinetics" + at).path("summary");
            JsonNode bCells = api.get(reader, "/api/v1/efficacy" + base + "/b-cells" + at).path("summary");
            JsonNode antibodies = api.get(reader, "/api/v1/efficacy" + base + "/autoantibodies" + at).path("summary");
            out.printf(ROW, patient.key(), patient.subjectId(), patient.day0(), "gr " + crs.path("maxGrade").asText(),
                    "gr " + icans.path("maxGrade").asText(), response(response), carT(kinetics), bCells(bCells),
                    autoantibodies(antibodies));
        }
    }

    private static String response(JsonNode response) {
        return response.path("bestResponse").asText()
                + (response.hasNonNull("firstResponseDate")
                        ? " from day " + response.path("timeToResponseDays").asText() : "")
                + (response.hasNonNull("completeResponseDate")
                        ? ", CR " + response.path("completeResponseDate").asText() : "")
                + (response.hasNonNull("censoredAt") ? ", censored " + response.path("censoredAt").asText() : "");
    }

    private static String carT(JsonNode kinetics) {
        return kinetics.hasNonNull("cmax")
                ? "Cmax " + plain(kinetics.path("cmax")) + " day " + kinetics.path("tmaxDay").asText()
                : "no expansion";
    }

    private static String bCells(JsonNode bCells) {
        if (bCells.path("aplasiaSustained").asBoolean()) {
            return "aplasia sustained";
        }
        return bCells.hasNonNull("recoveredOnDay") ? "recovered day " + bCells.path("recoveredOnDay").asText()
                : "no aplasia";
    }

    private static String autoantibodies(JsonNode antibodies) {
        if (!antibodies.path("anyPositiveAtBaseline").asBoolean()) {
            return "negative at baseline";
        }
        return antibodies.path("allNegativeAfterInfusion").asBoolean()
                ? "all negative since " + antibodies.path("allNegativeSince").asText()
                : "still positive";
    }
}
