package org.celltrial.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** One OpenAPI document for the whole public API: the services' paths merged with the gateway's composites. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class OpenApiDocumentTest {

    @Test
    void mergesEveryServicesPathsWithTheCompositesUnderOneSecurityScheme() {
        given().accept("application/json")
                .get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", is("CellTrial API"))
                .body("paths", hasKey("/api/v1/enrollment/patients"))
                .body("paths", hasKey("/api/v1/safety/patients/{id}/vitals"))
                .body("paths", hasKey("/api/v1/safety/export/sdtm-ae"))
                .body("paths", hasKey("/api/v1/efficacy/patients/{id}/platelet-counts"))
                .body("paths", hasKey("/api/v1/study/summary"))
                .body("paths", hasKey("/api/v1/study/patients/{id}/course"))
                .body("components.securitySchemes.bearer.scheme", is("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", is("JWT"))
                // the three services' summary rows stay three schemas, not one overwriting the others
                .body("components.schemas", hasKey("EnrollmentSummaryPatientRow"))
                .body("components.schemas", hasKey("SafetySummaryPatientRow"))
                .body("components.schemas", hasKey("EfficacySummaryPatientRow"))
                .body("components.schemas.SafetySummaryPatientRow.properties", hasKey("maxCrsGrade"))
                .body("paths.'/api/v1/safety/patients/{id}/vitals'.post.requestBody.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/api/v1/enrollment/patients'.post.requestBody.content.'application/json'.examples"
                        + ".values()[0].value.siteCode", containsString("SITE-01"));
    }
}
