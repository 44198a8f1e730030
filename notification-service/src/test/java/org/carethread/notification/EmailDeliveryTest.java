package org.carethread.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.notification.PeerService.receiptRecord;
import static org.carethread.notification.PeerService.send;
import static org.carethread.notification.PeerService.statusRecords;
import static org.carethread.notification.PeerService.statuses;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.MailServerTestResource;
import org.carethread.notification.PeerService.EmailReply;
import org.carethread.schemas.Channels;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.DeliveryReceipt;
import org.carethread.schemas.events.OutboundStatus;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
@QuarkusTestResource(CarrierStandIn.class)
@QuarkusTestResource(MailServerTestResource.class)
class EmailDeliveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @MailServerTestResource.MailServer
    GreenMail mailServer;

    @Test
    void aReplyGoesOutByEmailOnceThreadedIntoThePatientsMailAndIsAnnouncedSubmitted() throws Exception {
        EmailReply reply = EmailReply.fresh();
        String eventId = UUID.randomUUID().toString();

        // Delivered twice, and asked again under a new event: one mail all the same.
        send(reply.record(eventId));
        send(reply.record(eventId));
        send(reply.record(UUID.randomUUID().toString()));

        ConsumerRecord<String, String> announced = await().atMost(PATIENCE)
                .until(() -> statusRecords(reply.outboundId()), records -> !records.isEmpty()).get(0);
        OutboundStatus status = PeerService.status(announced);
        assertEquals(DeliveryStatus.SUBMITTED, status.status(), "SUBMITTED once the SMTP server accepted it");
        String ourMessageId = "<" + reply.outboundId() + "@carethread.local>";
        assertEquals(ourMessageId, status.providerMessageId());
        assertFalse(announced.value().contains(reply.patientAddress()), "no address on Kafka");

        List<MimeMessage> received = to(reply.patientAddress());
        assertEquals(1, received.size(), "at most once per outboundId");
        MimeMessage mail = received.get(0);
        assertEquals(EmailReply.NORTH_MAILBOX, mail.getFrom()[0].toString());
        assertEquals(reply.patientAddress(), mail.getRecipients(MimeMessage.RecipientType.TO)[0].toString());
        assertEquals(reply.subject(), mail.getSubject());
        assertArrayEquals(new String[] { ourMessageId }, mail.getHeader("Message-ID"),
                "our Message-ID, made from the outbound id, so the patient's answer threads back");
        assertArrayEquals(new String[] { "<" + reply.inReplyTo() + ">" }, mail.getHeader("In-Reply-To"));
        assertArrayEquals(new String[] { "<" + reply.inReplyTo() + ">" }, mail.getHeader("References"));
        assertEquals(reply.text(), GreenMailUtil.getBody(mail).strip());

        given().get("/outbound-messages/{id}", reply.outboundId()).then()
                .statusCode(200)
                .body("channel", equalTo("email"))
                .body("status", equalTo("SUBMITTED"))
                .body("attempts", equalTo(1));
    }

    @Test
    void aBounceFailsTheEmailWithTheReasonStaffReadAndAnnouncesIt() {
        EmailReply reply = EmailReply.fresh();
        String ours = submitted(reply);

        // As ingestion-service publishes a mail server's bounce of our e-mail (RFC 3464, Status 5.1.1).
        send(receiptRecord(UUID.randomUUID().toString(), new DeliveryReceipt(ours, "undeliverable", reply.outboundId(),
                "mailbox unavailable (5.1.1)", Instant.now(), Channels.EMAIL)));

        OutboundStatus failed = await().atMost(PATIENCE)
                .until(() -> statuses(reply.outboundId()), found -> found.size() == 2).get(1);
        assertEquals(DeliveryStatus.FAILED, failed.status());
        String reason = "the e-mail could not be delivered (a mail server returned it): mailbox unavailable (5.1.1)";
        assertEquals(reason, failed.reason());
        assertEquals(reply.conversationId(), failed.conversationId());
        given().get("/outbound-messages/{id}", reply.outboundId()).then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failureReason", equalTo(reason));
    }

    @Test
    void aDelayChangesNothingWhileDeliveredAndReadMoveTheEmailToDelivered() {
        EmailReply reply = EmailReply.fresh();
        String ours = submitted(reply);
        String delayed = UUID.randomUUID().toString();

        send(receiptRecord(delayed, new DeliveryReceipt(ours, "delayed", reply.outboundId(), "mailbox full (4.2.2)",
                Instant.now(), Channels.EMAIL)));
        send(receiptRecord(UUID.randomUUID().toString(), new DeliveryReceipt(ours, "delivered", reply.outboundId(),
                null, Instant.now(), Channels.EMAIL)));
        send(receiptRecord(UUID.randomUUID().toString(), new DeliveryReceipt(ours, "read", reply.outboundId(), null,
                Instant.now(), Channels.EMAIL)));

        // One key, one partition: once "delivered" shows, the delay before it was read and changed nothing.
        List<OutboundStatus> announced = await().atMost(PATIENCE)
                .until(() -> statuses(reply.outboundId()), found -> found.size() >= 2);
        assertEquals(List.of(DeliveryStatus.SUBMITTED, DeliveryStatus.DELIVERED),
                announced.stream().map(OutboundStatus::status).toList());
        String deadLetters = Topics.deadLetter(Topics.INBOUND_RECEIPTS, "notification-service");
        assertTrue(KafkaBroker.shared().readAll(deadLetters, Duration.ofSeconds(1)).stream()
                .noneMatch(record -> delayed.equals(PeerService.header(record, CloudEventHeaders.ID))),
                "a delay is a status notification-service knows, not a dead letter");
        given().get("/outbound-messages/{id}", reply.outboundId()).then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("failureReason", equalTo(null));
    }

    /** Sends the reply and waits for SUBMITTED; answers our Message-ID as ingestion names it in a receipt. */
    private String submitted(EmailReply reply) {
        send(reply.record(UUID.randomUUID().toString()));
        await().atMost(PATIENCE).until(() -> statuses(reply.outboundId()), found -> found.size() == 1);
        return "<" + reply.outboundId() + "@carethread.local>";
    }

    private List<MimeMessage> to(String address) {
        await().atMost(PATIENCE).until(() -> !received(address).isEmpty());
        return received(address);
    }

    private List<MimeMessage> received(String address) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return address.equals(m.getRecipients(MimeMessage.RecipientType.TO)[0].toString());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
