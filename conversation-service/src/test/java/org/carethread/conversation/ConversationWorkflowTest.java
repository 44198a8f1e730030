package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.StaffTokens;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationAssigned;
import org.carethread.schemas.events.ConversationEscalated;
import org.carethread.schemas.events.ConversationStatusChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Staff working a conversation to an outcome, as staff members and the peers reading conversation.events see it. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class ConversationWorkflowTest {
    private static final String NORA = "nora.north";
    private static final String NICK = "nick.north";

    @Inject
    ObjectMapper json;

    Practice practice;
    String patient;
    String conversationId;
    ExecutorService colleagues;

    @BeforeEach
    void aPatientWrote() {
        practice = new Practice(json);
        patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "I need my lisinopril refilled");
        conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        colleagues = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopColleagues() {
        colleagues.shutdownNow();
    }

    static String nick() {
        return StaffTokens.issue(NICK, List.of("front-desk"), List.of("north"));
    }

    @Test
    void claimingMakesMeTheOwnerAndIsAnnounced() {
        var claimed = act(Practice.northFrontDesk(), "claim", null).statusCode(200)
                .body("status", equalTo("assigned"))
                .body("assignee", equalTo(NORA))
                .body("version", equalTo(1))
                .extract();
        assertEquals("\"1\"", claimed.header("ETag"));

        ConversationAssigned event = practice.read(awaitEvent(EventTypes.CONVERSATION_ASSIGNED), ConversationAssigned.class);
        assertEquals(NORA, event.assignee());
        assertEquals(null, event.previousAssignee());
        assertEquals("claim", event.action());
        assertEquals(Practice.staffId(NORA), event.staffUserId());
        assertEquals("north-front-desk", event.queue());

        assertTrue(inView(Practice.northFrontDesk(), "mine"));
        assertFalse(inView(Practice.northFrontDesk(), "unassigned"));
        assertFalse(inView(nick(), "mine"));
        // claiming again what I already own changes nothing
        act(Practice.northFrontDesk(), "claim", null).statusCode(200).body("version", equalTo(1));
    }

    @Test
    void aColleagueCannotClaimWhatIHoldAndIsToldWhoHoldsIt() {
        act(Practice.northFrontDesk(), "claim", null).statusCode(200);
        act(nick(), "claim", null).statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Conversation already claimed"))
                .body("detail", containsString(NORA));
        given().auth().oauth2(nick()).when().get("/api/conversations/" + conversationId)
                .then().statusCode(200).body("assignee", equalTo(NORA));
    }

    @Test
    void twoStaffClaimingAtOnceNeverBothWin() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Callable<Integer> noraClaims = () -> {
            go.await();
            return act(Practice.northFrontDesk(), "claim", null).extract().statusCode();
        };
        Callable<Integer> nickClaims = () -> {
            go.await();
            return act(nick(), "claim", null).extract().statusCode();
        };
        Future<Integer> nora = colleagues.submit(noraClaims);
        Future<Integer> nickAnswer = colleagues.submit(nickClaims);
        go.countDown();
        List<Integer> answers = new ArrayList<>(List.of(nora.get(), nickAnswer.get()));
        answers.sort(null);
        assertEquals(List.of(200, 409), answers);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.CONVERSATION_ASSIGNED).size() == 1);
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefused() {
        String etag = given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId)
                .then().statusCode(200).extract().header("ETag");
        assertEquals("\"0\"", etag);
        act(nick(), "assign", Map.of("assignee", NICK), etag).statusCode(200).body("assignee", equalTo(NICK));
        act(Practice.northFrontDesk(), "claim", null, etag).statusCode(412).contentType("application/problem+json")
                .body("title", equalTo("Conversation has changed"));
        act(Practice.northFrontDesk(), "claim", null, "\"soon\"").statusCode(400);
    }

    @Test
    void aHandoffNeedsAReasonWhichStaysOutOfKafkaAndIsSealedAtRest() throws Exception {
        act(Practice.northFrontDesk(), "claim", null).statusCode(200);
        act(Practice.northFrontDesk(), "handoff", Map.of("to", NICK)).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("reason"));
        act(Practice.northFrontDesk(), "handoff", Map.of("to", NICK, "reason", " ")).statusCode(400);
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId)
                .then().body("assignee", equalTo(NORA));

        String reason = "Patient Jane Roe asks about lisinopril dosing";
        act(Practice.northFrontDesk(), "handoff", Map.of("to", NICK, "reason", reason)).statusCode(200)
                .body("assignee", equalTo(NICK)).body("status", equalTo("assigned"));
        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.CONVERSATION_ASSIGNED).size() == 2);
        for (ConsumerRecord<String, String> record : Practice.recordsAbout(Topics.CONVERSATION_EVENTS, conversationId)) {
            assertFalse(record.value().contains("Jane Roe"), "a reason travelled on Kafka");
        }
        try (var db = Practice.database();
                var read = db.prepareStatement("select sealed_reason from conversation_change where conversation_id = ?"
                        + " and action = 'handoff'")) {
            read.setObject(1, UUID.fromString(conversationId));
            var rows = read.executeQuery();
            assertTrue(rows.next());
            assertFalse(rows.getString(1).contains("Jane"), "the reason is stored in clear");
        }
    }

    @Test
    void resolvingNeedsAnOutcomeFromThePracticesList() {
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/outcomes")
                .then().statusCode(200).body("code", hasItems("appointment-confirmed", "rescheduled",
                        "refill-sent-to-provider", "payment-resolved", "intake-completed", "redirected-to-phone",
                        "no-action-needed"));
        act(Practice.northFrontDesk(), "resolve", Map.of("outcome", "fixed-it")).statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Unknown outcome"));
        act(Practice.northFrontDesk(), "resolve", Map.of()).statusCode(400);
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId)
                .then().body("status", equalTo("unassigned")).body("outcome", nullValue());
    }

    @Test
    void thePracticeAdminKeepsTheOutcomeListAndARetiredOneIsNoLongerOffered() {
        String admin = StaffTokens.issue("ada.admin", List.of("practice-admin"), List.of("north"));
        String code = "sent-to-billing-" + (System.nanoTime() % 100000);
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("label", "Sent to billing")).when().put("/api/outcomes/" + code)
                .then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("label", " "))
                .when().put("/api/outcomes/" + code).then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("label", "Sent to billing"))
                .when().put("/api/outcomes/Not_A_Code").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("label", "Sent to billing"))
                .when().put("/api/outcomes/" + code)
                .then().statusCode(200).body("active", equalTo(true)).body("position", greaterThan(7));

        act(Practice.northFrontDesk(), "resolve", Map.of("outcome", code)).statusCode(200)
                .body("outcome", equalTo(code));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("label", "Sent to billing (old)", "active", false))
                .when().put("/api/outcomes/" + code).then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/outcomes")
                .then().body("code", not(hasItem(code)));
        given().auth().oauth2(admin).when().get("/api/outcomes?all=true")
                .then().body("find { it.code == '" + code + "' }.label", equalTo("Sent to billing (old)"));
        act(Practice.northFrontDesk(), "resolve", Map.of("outcome", code)).statusCode(400);
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId)
                .then().body("outcome", equalTo(code));
    }

    @Test
    void aNewPatientMessageReopensAResolvedConversationForItsOwner() {
        act(Practice.northFrontDesk(), "claim", null).statusCode(200);
        act(Practice.northFrontDesk(), "resolve", Map.of("outcome", "refill-sent-to-provider")).statusCode(200)
                .body("status", equalTo("resolved")).body("outcome", equalTo("refill-sent-to-provider"));
        assertTrue(inView(Practice.northFrontDesk(), "resolved"));
        // claiming moved it from unassigned to assigned, resolving from assigned to resolved
        List<ConversationStatusChanged> moves = await().atMost(Duration.ofSeconds(20))
                .until(() -> events(EventTypes.CONVERSATION_STATUS_CHANGED).stream()
                        .map(r -> practice.read(r, ConversationStatusChanged.class)).toList(), m -> m.size() == 2);
        assertEquals(List.of("assigned", "resolved"), moves.stream().map(ConversationStatusChanged::status).toList());
        assertEquals("refill-sent-to-provider", moves.get(1).outcome());
        assertEquals(Practice.staffId(NORA), moves.get(1).staffUserId());

        practice.decide(patient, "north", "Thanks! One more question");
        Map<String, Object> entry = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Practice.inboxEntry(Practice.northFrontDesk(), patient),
                        e -> e.isPresent() && "assigned".equals(e.get().get("status"))).orElseThrow();
        assertEquals(conversationId, entry.get("id"), "the same conversation is reopened, not a new one");
        assertEquals(NORA, entry.get("assignee"));
        assertEquals(2, ((Number) entry.get("messageCount")).intValue());
        assertEquals(null, entry.get("outcome"));

        await().atMost(Duration.ofSeconds(20)).until(() -> events(EventTypes.CONVERSATION_STATUS_CHANGED).stream()
                .map(r -> practice.read(r, ConversationStatusChanged.class))
                .anyMatch(e -> "patient-message".equals(e.cause()) && "assigned".equals(e.status())
                        && "resolved".equals(e.previousStatus()) && e.staffUserId() == null));
    }

    @Test
    void aReplyLeavesItAwaitingThePatientUntilTheyWrite() {
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", "We sent it to Dr. Lee.")).when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202);
        assertTrue(inView(Practice.northFrontDesk(), "awaiting-patient"));
        practice.decide(patient, "north", "Great, thanks");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Practice.inboxEntry(Practice.northFrontDesk(), patient),
                        e -> e.isPresent() && "unassigned".equals(e.get().get("status")));
    }

    @Test
    void aSnoozeMustEndInTheFutureAndComesBackWhenItDoes() {
        act(Practice.northFrontDesk(), "snooze", Map.of("until", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString()))
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("future"));
        act(Practice.northFrontDesk(), "snooze", Map.of("until", "tomorrow morning")).statusCode(400);

        act(Practice.northFrontDesk(), "claim", null).statusCode(200);
        String until = OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusSeconds(3).toString();
        act(Practice.northFrontDesk(), "snooze", Map.of("until", until)).statusCode(200)
                .body("status", equalTo("snoozed"));
        assertTrue(inView(Practice.northFrontDesk(), "snoozed"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Practice.inboxEntry(Practice.northFrontDesk(), patient),
                        e -> e.isPresent() && "assigned".equals(e.get().get("status")));
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId + "/history")
                .then().statusCode(200).body("action", equalTo(List.of("claim", "snooze", "snooze-ended")))
                .body("actorName", equalTo(List.of(NORA, NORA, "system")));
    }

    @Test
    void theHistoryListsEveryChangeInOrderWithWhoAndWhy() {
        act(Practice.northFrontDesk(), "claim", null).statusCode(200);
        act(Practice.northFrontDesk(), "handoff", Map.of("to", NICK, "reason", "Nick handles refills")).statusCode(200);
        act(nick(), "escalate", Map.of("kind", "clinical-review", "reason", "Dose question for the provider"))
                .statusCode(200).body("escalation", equalTo("clinical-review"));
        act(nick(), "escalate", Map.of("kind", "the-boss", "reason", "x")).statusCode(400);
        act(nick(), "assign", Map.of("queue", "north-nurses")).statusCode(200)
                .body("status", equalTo("unassigned")).body("queue", equalTo("north-nurses")).body("assignee", nullValue());
        act(nick(), "assign", Map.of("queue", "north-nurses", "assignee", NORA)).statusCode(400);
        act(nick(), "resolve", Map.of("outcome", "refill-sent-to-provider")).statusCode(200);
        act(nick(), "reopen", null).statusCode(200).body("status", equalTo("unassigned"));

        var history = given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId + "/history")
                .then().statusCode(200);
        history.body("action", equalTo(List.of("claim", "handoff", "escalate", "assign", "resolve", "reopen")))
                .body("actorName", equalTo(List.of(NORA, NORA, NICK, NICK, NICK, NICK)))
                .body("actorId[0]", equalTo(Practice.staffId(NORA)))
                .body("reason[1]", equalTo("Nick handles refills"))
                .body("reason[2]", equalTo("Dose question for the provider"))
                .body("assignee[1]", equalTo(NICK))
                .body("outcome[4]", equalTo("refill-sent-to-provider"));
        List<String> times = history.extract().jsonPath().getList("at");
        assertEquals(times.stream().sorted().toList(), times);

        ConversationEscalated escalated = practice.read(awaitEvent(EventTypes.CONVERSATION_ESCALATED),
                ConversationEscalated.class);
        assertEquals("clinical-review", escalated.kind());
        assertEquals(Practice.staffId(NICK), escalated.staffUserId());
        // reading the history shows staff-written reasons, so it is an audited PHI read
        await().atMost(Duration.ofSeconds(20)).until(() -> Practice.recordsAbout(Topics.AUDIT_ACCESS, conversationId)
                .stream().anyMatch(r -> r.value().contains("conversation.history.read")));
    }

    @Test
    void staffOfAnotherLocationGetNotFoundOnEveryActionAndChangeNothing() {
        String south = Practice.southFrontDesk();
        List<Map.Entry<String, Map<String, String>>> actions = List.of(
                Map.entry("claim", Map.of()),
                Map.entry("assign", Map.of("assignee", "sam.south")),
                Map.entry("handoff", Map.of("to", "sam.south", "reason", "mine now")),
                Map.entry("escalate", Map.of("kind", "supervisor", "reason", "look")),
                Map.entry("snooze", Map.of("until", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString())),
                Map.entry("resolve", Map.of("outcome", "no-action-needed")),
                Map.entry("reopen", Map.of()));
        for (var action : actions) {
            act(south, action.getKey(), action.getValue()).statusCode(404).contentType("application/problem+json")
                    .body("title", equalTo("Conversation not found"));
        }
        given().auth().oauth2(south).when().get("/api/conversations/" + conversationId + "/history")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId + "/history")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId)
                .then().body("status", equalTo("unassigned")).body("version", equalTo(0));
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations?view=later")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private ValidatableResponse act(String token, String action, Map<String, ?> body) {
        return act(token, action, body, null);
    }

    private ValidatableResponse act(String token, String action, Map<String, ?> body, String ifMatch) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/conversations/" + conversationId + "/" + action).then();
    }

    private boolean inView(String token, String view) {
        List<String> ids = given().auth().oauth2(token).when().get("/api/conversations?limit=200&view=" + view)
                .then().statusCode(200).extract().jsonPath().getList("id");
        return ids.contains(conversationId);
    }

    private List<ConsumerRecord<String, String>> events(String type) {
        return Practice.recordsAbout(Topics.CONVERSATION_EVENTS, conversationId).stream()
                .filter(r -> type.equals(Practice.header(r, CloudEventHeaders.TYPE))).toList();
    }

    private ConsumerRecord<String, String> awaitEvent(String type) {
        Optional<ConsumerRecord<String, String>> found = await().atMost(Duration.ofSeconds(20))
                .until(() -> events(type).stream().findFirst(), Optional::isPresent);
        ConsumerRecord<String, String> record = found.orElseThrow();
        assertEquals(Practice.patientRef(patient), record.key());
        return record;
    }
}
