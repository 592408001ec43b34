package org.celltrial.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What every CellTrial service must do, whatever its domain: health, OpenAPI, metrics, its own database
 * migrated at start, real tokens checked, and problem+json for every client mistake. Each service's
 * {@code @QuarkusTest} extends this with its API base path and database.
 */
public abstract class ServiceFoundationTest {

    static final String PROBLEM_JSON = "application/problem+json";

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
