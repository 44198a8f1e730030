package org.carethread.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.UUID;

import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.notification.PeerService.Outbound;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
@QuarkusTestResource(CarrierStandIn.class)
class OutboundMessageApiTest {

    @Test
    void anUnknownOutboundIdIsAProblemDetailsNotFound() {
        given().get("/outbound-messages/{id}", "msg-never-requested").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:carethread:problem:outbound-not-found"))
                .body("title", equalTo("Outbound message not found"))
                .body("status", equalTo(404))
                .body("detail", startsWith("No message was requested under this id"));
    }

    @Test
    void anIdThatCannotBeAnOutboundIdIsABadRequest() {
        given().get("/outbound-messages/{id}", "x".repeat(65)).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:carethread:problem:invalid-outbound-id"))
                .body("status", equalTo(400))
                .body("detail", containsString("1 to 64"));
    }

    @Test
    void aPurgedConversationTakesTheRecordsOfItsRepliesWithIt() {
        Outbound purged = Outbound.fresh();
        Outbound kept = Outbound.fresh();
        PeerService.send(PeerService.requestRecord(UUID.randomUUID().toString(), purged));
        PeerService.send(PeerService.requestRecord(UUID.randomUUID().toString(), kept));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().get("/outbound-messages/{id}", purged.outboundId()).then().statusCode(200);
            given().get("/outbound-messages/{id}", kept.outboundId()).then().statusCode(200);
        });

        PeerService.send(PeerService.purgeRecord(purged.conversationId(), purged.patientRef()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/outbound-messages/{id}", purged.outboundId()).then().statusCode(404));
        given().get("/outbound-messages/{id}", kept.outboundId()).then().statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("carethread_outbound_sent_total{"))
                .body(containsString("outcome=\"submitted\""))
                .body(containsString("carethread_receipts_unmatched_total"))
                .body(not(containsString("outcome=\"1555")));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/outbound-messages/{outboundId}"));
    }
}
