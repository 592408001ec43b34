package org.celltrial.efficacy.report;

import static io.restassured.RestAssured.given;
import static org.celltrial.efficacy.report.SummaryPatients.subject;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.efficacy.EfficacyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The study summary reads a page of patients in a fixed number of SQL statements (one per kind of data for all of
 * them, not one per patient; the tests' pages hold 2), and each of its rows says what the patient's own endpoints say. The statements are
 * counted where Hibernate Reactive logs each one it sends ({@code org.hibernate.SQL}, at DEBUG), only while the
 * summary is read.
 */
@QuarkusTest
@TestProfile(EfficacyTestProfile.class)
class EfficacySummaryReadsTest {

    private static final String BASE = "/api/v1/efficacy/patients/";

    /** Amendment 2 asks 50×10⁹/L for a response, where the reference protocol (version 1) asks 30. */
    private static final String STRICTER_RESPONSE = EnrollmentStub.DEFAULT_EFFICACY_RESPONSE
            .replace("\"responsePer1e9L\":30", "\"responsePer1e9L\":50");

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private String investigator;
    private String dataManager;

    @BeforeEach
    void onlyThisTestsPatients() {
        // Patients of earlier tests stay in the database, but enrollment no longer answers for them: out of scope.
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        investigator = Tokens.of("inv-site01");
        dataManager = Tokens.of("data-manager");
    }

    @Test
    void theSummaryReadsAPageInAFixedNumberOfStatementsAndAgreesWithEachPatientsOwnReads() {
        List<UUID> patients = new ArrayList<>(List.of(responder(), completeResponder(), nonResponder()));
        assertStatementsAPage(summaryStatements(), patients);

        List<UUID> more = List.of(voidedConfirmation(), regradedUnderAmendment(), onlyBCells(), responder(),
                completeResponder());
        patients.addAll(more);
        // the first three's kept rows hold: only the pages of the five new patients compute rows
        assertStatementsAPage(summaryStatements(), more);

        for (String asOf : List.of("2025-03-10", "2025-06-15")) {
            JsonPath summary = given().auth().oauth2(dataManager)
                    .get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=" + asOf)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(patients.size(), summary.getInt("patientsEvaluated"));
            for (UUID patient : patients) {
                Map<String, Object> row = summary.getMap("patients.find { it.subjectId == '" + subject(patient)
                        + "' }");
                assertEquals(ownReads(patient, asOf), figures(row), subject(patient) + " at " + asOf);
            }
        }
        // The values behind the comparison, so that it cannot pass on rows that are all null.
        Map<String, Object> responder = ownReads(patients.get(0), "2025-06-15");
        assertEquals("R", responder.get("bestResponse"));
        assertEquals(22, responder.get("timeToResponseDays"));
        assertEquals(true, responder.get("bCellAplasiaSustained"));
        assertEquals(true, responder.get("gpAutoantibodyAllNegativeAfter"));
        assertEquals(true, responder.get("rescueFreeAtCutOff"));
        assertEquals("CR", ownReads(patients.get(1), "2025-06-15").get("bestResponse"));
        assertEquals(false, ownReads(patients.get(1), "2025-06-15").get("bCellAplasiaSustained"));
        assertEquals(false, ownReads(patients.get(0), "2025-03-10").get("rescueFreeAtCutOff"));
        assertEquals("NR", ownReads(patients.get(3), "2025-06-15").get("bestResponse"));
        // R under version 1 (40 ≥ 30), NR under the amendment it was regraded under (40 < 50).
        assertEquals("NR", ownReads(patients.get(4), "2025-06-15").get("bestResponse"));
        assertEquals(null, ownReads(patients.get(5), "2025-06-15").get("gpAutoantibodyPositiveAtBaseline"));
    }

    @Test
    void anUnchangedStudysSummaryIsOneStatementAPage() {
        UUID patient = responder();
        summaryStatements();   // computes the patient's row at this cut-off and keeps it
        // Besides whether a data lock covers the cut-off (docs/data-review.md): a page of patients, their protocol
        // versions and their kept rows in one query a page; nothing computed, nothing kept.
        List<String> again = summaryStatements().stream().filter(sql -> !sql.contains("data_lock")).toList();
        assertEquals(pageQueries(summaryPages()), again.size(), "an unchanged study's summary: " + again);
        assertTrue(again.stream().allMatch(sql -> sql.contains("response_snapshot") && sql.contains("grading_state")),
                again.toString());
        assertEquals(List.of(subject(patient)), given().auth().oauth2(dataManager)
                .get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=2025-06-15")
                .then().statusCode(200).extract().jsonPath().getList("patients.subjectId"));
    }

    /** Added up a page of 2 at a time, without the rows: the whole summary's figures, every one of them. */
    @Test
    void theFiguresAloneAreTheWholeSummarysFiguresAndAFlagThatIsNeitherTrueNorFalseIs400() {
        List<UUID> patients = List.of(responder(), completeResponder(), nonResponder(), onlyBCells());
        JsonPath figures = given().auth().oauth2(dataManager)
                .get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=2025-06-15&patients=false")
                .then().statusCode(200).extract().jsonPath();
        JsonPath whole = given().auth().oauth2(dataManager)
                .get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=2025-06-15&patients=true")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(patients.stream().map(SummaryPatients::subject).sorted().toList(),
                whole.getList("patients.subjectId"));
        Map<String, Object> wholeFigures = new HashMap<>(whole.getMap(""));
        wholeFigures.remove("patients");
        assertEquals(wholeFigures, figures.getMap(""));
        // the values behind the comparison: R and CR each from day 22; no platelet count at all is not evaluable (NE)
        assertEquals(4, figures.getInt("patientsEvaluated"));
        assertEquals(Map.of("CR", 1, "R", 1, "NR", 1, "NE", 1), figures.getMap("byBestResponse"));
        assertEquals(2, figures.getInt("orr.patients"));
        assertEquals(50.0f, figures.getFloat("orr.percent"));
        assertEquals("22.0", figures.getString("medianTimeToResponseDays"));   // the mean of two, to one decimal
        assertEquals(4, figures.getInt("rescueFreeAtCutOff"));   // IVIG from 2025-03-01 is long over by then
        given().auth().oauth2(dataManager)
                .get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=2025-06-15&patients=no")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("patients"));
    }

    /**
     * A summary's statements, besides the data lock's: one query a page of patients read (a last page that is full is
     * followed by one that reads none), and every other statement (the measurements of the patients whose rows are
     * computed, and keeping those rows) once for each page that holds one of them, whatever how many it holds.
     */
    private static void assertStatementsAPage(List<String> statements, List<UUID> computed) {
        List<List<UUID>> pages = summaryPages();
        long pagesComputed = pages.stream().filter(page -> page.stream().anyMatch(computed::contains)).count();
        assertTrue(pages.size() > 1, "the tests' pages are small enough for several: " + pages);
        List<String> pageReads = statements.stream().filter(sql -> sql.contains("efficacy_patient")).toList();
        assertEquals(pageQueries(pages), pageReads.size(), "pages " + pages + ": " + pageReads);
        Map<String, Long> others = statements.stream()
                .filter(sql -> !sql.contains("efficacy_patient") && !sql.contains("data_lock"))
                .collect(Collectors.groupingBy(sql -> sql, Collectors.counting()));
        assertTrue(others.keySet().stream().anyMatch(sql -> sql.contains("platelet_count")), others.toString());
        assertTrue(others.keySet().stream().anyMatch(sql -> sql.contains("response_snapshot")), others.toString());
        others.forEach((sql, times) -> assertEquals(pagesComputed, times, sql));
    }

    /** The page queries of a summary of these pages: one a page, and one more after a full last page. */
    private static int pageQueries(List<List<UUID>> pages) {
        return pages.size() + (pages.isEmpty() || pages.get(pages.size() - 1).size() == pageSize() ? 1 : 0);
    }

    private static int pageSize() {
        return ConfigProvider.getConfig().getValue("celltrial.efficacy.summary.patients-a-page", Integer.class);
    }

    /** The SITE-01 patients with efficacy data, in the pages a summary reads them in (by patient ID). */
    private static List<List<UUID>> summaryPages() {
        String ids = TestDatabase.string(EfficacyTestProfile.DATABASE, "SELECT string_agg(patient_id::text, ','"
                + " ORDER BY patient_id) FROM efficacy_patient WHERE live_records > 0 AND site_code = 'SITE-01'");
        List<UUID> all = ids == null ? List.of() : Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
        return PatientGate.pages(all, pageSize());
    }

    /** The SQL statements Hibernate sends while the summary of SITE-01 is read. */
    private List<String> summaryStatements() {
        Logger sql = Logger.getLogger("org.hibernate.SQL");
        Level level = sql.getLevel();
        boolean toParents = sql.getUseParentHandlers();
        List<String> statements = new CopyOnWriteArrayList<>();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord record) {
                statements.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        sql.setUseParentHandlers(false);
        sql.addHandler(counter);
        sql.setLevel(Level.FINE);
        try {
            given().auth().oauth2(dataManager).get("/api/v1/efficacy/summary?siteCode=SITE-01&asOf=2025-06-15")
                    .then().statusCode(200);
        } finally {
            sql.setLevel(level);
            sql.removeHandler(counter);
            sql.setUseParentHandlers(toParents);
        }
        return List.copyOf(statements);
    }

    /** A summary row's figures, without the subject and site. */
    private static Map<String, Object> figures(Map<String, Object> row) {
        assertTrue(row != null, "no row");
        Map<String, Object> figures = new HashMap<>();
        for (String figure : List.of("bestResponse", "timeToResponseDays", "censoredAt", "bCellAplasiaSustained",
                "gpAutoantibodyPositiveAtBaseline", "gpAutoantibodyAllNegativeAfter", "rescueFreeAtCutOff")) {
            figures.put(figure, row.get(figure));
        }
        return figures;
    }

    /** The same figures from the patient's own endpoints (a series with no measurement up to the cut-off: null). */
    private Map<String, Object> ownReads(UUID patient, String asOf) {
        JsonPath response = read(patient, "response", asOf);
        JsonPath bCells = read(patient, "b-cells", asOf);
        JsonPath antibodies = read(patient, "autoantibodies", asOf);
        Map<String, Object> figures = new HashMap<>();
        figures.put("bestResponse", response.get("bestResponse"));
        figures.put("timeToResponseDays", response.get("timeToResponseDays"));
        figures.put("censoredAt", response.get("censoredAt"));
        figures.put("rescueFreeAtCutOff", response.get("rescueIndependence.rescueFreeAtCutOff"));
        figures.put("bCellAplasiaSustained", measured(bCells, "summary.aplasiaSustained"));
        figures.put("gpAutoantibodyPositiveAtBaseline", measured(antibodies, "summary.anyPositiveAtBaseline"));
        figures.put("gpAutoantibodyAllNegativeAfter", measured(antibodies, "summary.allNegativeAfterInfusion"));
        return figures;
    }

    private JsonPath read(UUID patient, String what, String asOf) {
        return given().auth().oauth2(dataManager).get(BASE + patient + "/" + what + "?asOf=" + asOf)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Object measured(JsonPath series, String figure) {
        return series.getList("items").isEmpty() ? null : series.get(figure);
    }

    /** R from 2025-02-01 (confirmed 2025-02-15), sustained B-cell aplasia, antibodies negative after infusion. */
    private UUID responder() {
        UUID patient = patient();
        count(patient, "2025-01-20", 12, 1);
        count(patient, "2025-02-01", 30, 0);
        count(patient, "2025-02-15", 32, 0);
        bCells(patient, "2025-01-13", 50);
        bCells(patient, "2025-01-17", 0.5);
        bCells(patient, "2025-02-07", 0.2);
        bCells(patient, "2025-03-11", 0.1);
        antibody(patient, "2025-01-05", 0.8);
        antibody(patient, "2025-03-01", 0.1);
        antibody(patient, "2025-04-01", 0.12);
        return patient;
    }

    /** CR, B cells back after aplasia (confirmed by the next count), antibodies negative at baseline and positive after. */
    private UUID completeResponder() {
        UUID patient = patient();
        count(patient, "2025-02-01", 120, 0);
        count(patient, "2025-02-15", 130, 0);
        bCells(patient, "2025-01-17", 0.5);
        bCells(patient, "2025-03-01", 40);
        bCells(patient, "2025-03-20", 60);
        antibody(patient, "2025-01-05", 0.1);
        antibody(patient, "2025-03-01", 0.9);
        return patient;
    }

    private UUID nonResponder() {
        UUID patient = patient();
        count(patient, "2025-02-01", 10, 0);
        return patient;
    }

    /** A responder's confirming count voided: no longer a response. */
    private UUID voidedConfirmation() {
        UUID patient = patient();
        count(patient, "2025-02-01", 30, 0);
        count(patient, "2025-02-15", 32, 0);
        String confirming = given().auth().oauth2(investigator).get(BASE + patient + "/platelet-counts").then()
                .statusCode(200).extract().path("items.find { it.date == '2025-02-15' }.id");
        given().auth().oauth2(investigator).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("reason", "Value of another patient"))
                .post(BASE + patient + "/platelet-counts/" + confirming + "/void")
                .then().statusCode(204);
        return patient;
    }

    /** Graded under version 1, then regraded under amendment 2 (the protocol in force goes back to 1 after). */
    private UUID regradedUnderAmendment() {
        UUID patient = patient();
        count(patient, "2025-02-01", 40, 0);
        count(patient, "2025-02-15", 42, 0);
        EnrollmentStub.protocolInForce(2, EnrollmentStub.DEFAULT_SAFETY_GRADING, STRICTER_RESPONSE);
        given().auth().oauth2(dataManager).contentType("application/json")
                .body(Map.of("reason", "Amendment 2"))
                .post(BASE + patient + "/regrade")
                .then().statusCode(200);
        EnrollmentStub.protocolInForce(1, EnrollmentStub.DEFAULT_SAFETY_GRADING,
                EnrollmentStub.DEFAULT_EFFICACY_RESPONSE);
        return patient;
    }

    /** No platelet count, so never graded: read under the protocol in force. */
    private UUID onlyBCells() {
        UUID patient = patient();
        bCells(patient, "2025-01-17", 0.4);
        return patient;
    }

    /** A SITE-01 patient infused on 2025-01-10, baseline 8×10⁹/L, IVIG rescue from 2025-03-01. */
    private static UUID patient() {
        return SummaryPatients.infused("2025-03-01", "");
    }

    private void count(UUID patient, String date, int value, int bleeding) {
        post(patient, "platelet-counts", Map.of("date", date, "valuePer1e9L", value, "bleeding", bleeding));
    }

    private void bCells(UUID patient, String date, double cd19PerUl) {
        post(patient, "b-cells", Map.of("date", date, "cd19PerUl", cd19PerUl));
    }

    private void antibody(UUID patient, String date, double opticalDensity) {
        post(patient, "autoantibodies", Map.of("date", date, "target", "GPIIB_IIIA", "opticalDensity",
                opticalDensity, "cutoff", 0.3));
    }

    private void post(UUID patient, String collection, Map<String, Object> body) {
        given().auth().oauth2(investigator).contentType("application/json").body(body)
                .post(BASE + patient + "/" + collection).then().statusCode(201);
    }
}
