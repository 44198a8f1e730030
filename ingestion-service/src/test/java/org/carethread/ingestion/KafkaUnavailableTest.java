package org.carethread.ingestion;

import static org.carethread.ingestion.VonageWebhooks.inboundSms;
import static org.carethread.ingestion.VonageWebhooks.newMessageUuid;
import static org.carethread.ingestion.VonageWebhooks.patientNumber;
import static org.carethread.ingestion.VonageWebhooks.postSigned;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.carethread.localinfra.CareThreadTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A carrier webhook that cannot reach Kafka is answered 503 and leaves nothing behind, so the carrier's retry counts. */
@QuarkusTest
@TestProfile(KafkaUnavailableTest.BrokerUnreachable.class)
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingestion"))
class KafkaUnavailableTest {

    @ConfigProperty(name = "carethread.vonage.signature-secret")
    String secret;

    @Test
    void webhookIsRefusedWith503AndItsRetryIsNotTakenForADuplicate() {
        String body = inboundSms(newMessageUuid(), patientNumber(), "Is the clinic open on Saturday?");

        postSigned("/webhooks/vonage/inbound", secret, body).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", is("5"))
                .body("detail", containsString("retry later"));
        // Had the de-duplication row survived the failed publish, this retry would be answered 200 "duplicate".
        postSigned("/webhooks/vonage/inbound", secret, body).statusCode(503);
    }

    /** Inbound messages go to a port where no broker listens, with short producer timeouts. */
    public static class BrokerUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String channel = "mp.messaging.outgoing.inbound-messages.";
            return Map.of(
                    channel + "bootstrap.servers", "127.0.0.1:" + freePort(),
                    channel + "delivery.timeout.ms", "3000",
                    channel + "request.timeout.ms", "1000",
                    channel + "max.block.ms", "1000",
                    "carethread.ingestion.broker-ack-timeout", "PT6S");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
