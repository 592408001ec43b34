package org.celltrial.common.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.celltrial.testing.DatabaseRoles;
import org.celltrial.testing.PostgresServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The audit trail that cannot be rewritten (common's migrations V1_0, V1_5, V1_7 and V1_8; docs/architecture.md, Audit
 * trail),
 * on a real PostgreSQL: what the runtime role may and may not do, the hash chain under concurrent writers, and the
 * verifier naming the first row changed behind the triggers' back.
 */
class AuditLogDatabaseTest {

    private static final String DATABASE = "audit_log_test";

    private final PostgresServer server = PostgresServer.get();
    private DatabaseRoles roles;

    @BeforeEach
    void freshDatabase() {
        roles = server.recreateServiceDatabase(DATABASE);
    }

    @Test
    void theRuntimeRoleAppendsRowsThatChainInOrder() throws SQLException {
        migrate(null);
        List<UUID> ids = List.of(insertAsRuntimeRole(), insertAsRuntimeRole(), insertAsRuntimeRole());

        try (Connection db = runtime(); ResultSet rows = db.createStatement().executeQuery(
                "SELECT chain_seq, id, prev_hash, row_hash FROM audit_log ORDER BY chain_seq")) {
            byte[] previous = null;
            for (int i = 0; i < ids.size(); i++) {
                assertTrue(rows.next());
                assertEquals(i + 1, rows.getLong("chain_seq"));
                assertEquals(ids.get(i), rows.getObject("id"));
                assertArrayEquals(previous, rows.getBytes("prev_hash"));
                previous = rows.getBytes("row_hash");
                assertEquals(32, previous.length, "SHA-256");
            }
            assertFalse(rows.next());
        }
        assertVerified(3);
    }

