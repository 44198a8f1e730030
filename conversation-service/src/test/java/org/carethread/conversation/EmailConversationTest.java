package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.OutboundRequested;
import org.carethread.schemas.events.OutboundStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Patients who e-mail: subjects on messages, replies in the patient's thread, and answers threading back. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class EmailConversationTest {

    @Inject
    ObjectMapper json;

    Practice practice;

    @BeforeEach
    void practice() {
        practice = new Practice(json);
    }

    @Test
    void anEmailShowsItsSubjectAndAMailAnsweringItJoinsItsConversationFromAnyAddress() {
        String address = "p@" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        String messageId = UUID.randomUUID() + "@mail.example.org";
        practice.decision(address, "north", "Can I get my lab results?").email("Lab results", messageId)
                .identity("new-contact", null).publish();
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), address).get("id");

        // The patient answers from another address nobody knows: the thread, not the sender, says where it goes.
        String other = "w@" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        practice.decision(other, "north", "Sent from my work account").identity("new-contact", null)
                .email("Re: Lab results", UUID.randomUUID() + "@work.example.org", "unknown@elsewhere", messageId)
                .publish();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200)
                .body("channel", equalTo("email"))
                .body("messages.text", equalTo(List.of("Can I get my lab results?", "Sent from my work account")))
                .body("messages.channel", equalTo(List.of("email", "email")))
                .body("messages.subject", equalTo(List.of("Lab results", "Re: Lab results"))));
        assertTrue(Practice.inboxEntry(Practice.northFrontDesk(), other).isEmpty(),
                "no conversation of its own for a mail that answers one of ours");
    }

    @Test
    void aReplyAnswersThePatientsMailAndTheirAnswerToItThreadsBack() {
        String address = "p@" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        String messageId = UUID.randomUUID() + "@mail.example.org";
        practice.decision(address, "north", "Is my referral through?").email("RE: Referral", messageId)
                .identity("new-contact", null).publish();
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), address).get("id");

        String replyId = given().auth().oauth2(Practice.northFrontDesk())
                .contentType(ContentType.JSON).body(Map.of("text", "Yes, it was sent on Monday."))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202).extract().path("id");

        ConsumerRecord<String, String> request = await().atMost(Duration.ofSeconds(20))
                .until(() -> Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId), r -> !r.isEmpty()).get(0);
        OutboundRequested outbound = practice.read(request, OutboundRequested.class);
        assertEquals("email", outbound.channel());
        assertEquals(address, TestCrypto.CIPHER.open(outbound.sealedTo()));
        assertEquals(Practice.mailboxOf("north"), outbound.practiceNumber(), "sent from the mailbox written to");
        assertEquals("Re: Referral", TestCrypto.CIPHER.open(outbound.sealedSubject()), "one Re:, not two");
        assertEquals(messageId, TestCrypto.CIPHER.open(outbound.sealedInReplyTo()));
        assertEquals(messageId, TestCrypto.CIPHER.open(outbound.sealedReferences()));
        for (String clear : List.of(address, "Referral", messageId)) {
            assertFalse(request.value().contains(clear), "the e-mail's details travel sealed");
        }

        // The patient answers our mail from an address nobody knows; In-Reply-To names our Message-ID.
        String ours = OutboundRequested.emailMessageId(replyId, Practice.mailboxOf("north"));
        String other = "w@" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        practice.decision(other, "north", "Thank you!").identity("new-contact", null)
                .email("Re: Referral", UUID.randomUUID() + "@work.example.org", ours).publish();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200)
                .body("messages.text", equalTo(List.of("Is my referral through?", "Yes, it was sent on Monday.",
                        "Thank you!")))
                .body("messages.subject", equalTo(List.of("RE: Referral", "Re: Referral", "Re: Referral"))));
        assertTrue(Practice.inboxEntry(Practice.northFrontDesk(), other).isEmpty(),
                "the answer to our mail joins the conversation instead of opening one");
    }

    @Test
    void aBouncedReplyShowsStaffItFailedAndWhyOnTheMessage() {
        String address = "p@" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        practice.decision(address, "north", "Can you resend the form?").email("Form", UUID.randomUUID()
                + "@mail.example.org").identity("new-contact", null).publish();
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), address).get("id");
        String replyId = given().auth().oauth2(Practice.northFrontDesk())
                .contentType(ContentType.JSON).body(Map.of("text", "Here it is again."))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202).extract().path("id");

        // As notification-service announces it: taken by our SMTP server, then returned by the patient's.
        String ours = "<" + OutboundRequested.emailMessageId(replyId, Practice.mailboxOf("north")) + ">";
        String reason = "the e-mail could not be delivered (a mail server returned it): mailbox unavailable (5.1.1)";
        for (OutboundStatus status : List.of(
                new OutboundStatus(replyId, conversationId, Practice.patientRef(address), DeliveryStatus.SUBMITTED,
                        ours, null, Instant.now()),
                new OutboundStatus(replyId, conversationId, Practice.patientRef(address), DeliveryStatus.FAILED,
                        ours, reason, Instant.now()))) {
            practice.publish(Topics.OUTBOUND_STATUS, EventTypes.OUTBOUND_STATUS, UUID.randomUUID().toString(),
                    status.patientRef(), status);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId + "/replies/" + replyId)
                .then().statusCode(200)
                .body("deliveryStatus", equalTo("FAILED"))
                .body("failureReason", equalTo(reason)));
        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200)
                .body("messages.find { it.id == '" + replyId + "' }.channel", equalTo("email"))
                .body("messages.find { it.id == '" + replyId + "' }.deliveryStatus", equalTo("FAILED"))
                .body("messages.find { it.id == '" + replyId + "' }.failureReason", equalTo(reason));
    }
}
