package org.carethread.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.carethread.localinfra.CareThreadTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class DirectoryApiTest {

    @Test
    void operatorsSeeBothClinicsWithTheirNumbersTimeZonesAndDefaultQueues() {
        given().when().get("/locations").then()
                .statusCode(200)
                .body("code", contains("north", "south"))
                .body("name", contains("North Clinic", "South Clinic"))
                .body("smsNumber", contains("15550001001", "15550001002"))
                .body("emailAddress", contains("north@carethread.local", "south@carethread.local"))
                .body("timeZone", contains("America/New_York", "America/New_York"))
                .body("defaultQueue", contains("north-front-desk", "south-front-desk"));
    }

    @Test
    void oneLocationByCode() {
        given().when().get("/locations/south").then()
                .statusCode(200)
                .body("name", equalTo("South Clinic"))
                .body("smsNumber", equalTo("15550001002"));
    }

    @Test
    void anUnknownLocationIsAProblemThatSaysWhereToLook() {
        given().when().get("/locations/east").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:carethread:problem:unknown-location"))
                .body("title", equalTo("Unknown location"))
                .body("status", equalTo(404))
                .body("detail", containsString("GET /locations"));
    }

    @Test
    void aMalformedLocationCodeIsRefusedBeforeAnyLookUp() {
        given().queryParam("location", "North Clinic!").when().get("/queues").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:carethread:problem:bad-location-code"))
                .body("detail", containsString("lower-case"));
    }

    @Test
    void queuesOfThePracticeAndOfOneLocation() {
        given().when().get("/queues").then()
                .statusCode(200)
                .body("code", hasItems("north-front-desk", "north-clinical", "south-front-desk", "south-intake"))
                .body("find { it.code == 'south-billing' }.name", equalTo("South billing"))
                .body("find { it.code == 'south-billing' }.locationCode", equalTo("south"));
        given().queryParam("location", "north").when().get("/queues").then()
                .statusCode(200)
                .body("code", contains("north-billing", "north-clinical", "north-front-desk", "north-identity-review",
                        "north-intake", "north-refills", "north-scheduling"));
        given().queryParam("location", "east").when().get("/queues").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndApiDescriptionAreServed() {
        given().when().get("/q/health").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("location-directory"));
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_"));
        given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200)
                .body(containsString("/locations"))
                .body(containsString("/queues"))
                // the request's own connection is no part of the API: reading a patient takes no body
                .body("paths.'/api/routing/patients/{id}'.get", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasKey("requestBody")))
                .body("paths.'/api/routing/identity-reviews'.get", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasKey("requestBody")));
    }
}