    @Test
    void aSuppliedSeqOrHashIsReplaced() throws SQLException {
        migrate(null);
        insertAsRuntimeRole();
        try (Connection db = runtime(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO audit_log (id, occurred_at, actor, action, entity_type, entity_id, chain_seq, prev_hash,"
                    + " row_hash, inserted_by_xact, insert_order)"
                    + " VALUES (gen_random_uuid(), now(), 'u', 'CREATE', 'x', '1', 99, '\\x00', '\\x00', '3', -1)");
        }
        assertEquals("2", scalar("SELECT max(chain_seq) FROM audit_log"));
        assertEquals("0", scalar("SELECT count(*) FROM audit_log WHERE inserted_by_xact = '3' OR insert_order < 0"),
                "a writer cannot name another transaction's rows as its own nor put its rows first");
        assertVerified(2);
    }

    /**
     * A transaction's rows take their places at commit in the order they were inserted, those under a savepoint
     * included and those rolled back to one left out, and the head is written once for all of them (V1_8): it ends
     * at the last row.
     */
    @Test
    void aTransactionsRowsChainInInsertionOrderAtCommit() throws SQLException {
        migrate(null);
        UUID before = insertAsRuntimeRole();
        List<UUID> inserted = new ArrayList<>();
        try (Connection db = runtime(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            inserted.add(insert(db, UUID.randomUUID(), Instant.now().plusSeconds(60)));
            sql.execute("SAVEPOINT kept");
            inserted.add(insert(db, UUID.randomUUID(), Instant.now().minusSeconds(60)));
            sql.execute("RELEASE SAVEPOINT kept");
            sql.execute("SAVEPOINT undone");
            UUID rolledBack = insert(db);
            sql.execute("ROLLBACK TO SAVEPOINT undone");
            inserted.add(insert(db));
            assertEquals("0", scalarOn(db, "SELECT count(*) FROM audit_log WHERE id = '" + rolledBack + "'"));
            db.commit();
        }
        assertEquals(before.toString(), scalar("SELECT id FROM audit_log WHERE chain_seq = 1"));
        for (int i = 0; i < inserted.size(); i++) {
            assertEquals(String.valueOf(i + 2), chainSeqOf(inserted.get(i)));
        }
        assertEquals("4", scalar("SELECT last_seq FROM audit_log_head"));
        assertEquals(scalar("SELECT encode(row_hash, 'hex') FROM audit_log WHERE id = '" + inserted.get(2) + "'"),
                scalar("SELECT encode(last_hash, 'hex') FROM audit_log_head"));
        assertVerified(4);
    }

    /** Deferred constraints checked before the commit chain the rows so far; rows inserted after that, at commit. */
    @Test
    void rowsInsertedAfterTheChainWasCheckedChainAtCommit() throws SQLException {
        migrate(null);
        List<UUID> inserted = new ArrayList<>();
        try (Connection db = runtime(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            inserted.add(insert(db));
            inserted.add(insert(db));
            sql.execute("SET CONSTRAINTS ALL IMMEDIATE");
            assertEquals("2", scalarOn(db, "SELECT max(chain_seq) FROM audit_log"));
            sql.execute("SET CONSTRAINTS ALL DEFERRED");
            inserted.add(insert(db));
            assertEquals("1", scalarOn(db, "SELECT count(*) FROM audit_log WHERE chain_seq IS NULL"));
            db.commit();
        }
        for (int i = 0; i < inserted.size(); i++) {
            assertEquals(String.valueOf(i + 1), chainSeqOf(inserted.get(i)));
        }
        assertVerified(3);
    }

    /**
     * A commit finds its rows by the primary key and audit_log_awaiting_chain, never by the index on chain_seq (V1_9):
     * each chained row leaves a dead NULL entry in an index on chain_seq until VACUUM, and V1_8's commit, which the
     * planner sent there once statistics had seen every row chained, stepped over all of them once a row. The unique
     * index holds set places only, and still refuses a second row at one.
     */
    @Test
    void aCommitFindsItsRowsWithoutTheIndexOnChainSeq() throws SQLException {
        migrate(null);
        insertRows(200);
        try (Connection db = owner(); Statement sql = db.createStatement()) {
            sql.execute("ANALYZE audit_log");
        }
        try (Connection db = runtime(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            for (int i = 0; i < 20; i++) {
                insert(db);
            }
            sql.execute("SET CONSTRAINTS ALL IMMEDIATE");
            assertEquals("0", indexScansOn(db, "audit_log_chain_seq_unique"));
            assertEquals("1", indexScansOn(db, "audit_log_awaiting_chain"));
            db.commit();
        }
        assertVerified(220);
        assertEquals("CREATE UNIQUE INDEX audit_log_chain_seq_unique ON public.audit_log USING btree (chain_seq) "
                + "WHERE (chain_seq IS NOT NULL)", scalar("SELECT indexdef FROM pg_indexes "
                + "WHERE indexname = 'audit_log_chain_seq_unique'"));
        SQLException refused = assertThrows(SQLException.class,
                () -> asOwnerAroundTheTrigger("UPDATE audit_log SET chain_seq = 1 WHERE chain_seq = 2"));
        assertTrue(refused.getMessage().contains("audit_log_chain_seq_unique"), refused.getMessage());
    }

    /** Index scans on the index in this transaction so far, the deferred triggers' included. */
    private static String indexScansOn(Connection db, String index) throws SQLException {
        return scalarOn(db, "SELECT pg_stat_get_xact_numscans('" + index + "'::regclass)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "UPDATE audit_log SET reason = 'rewritten'                 | permission denied for table audit_log",
        "DELETE FROM audit_log                                     | permission denied for table audit_log",
        "TRUNCATE audit_log                                        | permission denied for table audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only | must be owner of table audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_chained   | must be owner of table audit_log",
        "DROP TABLE audit_log                                      | must be owner of table audit_log",
        "UPDATE audit_log_head SET last_seq = 0                    | permission denied for table audit_log_head",
        "SET session_replication_role = replica                    | permission denied to set parameter",
    })
    void theRuntimeRoleCannotRewriteTheTrail(String statement, String refusal) throws SQLException {
        migrate(null);
        insertAsRuntimeRole();
        try (Connection db = runtime(); Statement sql = db.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains(refusal), refused.getMessage());
        }
        assertVerified(1);
    }

    @Test
    void theRuntimeRoleKeepsTheUsualRightsOnOtherTables() throws SQLException {
        migrate(null);
        try (Connection db = runtime(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO grading_state VALUES ('" + UUID.randomUUID() + "', 1, now())");
            assertEquals(1, sql.executeUpdate("UPDATE grading_state SET protocol_version = 2"));
            assertEquals(1, sql.executeUpdate("DELETE FROM grading_state"));
            SQLException refused = assertThrows(SQLException.class,
                    () -> sql.execute("SELECT * FROM flyway_schema_history"));
            assertEquals("42501", refused.getSQLState());
            SQLException cannotCreate = assertThrows(SQLException.class,
                    () -> sql.execute("CREATE TABLE public.scratch (id int)"));
            assertEquals("42501", cannotCreate.getSQLState());
        }
        // a table a later migration creates (as the owner) comes with the same rights
        try (Connection db = owner(); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE later_table (id int)");
        }
        try (Connection db = runtime(); Statement sql = db.createStatement()) {
            assertEquals(1, sql.executeUpdate("INSERT INTO later_table VALUES (1)"));
            assertEquals(1, sql.executeUpdate("DELETE FROM later_table"));
        }
    }

    @Test
    void evenTheOwnerMeetsTheTriggers() throws SQLException {
        migrate(null);
        insertAsRuntimeRole();
        try (Connection db = owner(); Statement sql = db.createStatement()) {
            for (String statement : List.of("TRUNCATE audit_log", "DELETE FROM audit_log",
                    "UPDATE audit_log SET reason = 'rewritten'")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement));
                assertEquals("P0001", refused.getSQLState(), statement);
                assertTrue(refused.getMessage().contains("audit_log is append-only"), refused.getMessage());
            }
        }
        assertVerified(1);
    }

    /**
     * The one update audit_log allows gives an unchained row its place and changes nothing else, a column added after
     * the chain (as safety's feed columns are) included; it is the chain trigger's own, and the owner's at most.
     */
    @Test
    void theOnlyUpdateAllowedGivesAnUnchainedRowItsPlace() throws SQLException {
        migrate(null);
        UUID unchained = UUID.randomUUID();
        try (Connection db = owner(); Statement sql = db.createStatement()) {
            sql.execute("ALTER TABLE audit_log ADD COLUMN added_later TEXT DEFAULT 'as written'");
            sql.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_chained");
            insert(db, unchained, Instant.now());
            sql.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_chained");
            String where = " WHERE id = '" + unchained + "'";
            for (String statement : List.of(
                    "UPDATE audit_log SET chain_seq = 1, row_hash = '\\x01', added_later = 'rewritten'" + where,
                    "UPDATE audit_log SET chain_seq = 1, row_hash = '\\x01', new_value = '{}'" + where,
                    "UPDATE audit_log SET chain_seq = 1, row_hash = '\\x01', insert_order = 0" + where,
                    "UPDATE audit_log SET chain_seq = 1" + where)) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement));
                assertTrue(refused.getMessage().contains("audit_log is append-only"), statement);
            }
            assertEquals(1, sql.executeUpdate("UPDATE audit_log SET chain_seq = 1, row_hash = '\\x01'" + where));
            SQLException again = assertThrows(SQLException.class,
                    () -> sql.execute("UPDATE audit_log SET chain_seq = 2, row_hash = '\\x02'" + where));
            assertTrue(again.getMessage().contains("audit_log is append-only"), again.getMessage());
        }
    }

    @Test
    void concurrentWritersLeaveOneUnbrokenChain() throws Exception {
        migrate(null);
        int writers = 6;
        int transactionsEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(() -> {
                    try (Connection db = runtime()) {
                        db.setAutoCommit(false);
                        for (int t = 0; t < transactionsEach; t++) {
                            insert(db); // two rows per transaction, as a write and its derived event would
                            insert(db);
                            db.commit();
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        int rows = writers * transactionsEach * 2;
        assertVerified(rows);
        assertEquals(String.valueOf(rows - 1), scalar("SELECT count(DISTINCT prev_hash) FROM audit_log"),
                "every row but the first follows a different row");
        assertEquals(String.valueOf(rows), scalar("SELECT max(chain_seq) FROM audit_log"));
    }

    /**
     * A writer whose transaction is still open (a write regrading its patient) holds up no other writer: the chain's
     * head is taken at commit (V1_7), not at the audit row's INSERT as before, when the second writer below waited
     * for the first to end and its lock timeout failed it. Rows take their places in commit order.
     */
    @Test
    void anOpenTransactionHoldsUpNoOtherWriterAndRowsChainInCommitOrder() throws SQLException {
        migrate(null);
        try (Connection first = runtime(); Connection second = runtime()) {
            first.setAutoCommit(false);
            UUID earlierInsert = insert(first);
            assertNull(scalarOn(first, "SELECT chain_seq::text FROM audit_log WHERE id = '" + earlierInsert + "'"),
                    "no place in the chain before commit");

            second.setAutoCommit(false);
            second.createStatement().execute("SET LOCAL lock_timeout = '2s'");
            UUID laterInsert = insert(second);
            second.commit();
            first.commit();

            assertEquals("1", scalar("SELECT chain_seq FROM audit_log WHERE id = '" + laterInsert + "'"));
            assertEquals("2", scalar("SELECT chain_seq FROM audit_log WHERE id = '" + earlierInsert + "'"));
        }
        assertVerified(2);
    }

    @Test
    void anUnchainedRowIsNamed() throws SQLException {
        migrate(null);
        insertRows(2);
        UUID unchained = UUID.randomUUID();
        try (Connection db = owner(); Statement sql = db.createStatement()) {
            sql.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_chained");
            insert(db, unchained, Instant.now());
            sql.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_chained");
        }
        insertAsRuntimeRole(); // a later commit chains its own rows only: the row left out stays out
        try (Connection db = runtime(); ResultSet result = db.createStatement().executeQuery(
                "SELECT * FROM audit_log_verify()")) {
            assertTrue(result.next());
            assertFalse(result.getBoolean("verified"));
            assertEquals(3, result.getLong("rows_checked"));
            assertEquals(unchained, result.getObject("broken_id"));
            assertTrue(result.getString("problem").contains("has no place in the chain"), result.getString("problem"));
        }
    }

    @Test
    void aRowChangedByTheOwnerIsNamed() throws SQLException {
        migrate(null);
        List<UUID> ids = insertRows(5);
        asOwnerAroundTheTrigger("UPDATE audit_log SET reason = 'quietly rewritten' WHERE chain_seq = 3");
        assertBroken(2, 3, ids.get(2), "the content does not match row_hash");
    }

    @Test
    void aRowChangedWithItsHashRecomputedBreaksTheLinkToTheNext() throws SQLException {
        migrate(null);
        List<UUID> ids = insertRows(5);
        asOwnerAroundTheTrigger("UPDATE audit_log SET actor = 'someone else' WHERE chain_seq = 3",
                "UPDATE audit_log SET row_hash = audit_log_row_hash(audit_log) WHERE chain_seq = 3");
        assertBroken(3, 4, ids.get(3), "prev_hash is not the row_hash of chain_seq 3");
    }

    @Test
    void aRemovedRowIsNamedByTheOneAfterIt() throws SQLException {
        migrate(null);
        List<UUID> ids = insertRows(5);
        asOwnerAroundTheTrigger("DELETE FROM audit_log WHERE chain_seq = 2");
        assertBroken(1, 3, ids.get(2), "chain_seq 3 follows chain_seq 1");
    }

    @Test
    void removedLastRowsShowAgainstTheHead() throws SQLException {
        migrate(null);
        insertRows(5);
        asOwnerAroundTheTrigger("DELETE FROM audit_log WHERE chain_seq >= 4");
        assertBroken(3, 5, null, "the chain ends at chain_seq 3 but its head records 5");
    }

    @Test
    void rowsWrittenBeforeTheChainAreChainedInTheOrderTheyOccurred() throws SQLException {
        migrate("1.4");
        Instant start = Instant.parse("2025-06-01T08:00:00Z");
        UUID later = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        try (Connection db = owner()) {
            insert(db, later, start.plusSeconds(60));
            insert(db, earlier, start);
        }
        migrate(null);
        assertEquals(earlier.toString(), scalar("SELECT id FROM audit_log WHERE chain_seq = 1"));
        assertEquals(later.toString(), scalar("SELECT id FROM audit_log WHERE chain_seq = 2"));
        insertAsRuntimeRole();
        assertVerified(3);
    }

    @Test
    void migratingAsTheRuntimeRoleItselfIsRefused() {
        FlywayException refused = assertThrows(FlywayException.class, () -> Flyway.configure()
                .dataSource(server.jdbcUrl(DATABASE), roles.owner(), roles.ownerPassword())
                .locations("classpath:db/common")
                .placeholders(Map.of("runtime_role", roles.owner()))
                .load().migrate());
        assertTrue(refused.getMessage().contains("migrate as the schema owner"), refused.getMessage());
    }

    private void migrate(String target) {
        var config = Flyway.configure()
                .dataSource(server.jdbcUrl(DATABASE), roles.owner(), roles.ownerPassword())
                .locations("classpath:db/common")
                .placeholders(Map.of("runtime_role", roles.runtimeRole()));
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private Connection runtime() throws SQLException {
        return server.connect(DATABASE, roles.runtimeRole(), roles.runtimePassword());
    }

    private Connection owner() throws SQLException {
        return server.connect(DATABASE, roles.owner(), roles.ownerPassword());
    }

    private UUID insertAsRuntimeRole() throws SQLException {
        try (Connection db = runtime()) {
            return insert(db);
        }
    }

    private List<UUID> insertRows(int count) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(insertAsRuntimeRole());
        }
        return ids;
    }

    private static UUID insert(Connection db) throws SQLException {
        return insert(db, UUID.randomUUID(), Instant.now());
    }

    private static UUID insert(Connection db, UUID id, Instant at) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO audit_log (id, occurred_at, actor, action, entity_type, entity_id, new_value, reason,
                    request_id)
                VALUES (?, ?, 'inv-site01', 'CREATE', 'vitals', ?, ?::jsonb, null, 'req-1')""")) {
            insert.setObject(1, id);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, id.toString());
            insert.setString(4, "{\"temperatureC\": 38.5, \"note\": \"fever\"}");
            insert.executeUpdate();
        }
        return id;
    }

    /** As the owner would, or anyone who took its password: with the append-only trigger switched off. */
    private void asOwnerAroundTheTrigger(String... statements) throws SQLException {
        try (Connection db = owner(); Statement sql = db.createStatement()) {
            sql.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
            for (String statement : statements) {
                sql.execute(statement);
            }
            sql.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
        }
    }

    private void assertVerified(long rows) throws SQLException {
        try (Connection db = runtime(); ResultSet result = db.createStatement().executeQuery(
                "SELECT * FROM audit_log_verify()")) {
            assertTrue(result.next());
            assertTrue(result.getBoolean("verified"), "broken at seq " + result.getObject("broken_chain_seq") + ": "
                    + result.getString("problem"));
            assertEquals(rows, result.getLong("rows_checked"));
            assertNull(result.getObject("broken_chain_seq"));
            assertFalse(result.next());
        }
    }

    private void assertBroken(long rowsChecked, long brokenSeq, UUID brokenId, String problem) throws SQLException {
        try (Connection db = runtime(); ResultSet result = db.createStatement().executeQuery(
                "SELECT * FROM audit_log_verify()")) {
            assertTrue(result.next());
            assertFalse(result.getBoolean("verified"));
            assertEquals(rowsChecked, result.getLong("rows_checked"));
            assertEquals(brokenSeq, result.getLong("broken_chain_seq"));
            assertEquals(brokenId, result.getObject("broken_id"));
            assertTrue(result.getString("problem").startsWith(problem), result.getString("problem"));
        }
    }

    private String chainSeqOf(UUID id) throws SQLException {
        return scalar("SELECT chain_seq FROM audit_log WHERE id = '" + id + "'");
    }

    private String scalar(String sql) throws SQLException {
        try (Connection db = runtime()) {
            return scalarOn(db, sql);
        }
    }

    private static String scalarOn(Connection db, String sql) throws SQLException {
        try (ResultSet result = db.createStatement().executeQuery(sql)) {
            assertTrue(result.next());
            return result.getString(1);
        }
    }
}
