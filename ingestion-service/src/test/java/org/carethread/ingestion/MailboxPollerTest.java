package org.carethread.ingestion;

import static org.awaitility.Awaitility.await;
import static org.carethread.ingestion.InboundEmails.NORTH_MAILBOX;
import static org.carethread.ingestion.InboundEmails.eventIdOf;
import static org.carethread.ingestion.InboundEmails.newMessageId;
import static org.carethread.ingestion.InboundEmails.patientAddress;
import static org.carethread.ingestion.InboundEmails.plain;
import static org.carethread.ingestion.InboundEmails.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.MailServerTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.Topics;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingestion"))
@QuarkusTestResource(value = MailServerTestResource.class, initArgs = @ResourceArg(name = "use", value = "imap"))
class MailboxPollerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @MailServerTestResource.MailServer
    GreenMail mailServer;

    @Test
    void aMailInThePracticeMailboxIsPublishedOnceEvenWhenThePollerStoppedBeforeMarkingItSeen() throws Exception {
        String messageId = newMessageId();
        deliver(plain(messageId, patientAddress(), "Refill", "Please refill my lisinopril."));
        String eventId = eventIdOf(TestCrypto.BLIND_INDEX.ofMessageId(messageId));

        await().atMost(PATIENCE).until(() -> seen(messageId));
        assertEquals(1, TopicRecords.withEventId(Topics.INBOUND_MESSAGES, eventId).size(),
                "marked seen only once its event is in Kafka");

        // As if the poller had stopped after Kafka had the mail but before marking it: it is unseen again.
        setSeen(messageId, false);
        await().atMost(PATIENCE).until(() -> seen(messageId));
        assertEquals(1, TopicRecords.withEventId(Topics.INBOUND_MESSAGES, eventId).size(),
                "taken again after the restart, recognised by its Message-ID, published once");
    }

    @Test
    void aMailCareThreadCannotReadIsMarkedSeenAndPublishesNothing() throws Exception {
        String messageId = newMessageId();
        deliver(raw("""
                From: %s
                To: %s
                Subject: results
                Message-ID: <%s>
                Content-Type: text/plain; charset=x-klingon-9

                Results attached
                """.formatted(patientAddress(), NORTH_MAILBOX, messageId)));

        await().atMost(PATIENCE).until(() -> seen(messageId));
        assertEquals(0, TopicRecords.withEventId(Topics.INBOUND_MESSAGES,
                eventIdOf(TestCrypto.BLIND_INDEX.ofMessageId(messageId))).size());
    }

    @Test
    void aBounceInThePracticeMailboxIsPublishedAsAReceiptNotAMessageAndMarkedSeen() throws Exception {
        MailSystemReports.SentEmail sent = MailSystemReports.SentEmail.fresh();
        String reportId = MailSystemReports.newReportId();
        deliver(MailSystemReports.eximBounce(reportId, sent.messageId(), sent.patient()));

        await().atMost(PATIENCE).until(() -> seen(reportId));
        String receiptId = MailSystemReports.receiptEventIdOf(sent.providerMessageId(), "undeliverable");
        List<ConsumerRecord<String, String>> receipts = TopicRecords.withEventId(Topics.INBOUND_RECEIPTS, receiptId);
        assertEquals(1, receipts.size(), "marked seen once its receipt is in Kafka");
        assertTrue(receipts.get(0).value().contains("mailbox full (5.2.2)"));
        assertEquals(0, TopicRecords.withEventId(Topics.INBOUND_MESSAGES,
                eventIdOf(TestCrypto.BLIND_INDEX.ofMessageId(reportId))).size(), "not a patient's message");
    }

    private void deliver(byte[] mail) throws Exception {
        mailServer.getUserManager().getUser(NORTH_MAILBOX)
                .deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail)));
    }

    private boolean seen(String messageId) throws Exception {
        return withMessage(messageId, message -> message.isSet(Flags.Flag.SEEN));
    }

    private void setSeen(String messageId, boolean seen) throws Exception {
        withMessage(messageId, message -> {
            message.setFlag(Flags.Flag.SEEN, seen);
            return seen;
        });
    }

    /** Looks at the mail in the mailbox as a mail program would, over IMAP. */
    private boolean withMessage(String messageId, MessageCheck check) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", mailServer.getImap().getPort(), NORTH_MAILBOX, MailServerTestResource.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.getMessages()) {
                    String[] ids = message.getHeader("Message-ID");
                    if (ids != null && ids[0].contains(messageId)) {
                        return check.test(message);
                    }
                }
                throw new AssertionError("the mail is not in the mailbox");
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    @FunctionalInterface
    private interface MessageCheck {
        boolean test(Message message) throws Exception;
    }
}
