package org.carethread.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.routing.InboundMessages.JSON;
import static org.carethread.routing.InboundMessages.decided;
import static org.carethread.routing.InboundMessages.decisionsFor;
import static org.carethread.routing.InboundMessages.header;
import static org.carethread.routing.InboundMessages.newPatientPhone;
import static org.carethread.routing.InboundMessages.publish;
import static org.carethread.routing.InboundMessages.record;
import static org.carethread.routing.InboundMessages.text;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.PeerEvents;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationPurged;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.RoutingDecided;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class RoutingDecisionTest {
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.INBOUND_MESSAGES, "routing-service");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String UNROUTABLE_METRIC =
            "carethread_routing_decisions_total{location=\"none\",outcome=\"unroutable\"}";

    @Test
    void aTextToTheNorthNumberIsRoutedByNorthsRulesAndPassesItsMessageOnSealed() {
        String phone = newPatientPhone();
        MessageReceived message = text(phone, "15550001001", "Can I move my appointment to Friday?");
        String eventId = UUID.randomUUID().toString();

        publish(record(eventId, message));

        ConsumerRecord<String, String> record = awaitOneDecision(eventId);
        RoutingDecided decision = decided(record);
        assertEquals("north", decision.locationCode());
        assertEquals("scheduling", decision.ruleId(), "the demo rules send scheduling to its queue");
        assertEquals("north-scheduling", decision.queue());
        assertEquals("new-contact", decision.identity());
        assertTrue(decision.reason().startsWith("Texted North Clinic. Rule scheduling (rules v1) matched"),
                decision.reason());
        assertEquals(message.patientRef(), record.key());
        assertEquals(EventTypes.ROUTING_DECIDED, header(record, CloudEventHeaders.TYPE));
        assertEquals("/carethread/routing-service", header(record, CloudEventHeaders.SOURCE));
        assertEquals(message.providerMessageId(), header(record, CloudEventHeaders.SUBJECT));
        assertNotNull(header(record, CloudEventHeaders.TIME));
        assertNotEquals(eventId, header(record, CloudEventHeaders.ID), "a decision is an event of its own");
        assertEquals(message.sealedText(), decision.sealedText());
        assertEquals(message.sealedFrom(), decision.sealedFrom());
        assertEquals("Can I move my appointment to Friday?", TestCrypto.CIPHER.open(decision.sealedText()));
        assertEquals(message.providerMessageId(), decision.providerMessageId());
        assertEquals(message.patientRef(), decision.patientRef());
        assertEquals(message.receivedAt(), decision.receivedAt());
        assertEquals("sms", decision.channel());
        assertNotNull(decision.decidedAt());
        assertFalse(record.value().contains(phone), "the patient's number left routing in clear");

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("carethread_routing_decisions_total{location=\"north\",outcome=\"rule\"}"));
    }

    @Test
    void aTextToTheSouthNumberWrittenWithPlusAndSpacesIsRoutedAtSouth() {
        MessageReceived message = text(newPatientPhone(), "+1 555 000 1002", "Refill please");
        String eventId = UUID.randomUUID().toString();

        publish(record(eventId, message));

        ConsumerRecord<String, String> record = awaitOneDecision(eventId);
        RoutingDecided decision = decided(record);
        assertEquals("south", decision.locationCode());
        assertEquals("south-refills", decision.queue());
        assertTrue(decision.reason().startsWith("Texted South Clinic."), decision.reason());
        assertEquals(message.patientRef(), record.key());
        assertEquals(message.sealedText(), decision.sealedText());
    }

    @Test
    void aVoicemailToTheNorthNumberIsRoutedAtNorthAndItsTranscriptTriagedLikeAText() {
        MessageReceived message = InboundMessages.voicemail(newPatientPhone(), "15550001001",
                "Hi, I need to move my appointment to Friday");
        String eventId = UUID.randomUUID().toString();

        publish(record(eventId, message));

        RoutingDecided decision = decided(awaitOneDecision(eventId));
        assertEquals("north", decision.locationCode(), "the number called says which location");
        assertEquals("voicemail", decision.channel());
        assertEquals("north-scheduling", decision.queue(), "the transcript meets the scheduling rule");
        assertTrue(decision.reason().startsWith("Called North Clinic."), decision.reason());
        assertEquals(message.attachments(), decision.attachments(), "the recording is passed on");

        MessageReceived emergency = InboundMessages.voicemail(newPatientPhone(), "15550001001",
                "I have crushing chest pain and my left arm is numb");
        String emergencyId = UUID.randomUUID().toString();
        publish(record(emergencyId, emergency));

        RoutingDecided urgent = decided(awaitOneDecision(emergencyId));
        assertEquals("emergency", urgent.urgency(), "a spoken emergency is one too");
        assertEquals("critical", urgent.priority());
        assertEquals("north-clinical", urgent.queue());
    }

    @Test
    void anEmailToTheNorthMailboxIsRoutedAtNorthWithItsThreadAndAttachmentsPassedOn() {
        String address = "pat." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        MessageReceived message = InboundMessages.email(address, "North@CareThread.local", "Billing question",
                "Why was I charged twice for my visit?");
        String eventId = UUID.randomUUID().toString();

        publish(record(eventId, message));

        ConsumerRecord<String, String> record = awaitOneDecision(eventId);
        RoutingDecided decision = decided(record);
        assertEquals("north", decision.locationCode(), "the mailbox, in any case, says which location");
        assertEquals("email", decision.channel());
        assertTrue(decision.reason().startsWith("E-mailed North Clinic."), decision.reason());
        assertEquals(message.sealedSubject(), decision.sealedSubject());
        assertEquals(message.sealedMessageId(), decision.sealedMessageId());
        assertEquals(message.messageRef(), decision.messageRef());
        assertEquals(message.threadRefs(), decision.threadRefs());
        assertEquals(message.attachments(), decision.attachments());
        assertFalse(record.value().contains(address), "the patient's address left routing in clear");
    }

    @Test
    void anEmailToAMailboxNoLocationOwnsIsDeadLettered() {
        MessageReceived message = InboundMessages.email("pat@example.org", "nobody@carethread.local", "Hello",
                "Hello?");
        String eventId = UUID.randomUUID().toString();

        publish(record(eventId, message));

        ConsumerRecord<String, String> dead = await().atMost(PATIENCE).until(
                () -> KafkaBroker.shared().readAll(DEAD_LETTERS, Duration.ofMillis(500)).stream()
                        .filter(r -> eventId.equals(header(r, CloudEventHeaders.ID))).findFirst().orElse(null),
                r -> r != null);
        String reason = header(dead, "dead-letter-reason");
        assertTrue(reason.contains("nobody@carethread.local") && reason.contains("a mailbox no location owns"),
                reason);
        assertFalse(reason.contains("pat@example.org"), "the dead-letter reason names the patient");
        assertEquals(List.of(), decisionsFor(eventId));
    }

    @Test
    void theSameEventDeliveredTwiceIsDecidedOnce() {
        String phone = newPatientPhone();
        MessageReceived message = text(phone, "15550001001", "Is the clinic open Saturday?");
        String eventId = UUID.randomUUID().toString();
        MessageReceived later = text(phone, "15550001001", "Thanks");
        String laterEventId = UUID.randomUUID().toString();

        // Same key, so one partition: once the later message is decided, both deliveries before it were handled.
        publish(record(eventId, message), record(eventId, message), record(laterEventId, later));

        awaitOneDecision(laterEventId);
        assertEquals(1, decisionsFor(eventId).size(), "a redelivered event was routed again");
        assertFalse(deadLettered(eventId), "a redelivered event was dead-lettered instead of skipped");
    }

    @Test
    void aTextToANumberNoLocationOwnsIsDeadLetteredCountedOnceAndNeverDecided() {
        double unroutableBefore = metric(UNROUTABLE_METRIC);
        String phone = newPatientPhone();
        MessageReceived message = text(phone, "15550009999", "Hello?");
        String eventId = UUID.randomUUID().toString();
        MessageReceived later = text(phone, "15550001002", "Sorry, wrong number");
        String laterEventId = UUID.randomUUID().toString();

        publish(record(eventId, message), record(laterEventId, later));

        ConsumerRecord<String, String> dead = await().atMost(PATIENCE).until(
                () -> KafkaBroker.shared().readAll(DEAD_LETTERS, Duration.ofMillis(500)).stream()
                        .filter(r -> eventId.equals(header(r, CloudEventHeaders.ID))).findFirst().orElse(null),
                r -> r != null);
        assertEquals(message.patientRef(), dead.key());
        assertEquals(record(eventId, message).value(), dead.value(), "operators must get the event as it was sent");
        String reason = header(dead, "dead-letter-reason");
        assertTrue(reason.contains("15550009999") && reason.contains("no location owns"), reason);
        assertFalse(reason.contains(phone), "the dead-letter reason names the patient");

        // The patient's next message is routed, so the unroutable one is behind us on the partition.
        awaitOneDecision(laterEventId);
        assertEquals(List.of(), decisionsFor(eventId));
        assertEquals(unroutableBefore + 1, metric(UNROUTABLE_METRIC), "retries must not inflate the count");
    }

    @Test
    void aPurgedConversationTakesItsMessagesRoutingDecisionsWithIt() throws Exception {
        String purgedEvent = UUID.randomUUID().toString();
        String keptEvent = UUID.randomUUID().toString();
        MessageReceived purgedMessage = text(newPatientPhone(), "15550001001", "Please send my vaccination record");
        publish(record(purgedEvent, purgedMessage),
                record(keptEvent, text(newPatientPhone(), "15550001001", "Can I move my appointment to Friday?")));
        awaitOneDecision(purgedEvent);
        awaitOneDecision(keptEvent);
        await().atMost(PATIENCE).until(() -> decisionRows(purgedEvent) == 1 && decisionRows(keptEvent) == 1);

        // conversation-service's retention purge names the conversation's patient messages
        ConversationPurged purged = new ConversationPurged(UUID.randomUUID().toString(), "north",
                purgedMessage.patientRef(), Instant.now().minus(Duration.ofDays(2600)), 2557, List.of(purgedEvent),
                Instant.now());
        publish(PeerEvents.cloudEvent(Topics.CONVERSATION_EVENTS, purged.patientRef(), UUID.randomUUID().toString(),
                EventTypes.CONVERSATION_PURGED, "/carethread/conversation-service", purged.conversationId(),
                purged.at(), JSON.writeValueAsString(purged)));

        await().atMost(PATIENCE).until(() -> decisionRows(purgedEvent) == 0);
        assertEquals(1, decisionRows(keptEvent), "another conversation's decision was deleted");
    }

    private static int decisionRows(String messageEventId) throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from routing_decision where message_event_id = ?")) {
            query.setString(1, messageEventId);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    private static ConsumerRecord<String, String> awaitOneDecision(String eventId) {
        List<ConsumerRecord<String, String>> decisions = await().atMost(PATIENCE)
                .until(() -> decisionsFor(eventId), found -> !found.isEmpty());
        assertEquals(1, decisions.size());
        return decisions.get(0);
    }

    private static boolean deadLettered(String eventId) {
        return KafkaBroker.shared().readAll(DEAD_LETTERS, Duration.ofMillis(500)).stream()
                .anyMatch(r -> eventId.equals(header(r, CloudEventHeaders.ID)));
    }

    private static double metric(String series) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(0);
    }
}
