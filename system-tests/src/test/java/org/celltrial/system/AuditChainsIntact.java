package org.celltrial.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every suite of this module that started the services, each service's audit chain must still verify
 * (docs/architecture.md, Audit trail; docs/reliability.md, section 6): asked as an admin through each service's
 * {@code GET /audit/verify}, so whatever a suite did (races, kill -9, fuzzing) left no row out of the chain.
 * Registered for every test class by JUnit's extension auto-detection (junit-platform.properties).
 */
public class AuditChainsIntact implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        RunningSuite suite = RunningSuite.ifStarted();
        if (suite == null) {
            return;
        }
        for (ServiceProcess service : new ServiceProcess[] {suite.enrollment, suite.safety, suite.efficacy}) {
            String prefix = service.module.replace("-service", "");
            var answer = given().auth().oauth2(Tokens.of("admin-user"))
                    .get(service.url() + "/api/v1/" + prefix + "/audit/verify")
                    .then().statusCode(200).extract();
            assertEquals(Boolean.TRUE, answer.path("verified"), () -> "the audit chain of " + service.module
                    + " broke during " + context.getDisplayName() + ": " + answer.asString());
        }
    }
}
