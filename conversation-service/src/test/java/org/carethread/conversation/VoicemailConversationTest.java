package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.OutboundRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A voicemail opens a conversation of its own channel, and it is answered by text to the number that called. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class VoicemailConversationTest {
    private static final String AFTER_HOURS_REPLY = "We are closed now and will call you back in the morning.";

    @Inject
    ObjectMapper json;

    Practice practice;

    @BeforeEach
    void practice() {
        practice = new Practice(json);
    }

    @Test
    void theAutomaticReplyAndTheStaffsReplyToAVoicemailGoOutBySmsToTheCaller() {
        String caller = Practice.newPatientNumber();
        practice.decision(caller, "north", "Please call me back about my test results").channel("voicemail")
                .autoReply("after-hours", AFTER_HOURS_REPLY, "en").publish();
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), caller).get("id");
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId)
                .then().statusCode(200).body("channel", equalTo("voicemail"));

        given().auth().oauth2(Practice.northFrontDesk())
                .contentType(ContentType.JSON).body(Map.of("text", "Your results are normal."))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202);

        List<OutboundRequested> requests = await().atMost(Duration.ofSeconds(30))
                .until(() -> Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId), r -> r.size() == 2)
                .stream().map(r -> practice.read(r, OutboundRequested.class)).toList();
        for (OutboundRequested request : requests) {
            assertEquals("sms", request.channel(), "a voicemail is answered by text");
            assertEquals(caller, TestCrypto.CIPHER.open(request.sealedTo()), "to the number that called");
        }
        assertEquals(Set.of(AFTER_HOURS_REPLY, "Your results are normal."),
                requests.stream().map(r -> TestCrypto.CIPHER.open(r.sealedText())).collect(Collectors.toSet()));
    }
}
