package org.celltrial.efficacy.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.efficacy.response.ResponseStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The summary rows kept per cut-off ({@code response_snapshot}, V2_1__response_snapshots.sql). Rows are kept for the
 * {@value #KEPT_CUT_OFFS} cut-offs most recently computed; an older cut-off's rows are dropped and computed again when
 * asked for.
 */
@ApplicationScoped
@WithSession
public class ResponseSnapshotRepository {

    static final int KEPT_CUT_OFFS = 8;

    private static final String COLUMNS = "patient_id, revision, reference_revision, inputs, subject_id, site_code, best_response,"
            + " time_to_response_days, censored_at, b_cell_aplasia_sustained, gp_autoantibody_positive_at_baseline,"
            + " gp_autoantibody_all_negative_after, rescue_free_at_cut_off";

    /** A kept row's columns after its patient's, as {@link #patientsAt} reads them (table {@code s}). */
    private static final String KEPT_COLUMNS = "s.revision, s.reference_revision, s.inputs, s.subject_id, s.site_code,"
            + " s.best_response, s.time_to_response_days, s.censored_at, s.b_cell_aplasia_sustained,"
            + " s.gp_autoantibody_positive_at_baseline, s.gp_autoantibody_all_negative_after, s.rescue_free_at_cut_off";

    /** One writer of snapshots at a time: the cut-offs' pruning and upserts then never wait on each other in a cycle. */
    private static final String ONE_WRITER = "SELECT 1 FROM pg_advisory_xact_lock(hashtext('celltrial.response_snapshot'))";

    private static final String PRUNE = "DELETE FROM response_cut_off WHERE cut_off_key <> :key AND cut_off_key NOT IN"
            + " (SELECT cut_off_key FROM response_cut_off WHERE cut_off_key <> :key ORDER BY used_at DESC LIMIT :others)";

    private static final String USE = "INSERT INTO response_cut_off (cut_off_key, used_at) VALUES (:key, now())"
            + " ON CONFLICT (cut_off_key) DO UPDATE SET used_at = excluded.used_at";

    private static final String UPSERT = "INSERT INTO response_snapshot (cut_off_key, " + COLUMNS + ")"
            + " SELECT :key, " + COLUMNS + " FROM jsonb_to_recordset(cast(cast(:rows AS text) AS jsonb)) AS r(patient_id uuid,"
            + " revision bigint, reference_revision bigint, inputs text, subject_id text, site_code text, best_response text,"
            + " time_to_response_days int, censored_at date, b_cell_aplasia_sustained boolean,"
            + " gp_autoantibody_positive_at_baseline boolean, gp_autoantibody_all_negative_after boolean,"
            + " rescue_free_at_cut_off boolean) ORDER BY patient_id"
            + " ON CONFLICT (cut_off_key, patient_id) DO UPDATE SET revision = excluded.revision,"
            + " reference_revision = excluded.reference_revision, inputs = excluded.inputs, subject_id = excluded.subject_id, site_code = excluded.site_code,"
            + " best_response = excluded.best_response, time_to_response_days = excluded.time_to_response_days,"
            + " censored_at = excluded.censored_at, b_cell_aplasia_sustained = excluded.b_cell_aplasia_sustained,"
            + " gp_autoantibody_positive_at_baseline = excluded.gp_autoantibody_positive_at_baseline,"
            + " gp_autoantibody_all_negative_after = excluded.gp_autoantibody_all_negative_after,"
            + " rescue_free_at_cut_off = excluded.rescue_free_at_cut_off";

    @Inject
    ObjectMapper json;

    // The rows go as one text parameter, cast to jsonb in SQL: bound as jsonb, the client would send the Java string
    // as a JSON string, not as the array it holds.

    /**
     * Up to {@code limit} patients with efficacy data that is not voided, after {@code after} (from the first when
     * null) by patient ID, at these sites (every site when null), each with its protocol version and its row kept at
     * this cut-off: one query a page, and a summary reads a page at a time, so what it holds does not grow with the
     * study (docs/performance.md, runs 35 and 36). One query, not three (the patients, their versions and their kept
     * rows, each an {@code any} over the page's IDs: 20 to 40 ms of PostgreSQL a page on a table whose statistics were
     * older than its rows; docs/performance.md, run 23). {@code grading_state} is common's ({@code PatientProtocols}),
     * in this service's database.
     */
    public Uni<List<SummaryPatient>> patientsAt(String cutOffKey, Collection<String> sites, UUID after, int limit) {
        // Each patient's version and kept row looked up by index, a page's worth: joined, PostgreSQL merged every
        // version and sorted every kept row of the cut-off before the page's cursor, again for each page (25 ms a page
        // of 500 over 10 000 patients, against 5; OFFSET 0 keeps the lookup from being planned as a join).
        String query = "SELECT e.patient_id, e.site_code, e.revision,"
                + " (SELECT g.protocol_version FROM grading_state g WHERE g.patient_id = e.patient_id), "
                + KEPT_COLUMNS + " FROM efficacy_patient e LEFT JOIN LATERAL (SELECT * FROM response_snapshot k"
                + " WHERE k.cut_off_key = :key AND k.patient_id = e.patient_id OFFSET 0) s ON true"
                + " WHERE e.live_records > 0" + (sites == null ? "" : " AND e.site_code IN (:sites)")
                + (after == null ? "" : " AND e.patient_id > :after") + " ORDER BY e.patient_id LIMIT :limit";
        return Panache.getSession().flatMap(session -> {
            var selection = session.createNativeQuery(query, Object[].class)
                    .setParameter("key", cutOffKey)
                    .setParameter("limit", limit);
            if (sites != null) {
                selection.setParameter("sites", List.copyOf(sites));
            }
            if (after != null) {
                selection.setParameter("after", after);
            }
            return selection.getResultList();
        }).map(rows -> rows.stream().map(row -> new SummaryPatient((UUID) row[0], (String) row[1],
                ((Number) row[2]).longValue(), row[3] == null ? null : ((Number) row[3]).intValue(),
                row[4] == null ? null : snapshot((UUID) row[0], row, 4))).toList());
    }

    /**
     * Keeps these rows at this cut-off, replacing any kept before, in one statement; marks the cut-off as just used
     * and drops the rows of all but the {@value #KEPT_CUT_OFFS} cut-offs last used. Runs in the caller's transaction.
     */
    public Uni<Void> store(String cutOffKey, List<ResponseSnapshot> snapshots) {
        String rows = rowsJson(snapshots);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(ONE_WRITER, Integer.class)
                .getSingleResult()
                .chain(() -> session.createNativeQuery(PRUNE).setParameter("key", cutOffKey)
                        .setParameter("others", KEPT_CUT_OFFS - 1).executeUpdate())
                .chain(() -> session.createNativeQuery(USE).setParameter("key", cutOffKey).executeUpdate())
                .chain(() -> session.createNativeQuery(UPSERT).setParameter("key", cutOffKey)
                        .setParameter("rows", rows).executeUpdate()))
                .replaceWithVoid();
    }

    private String rowsJson(List<ResponseSnapshot> snapshots) {
        List<Map<String, Object>> rows = snapshots.stream().map(snapshot -> {
            EfficacySummary.PatientRow row = snapshot.row();
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("patient_id", snapshot.patientId().toString());
            columns.put("revision", snapshot.revision());
            columns.put("reference_revision", snapshot.referenceRevision());
            columns.put("inputs", snapshot.inputs());
            columns.put("subject_id", row.subjectId());
            columns.put("site_code", row.siteCode());
            columns.put("best_response", row.bestResponse().name());
            columns.put("time_to_response_days", row.timeToResponseDays());
            columns.put("censored_at", row.censoredAt() == null ? null : row.censoredAt().toString());
            columns.put("b_cell_aplasia_sustained", row.bCellAplasiaSustained());
            columns.put("gp_autoantibody_positive_at_baseline", row.gpAutoantibodyPositiveAtBaseline());
            columns.put("gp_autoantibody_all_negative_after", row.gpAutoantibodyAllNegativeAfter());
            columns.put("rescue_free_at_cut_off", row.rescueFreeAtCutOff());
            return columns;
        }).toList();
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary rows do not serialise", e);
        }
    }

    /** The kept row in these columns ({@link #KEPT_COLUMNS}) from {@code at} on. */
    private static ResponseSnapshot snapshot(UUID patientId, Object[] row, int at) {
        return new ResponseSnapshot(patientId, ((Number) row[at]).longValue(),
                row[at + 1] == null ? null : ((Number) row[at + 1]).longValue(), ((String) row[at + 2]).trim(),
                new EfficacySummary.PatientRow((String) row[at + 3], (String) row[at + 4],
                        ResponseStatus.valueOf((String) row[at + 5]),
                        row[at + 6] == null ? null : ((Number) row[at + 6]).intValue(), (LocalDate) row[at + 7],
                        (Boolean) row[at + 8], (Boolean) row[at + 9], (Boolean) row[at + 10], (Boolean) row[at + 11]));
    }
}
