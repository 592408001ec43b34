package org.celltrial.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.celltrial.common.security.VerifiedTokens;
import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * What every CellTrial service must do, whatever its domain: health, OpenAPI, metrics, its own database
 * migrated at start, real tokens checked, and problem+json for every client mistake. Each service's
 * {@code @QuarkusTest} extends this with its API base path and database.
 */
public abstract class ServiceFoundationTest {

    static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    VerifiedTokens verifiedTokens;

    /** The service's API prefix, e.g. {@code /api/v1/enrollment}. */
    protected abstract String basePath();

    /** The test database the service runs on (see {@link PostgresTestResource}). */
    protected abstract String database();

    @Test
    void healthEndpointsAreUpAndReadinessChecksTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL connections health check")));
    }

    @Test
    void servesOpenApiWithItsOwnPaths() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("paths.keySet()", hasItem(basePath() + "/me"));
    }

    @Test
    void servesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void migratesItsOwnDatabaseAtStart() throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection db = PostgresServer.get().connect(database());
                ResultSet rows = db.createStatement().executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        assertTrue(versions.contains("1.0"), "the shared audit_log migration ran: " + versions);
        try (Connection db = PostgresServer.get().connect(database());
                ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM audit_log")) {
            assertTrue(rows.next());
        }
    }

    /** V1_4: every new session of the service's database, its own pool's included, has both timeouts. */
    @Test
    void itsDatabaseStopsLongStatementsAndIdleTransactions() {
        assertEquals("30s", TestDatabase.string(database(), "SHOW statement_timeout"));
        assertEquals("1min", TestDatabase.string(database(), "SHOW idle_in_transaction_session_timeout"));
    }

    /** docs/architecture.md, Audit trail: the service runs as a role that owns nothing and cannot rewrite audit_log. */
    @Test
    void runsAsItsRuntimeRoleWhichCannotRewriteTheAuditTrail() {
        String runtimeRole = DatabaseRoles.runtimeRoleOf(database());
        given().get("/q/health/ready").then().statusCode(200); // the pool holds a connection
        assertEquals(runtimeRole, TestDatabase.string(database(), """
                SELECT string_agg(DISTINCT usename, ',') FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()"""));
        assertEquals(0, TestDatabase.count(database(),
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> ?",
                DatabaseRoles.ownerOf(database())), "every table belongs to the owner role");
        for (String right : List.of("UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")) {
            assertEquals("f", TestDatabase.string(database(), "SELECT has_table_privilege(?, 'audit_log', ?)",
                    runtimeRole, right), right);
        }
        assertEquals("t", TestDatabase.string(database(), "SELECT has_table_privilege(?, 'audit_log', 'INSERT')",
                runtimeRole));
    }

    /** GET .../audit/verify: the admin's answer, on an intact chain and on a row changed behind the trigger's back. */
    @Test
    void anAdminVerifiesTheAuditChainAndSeesTheFirstRowChanged() throws SQLException {
        String id = UUID.randomUUID().toString();
        TestDatabase.string(database(), """
                INSERT INTO audit_log (id, occurred_at, actor, action, entity_type, entity_id)
                VALUES (?::uuid, now(), 'foundation-test', 'CREATE', 'test', '1') RETURNING id""", id);
        // chained when its transaction committed (autocommit here), not at the INSERT
        String chainSeq = TestDatabase.string(database(), "SELECT chain_seq FROM audit_log WHERE id = ?::uuid", id);
        long rows = TestDatabase.count(database(), "SELECT count(*) FROM audit_log");
        given().auth().oauth2(Tokens.of("admin-user"))
                .get(basePath() + "/audit/verify")
                .then().statusCode(200)
                .body("verified", equalTo(true))
                .body("rows", equalTo((int) rows))
                .body("firstBrokenRow", nullValue());

        changeAuditRowReason(id, "rewritten");
        try {
            given().auth().oauth2(Tokens.of("admin-user"))
                    .get(basePath() + "/audit/verify")
                    .then().statusCode(200)
                    .body("verified", equalTo(false))
                    .body("firstBrokenRow.chainSeq", equalTo(Integer.parseInt(chainSeq)))
                    .body("firstBrokenRow.id", equalTo(id))
                    .body("firstBrokenRow.problem", containsString("does not match row_hash"));
        } finally {
            changeAuditRowReason(id, null); // as it was: the other tests of this database see an intact chain
        }
        given().auth().oauth2(Tokens.of("admin-user"))
                .get(basePath() + "/audit/verify")
                .then().statusCode(200).body("verified", equalTo(true));
    }

    @Test
    void onlyAnAdminVerifiesTheAuditChain() {
        for (String user : List.of("data-manager", "safety-officer", "inv-site01", "sponsor-user")) {
            given().auth().oauth2(Tokens.of(user))
                    .get(basePath() + "/audit/verify")
                    .then().statusCode(403)
                    .contentType(PROBLEM_JSON);
        }
        given().get(basePath() + "/audit/verify").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    private void changeAuditRowReason(String id, String reason) throws SQLException {
        try (Connection db = PostgresServer.get().connect(database());
                PreparedStatement update = db.prepareStatement("UPDATE audit_log SET reason = ? WHERE id = ?::uuid")) {
            db.createStatement().execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
            update.setString(1, reason);
            update.setString(2, id);
            assertEquals(1, update.executeUpdate());
            db.createStatement().execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
        }
    }

    @Test
    void readsTheCallerFromARealToken() {
        given().auth().oauth2(Tokens.of("inv-multi"))
                .get(basePath() + "/me")
                .then().statusCode(200)
                .body("username", equalTo("inv-multi"))
                .body("roles", equalTo(List.of("investigator")))
                .body("sites", equalTo(List.of("SITE-01", "SITE-02")));
    }

    @Test
    void readsTheSponsorSystemAsASponsor() {
        given().auth().oauth2(Tokens.sponsorSystem())
                .get(basePath() + "/me")
                .then().statusCode(200)
                .body("roles", hasItem("sponsor"));
    }

    @Test
    void refusesARequestWithoutTokenAsProblem() {
        given().get(basePath() + "/me")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:celltrial:problem:unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void refusesATokenWhoseSignatureWasAltered() {
        String altered = Tokens.withAlteredSignature(Tokens.of("inv-site01"));
        given().auth().oauth2(altered)
                .get(basePath() + "/me")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:celltrial:problem:unauthorized"));
    }

    /** A token is verified on its first request only; the next ones find the identity it was verified with. */
    @Test
    void verifiesATokenOnceAndKnowsItOnTheNextRequests() {
        String token = Tokens.of("inv-multi");
        CacheStats before = verifiedTokens.stats();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token)
                    .get(basePath() + "/me")
                    .then().statusCode(200)
                    .body("username", equalTo("inv-multi"))
                    .body("roles", equalTo(List.of("investigator")))
                    .body("sites", equalTo(List.of("SITE-01", "SITE-02")));
        }
        CacheStats after = verifiedTokens.stats();
        assertEquals(1, after.missCount() - before.missCount(), "verified once");
        assertEquals(4, after.hitCount() - before.hitCount(), "known on the four requests after");
    }

    /** A kept token is known whatever the case of its scheme, as the caller it was verified as. */
    @Test
    void knowsAKeptTokenWhateverTheCaseOfItsScheme() {
        String token = Tokens.of("safety-officer");
        given().auth().oauth2(token).get(basePath() + "/me").then().statusCode(200);
        CacheStats before = verifiedTokens.stats();
        given().header("Authorization", "bearer " + token)
                .get(basePath() + "/me")
                .then().statusCode(200)
                .body("username", equalTo("safety-officer"))
                .body("roles", equalTo(List.of("safety-officer")));
        CacheStats after = verifiedTokens.stats();
        assertEquals(1, after.hitCount() - before.hitCount(), "known");
        assertEquals(0, after.missCount() - before.missCount(), "not verified again");
    }

    /** A known token changed in any character is another token: verified, and refused. */
    @Test
    void refusesAKnownTokenChangedInItsSignatureOrItsClaims() {
        String token = Tokens.of("inv-site01");
        given().auth().oauth2(token).get(basePath() + "/me").then().statusCode(200);
        for (String forged : List.of(Tokens.withAlteredSignature(token),
                Tokens.withPayloadChanged(token, "\"inv-site01\"", "\"inv-site02\""),
                Tokens.withPayloadChanged(token, "\"investigator\"", "\"data-manager\""))) {
            given().auth().oauth2(forged)
                    .get(basePath() + "/me")
                    .then().statusCode(401)
                    .contentType(PROBLEM_JSON);
        }
        given().auth().oauth2(token).get(basePath() + "/me").then().statusCode(200)
                .body("username", equalTo("inv-site01"));
    }

    /** Known tokens keep their own callers apart, and a known token is authorised on every request. */
    @Test
    void eachKnownTokenIsItsOwnCallerAndIsAuthorisedEachTime() {
        String investigator = Tokens.of("inv-site01");
        String dataManager = Tokens.of("data-manager");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(investigator).get(basePath() + "/me").then().statusCode(200)
                    .body("username", equalTo("inv-site01")).body("roles", equalTo(List.of("investigator")))
                    .body("sites", equalTo(List.of("SITE-01")));
            given().auth().oauth2(dataManager).get(basePath() + "/me").then().statusCode(200)
                    .body("username", equalTo("data-manager")).body("roles", equalTo(List.of("data-manager")));
            given().auth().oauth2(investigator).get(basePath() + "/audit/verify").then().statusCode(403)
                    .contentType(PROBLEM_JSON);
        }
    }

    @Test
    void refusesAGarbageToken() {
        given().auth().oauth2("not-a-jwt")
                .get(basePath() + "/me")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void answersUnknownRoutesWithProblem() {
        String body = given().auth().oauth2(Tokens.of("data-manager"))
                .get(basePath() + "/no-such-resource")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:celltrial:problem:not-found"))
                .extract().asString();
        assertNoInternals(body);
    }

    @Test
    void answersWrongMethodsWithProblem() {
        String body = given().auth().oauth2(Tokens.of("data-manager"))
                .delete(basePath() + "/me")
                .then().statusCode(405)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:celltrial:problem:method-not-allowed"))
                .body("instance", equalTo(basePath() + "/me"))
                .extract().asString();
        assertNoInternals(body);
    }

    /** A problem body must not reveal code: no stack frames, no Java class names. */
    public static void assertNoInternals(String body) {
        for (String leak : List.of("at org.", "at io.", "Exception", "java.", "org.celltrial", "jakarta.")) {
            assertEquals(-1, body.indexOf(leak), () -> "problem body leaks '" + leak + "': " + body);
        }
    }
}
