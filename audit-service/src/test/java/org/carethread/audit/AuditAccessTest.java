package org.carethread.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.carethread.localinfra.CareThreadTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Who may read the audit log, and what a caller hears when a request is refused. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "audit"))
class AuditAccessTest {

    @Test
    void withoutATokenTheAnswerIsAProblemAskingToSignIn() {
        given().when().get("/api/audit/events").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:carethread:problem:unauthenticated"))
                .body("status", equalTo(401))
                .body("detail", containsString("Bearer"));
    }

    @Test
    void aForgedTokenIsRefused() {
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .when().get("/api/audit/events").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void frontDeskStaffAreForbidden() {
        given().header("Authorization", Staff.frontDesk("fran.frontdesk"))
                .when().get("/api/audit/events").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:carethread:problem:forbidden"))
                .body("title", equalTo("Not allowed"))
                .body("status", equalTo(403))
                .body("detail", containsString("compliance officers"));
        given().header("Authorization", Staff.frontDesk("fran.frontdesk"))
                .when().get("/api/audit/verify").then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void onlyComplianceOfficersVerifyTheChain() {
        given().header("Authorization", Staff.supervisor("sam.supervisor"))
                .when().get("/api/audit/verify").then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/api/audit/verify").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void invalidQueryParametersAreRefusedAndNeverRecorded() {
        String officer = "strict-" + UUID.randomUUID();
        String token = Staff.complianceOfficer(officer);
        Map<String, Map<String, String>> invalid = Map.of(
                "size", Map.of("size", "501"),
                "'size'", Map.of("size", "zero"),
                "page", Map.of("page", "-1"),
                "from", Map.of("from", "yesterday"),
                "'to'", Map.of("to", "2025-01-31"),
                "earlier", Map.of("from", "2025-02-01T00:00:00Z", "to", "2025-01-01T00:00:00+01:00"),
                "actor", Map.of("actor", "x".repeat(201)));
        invalid.forEach((mentions, parameters) -> given().header("Authorization", token).queryParams(parameters)
                .when().get("/api/audit/events").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:carethread:problem:invalid-query"))
                .body("status", equalTo(400))
                .body("detail", containsString(mentions)));

        // Only this valid search reached the log.
        given().header("Authorization", token).queryParam("actor", officer)
                .queryParam("from", "2000-01-01T00:00:00Z").queryParam("size", "500")
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void healthAndApiDescriptionAreServed() {
        given().when().get("/q/health").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200)
                .body(containsString("/api/audit/events"))
                .body(containsString("/api/audit/verify"));
    }
}
