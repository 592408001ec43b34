package org.celltrial.safety;

import static io.restassured.RestAssured.given;
import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import ca.uhn.fhir.context.FhirContext;

import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.Tokens;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The exports stream page by page (the test profile's page size is {@value SafetyTestProfile#EXPORT_PAGE_SIZE}):
 * nine adverse events of three subjects at a site of their own come back exactly once each, in export order
 * (subject, onset, id), with a subject's events split across pages and a last page that is exactly full.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class ExportStreamingTest {

    private static final String STUDY = "CT-ITP-CD19-01";
    private static final String PROBLEM = "application/problem+json";

    /** A reported event as stored: what the export must show of it, and where it sorts. */
    private record Stored(String id, String subjectId, String onset, String term) {
    }

    private String site;
    private String dataManager;
    private final List<Stored> stored = new ArrayList<>();

    @BeforeEach
    void nineEventsOfThreeSubjects() {
        EnrollmentStub.reset();
        dataManager = Tokens.of("data-manager");
        site = "EXP-" + UUID.randomUUID().toString().substring(0, 8);
        // Reported out of export order: subjects 3, 1, 2, onsets unsorted, and two events of subject 2 on one day
        // (their ids decide). Subject 1 fills page 1; subject 2's four events run over into page 3.
        report(3, "2025-03-09", "2025-03-02");
        report(1, "2025-03-05", "2025-03-02", "2025-03-03");
        report(2, "2025-03-04", "2025-03-04", "2025-03-20", "2025-03-01");
        stored.sort(Comparator.comparing(Stored::subjectId).thenComparing(Stored::onset).thenComparing(Stored::id));
    }

    @Test
    void theCsvHasEveryEventOnceInExportOrderAcrossPages() throws IOException {
        String csv = as("sponsor-user").accept("text/csv")
                .get("/api/v1/safety/export/sdtm-ae?siteCode=" + site)
                .then().statusCode(200)
                .header("Content-Type", equalTo("text/csv;charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"ae.csv\""))
                .extract().asString();
        List<Map<String, String>> rows = parseCsv(csv);

        assertEquals(stored.size(), rows.size(), csv);
        for (int i = 0; i < rows.size(); i++) {
            Stored expected = stored.get(i);
            Map<String, String> row = rows.get(i);
            assertEquals(STUDY + "-" + expected.subjectId(), row.get("USUBJID"), "row " + i);
            assertEquals(expected.term(), row.get("AETERM"), "row " + i);
            assertEquals(expected.onset(), row.get("AESTDTC"), "row " + i);
        }
        assertEquals(List.of("1", "2", "3", "1", "2", "3", "4", "1", "2"),
                rows.stream().map(row -> row.get("AESEQ")).toList(), "AESEQ counts on across pages");
        assertEquals(1, csv.split("STUDYID,DOMAIN", -1).length - 1, "one header row");
    }

    @Test
    void theFhirBundleHasEveryEventOnceInExportOrderAcrossPages() {
        String json = as("sponsor-user").accept("application/fhir+json")
                .get("/api/v1/safety/export/fhir?siteCode=" + site)
                .then().statusCode(200)
                .header("Content-Type", startsWith("application/fhir+json"))
                .header("Content-Disposition", startsWith("attachment;"))
                .extract().asString();
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);

        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        assertFalse(bundle.getTimestampElement().isEmpty(), "the Bundle says when it was assembled");
        assertEquals(stored.stream().map(Stored::id).toList(), bundle.getEntry().stream()
                .map(entry -> ((AdverseEvent) entry.getResource()).getIdentifier().getValue()).toList());
        assertEquals(stored.stream().map(Stored::term).toList(), bundle.getEntry().stream()
                .map(entry -> ((AdverseEvent) entry.getResource()).getEvent().getText()).toList());
    }

    @Test
    void aCutOffAndAnEmptySelectionStreamToo() throws IOException {
        // Up to 2025-03-04: subject 1's two events of 2 and 3 March, subject 2's of 1 and 4 (twice) March, and
        // subject 3's of 2 March; 6 events, two full pages and an empty third.
        String csv = as("sponsor-user").get("/api/v1/safety/export/sdtm-ae?asOf=2025-03-04&siteCode=" + site)
                .then().statusCode(200).extract().asString();
        assertEquals(stored.stream().filter(event -> event.onset().compareTo("2025-03-04") <= 0).map(Stored::term)
                .toList(), parseCsv(csv).stream().map(row -> row.get("AETERM")).toList());

        String empty = as("sponsor-user").get("/api/v1/safety/export/sdtm-ae?siteCode=NO-SUCH-SITE")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(), parseCsv(empty));
        assertEquals(1, empty.split("\r\n").length, "the header alone");
        String emptyBundle = as("sponsor-user").get("/api/v1/safety/export/fhir?siteCode=NO-SUCH-SITE")
                .then().statusCode(200).extract().asString();
        assertEquals(0, FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, emptyBundle)
                .getEntry().size());
    }

    @Test
    void refusalsAreProblemsBeforeAnyByteOfTheStream() {
        for (String export : List.of("sdtm-ae", "fhir")) {
            as("sponsor-user").get("/api/v1/safety/export/" + export + "?asOf=yesterday")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("asOf"));
            as("inv-site01").get("/api/v1/safety/export/" + export)
                    .then().statusCode(403).contentType(PROBLEM);
        }
    }

    private void report(int subject, String... onsets) {
        UUID patient = UUID.randomUUID();
        String subjectId = site + "-00" + subject;
        EnrollmentStub.reference(patient, """
                {"id":"%s","subjectId":"%s","siteCode":"%s","birthDate":"2001-02-03","day0":"2025-03-01",
                 "therapies":[]}
                """.formatted(patient, subjectId, site));
        for (String onset : onsets) {
            String term = "Export event " + (stored.size() + 1);
            Map<String, Object> event = new HashMap<>(Map.of("ctcaeTerm", term, "meddraCode", "10014625",
                    "onset", onset, "grade", 1, "serious", false, "seriousnessCriteria", List.of(),
                    "treatments", List.of()));
            String id = given().auth().oauth2(dataManager).contentType("application/json").body(event)
                    .post("/api/v1/safety/patients/" + patient + "/adverse-events")
                    .then().statusCode(201).extract().path("id");
            stored.add(new Stored(id, subjectId, onset, term));
        }
    }

    private static List<Map<String, String>> parseCsv(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
