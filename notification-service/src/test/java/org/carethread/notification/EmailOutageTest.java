package org.carethread.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.notification.PeerService.send;
import static org.carethread.notification.PeerService.statuses;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.notification.PeerService.EmailReply;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.events.OutboundStatus;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The practice's SMTP server goes away and comes back: a reply waits, is retried, and reaches the patient once. */
@QuarkusTest
@TestProfile(EmailOutageTest.OutageOfTheMailServer.class)
class EmailOutageTest {
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    /**
     * The module's mail server resource is global and names the mailer's port too: this test's app has only its own
     * resources, so the mailer points at the server it takes down.
     */
    public static class OutageOfTheMailServer implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CareThreadTestResource.class, Map.of("service", "notification")),
                    new TestResourceEntry(CarrierStandIn.class), new TestResourceEntry(MailServerOutage.class));
        }
    }

    @MailServerOutage.Controls
    MailServerOutage mailServer;

    @Test
    void aReplyStaysQueuedThroughAnSmtpOutageAndIsDeliveredOnceWhenTheServerIsBack() {
        mailServer.down();
        EmailReply reply = EmailReply.fresh();
        String eventId = UUID.randomUUID().toString();
        send(reply.record(eventId));

        // Refused connections: tried, left QUEUED for the next attempt of the backoff, and tried again.
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/outbound-messages/{id}", reply.outboundId())
                .then().statusCode(200)
                .body("status", equalTo("QUEUED"))
                .body("attempts", greaterThanOrEqualTo(2))
                .body("failureReason", equalTo(null)));
        assertEquals(List.of(), statuses(reply.outboundId()), "nothing to announce while it waits");

        mailServer.up();
        send(reply.record(eventId)); // a redelivered request meanwhile changes nothing

        OutboundStatus submitted = await().atMost(PATIENCE)
                .until(() -> statuses(reply.outboundId()), found -> !found.isEmpty()).get(0);
        assertEquals(DeliveryStatus.SUBMITTED, submitted.status());
        await().atMost(PATIENCE).until(() -> received(reply.patientAddress()).size() == 1);
        // Several sweeps later, still one copy and one announcement.
        await().pollDelay(Duration.ofSeconds(4)).atMost(PATIENCE)
                .until(() -> received(reply.patientAddress()).size() == 1 && statuses(reply.outboundId()).size() == 1);
        given().get("/outbound-messages/{id}", reply.outboundId()).then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("attempts", greaterThanOrEqualTo(3));
    }

    private List<MimeMessage> received(String address) {
        return Arrays.stream(mailServer.server().getReceivedMessages()).filter(m -> {
            try {
                return address.equals(m.getRecipients(MimeMessage.RecipientType.TO)[0].toString());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
