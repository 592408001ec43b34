package org.celltrial.enrollment.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.celltrial.enrollment.EnrollmentTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The grading and response settings in force come from the reference protocol's migrations (V2_3, V2_5), written
 * there once. Safety and efficacy are tested against {@link EnrollmentStub}'s copy of them: this test keeps that
 * copy equal to what enrollment-service really answers, so the engines are tested under the settings in force.
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class ProtocolSettingsInForceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSettingsOtherServicesAreTestedWithAreTheOnesInForce() throws JsonProcessingException {
        JsonNode protocol = JSON.readTree(Tokens.as("data-manager").get("/api/v1/enrollment/protocol")
                .then().statusCode(200).extract().asString());

        assertEquals(JSON.readTree(EnrollmentStub.DEFAULT_SAFETY_GRADING), protocol.get("safetyGrading"));
        assertEquals(JSON.readTree(EnrollmentStub.DEFAULT_EFFICACY_RESPONSE), protocol.get("efficacyResponse"));
    }
}
