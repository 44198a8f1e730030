package org.carethread.ingestion;

import static io.restassured.RestAssured.given;
import static org.carethread.ingestion.VonageWebhooks.inboundSms;
import static org.carethread.ingestion.VonageWebhooks.newMessageUuid;
import static org.carethread.ingestion.VonageWebhooks.patientNumber;
import static org.carethread.ingestion.VonageWebhooks.post;
import static org.carethread.ingestion.VonageWebhooks.postSigned;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carethread.localinfra.CareThreadTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator sees: health, Prometheus metrics without PHI, and the OpenAPI document. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingestion"))
class ServiceEndpointsTest {

    @ConfigProperty(name = "carethread.vonage.signature-secret")
    String secret;

    @Test
    void healthIsUp() {
        given().when().get("/q/health").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void webhookOutcomesAreCountedWithoutPhi() {
        String from = patientNumber();
        postSigned("/webhooks/vonage/inbound", secret, inboundSms(newMessageUuid(), from, "Refill please"))
                .statusCode(200);
        post("/webhooks/vonage/inbound", null, inboundSms(newMessageUuid(), from, "Refill please")).statusCode(401);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.matches("(?s).*carethread_webhooks_total\\{kind=\"inbound\",outcome=\"accepted\".*"),
                "accepted webhooks are counted");
        assertTrue(metrics.matches("(?s).*carethread_webhooks_total\\{kind=\"inbound\",outcome=\"unauthorized\".*"),
                "refused webhooks are counted");
        assertTrue(metrics.matches("(?s).*carethread_webhooks_publish_seconds_count\\{kind=\"inbound\".*"),
                "broker acknowledgement time is measured");
        assertFalse(metrics.contains(from), "no phone number in metrics");
    }

    @Test
    void openApiDescribesBothWebhooks() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/webhooks/vonage/inbound'.post.responses.'401'", notNullValue())
                .body("paths.'/webhooks/vonage/status'.post.responses.'200'", notNullValue())
                .body("paths.'/webhooks/vonage/status'.post.responses.'503'", notNullValue());
    }
}
