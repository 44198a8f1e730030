package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.StaffTokens;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.PhiAccessed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Staff searching conversations (POST /api/conversations/search) through the real broker and database: words of the
 * patient's messages and of the practice's replies, found through blind indexes only, within the caller's locations,
 * with filters that combine, and every search on the audit topic.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class ConversationSearchTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    Practice practice;

    @BeforeEach
    void setUp() {
        practice = new Practice(json);
    }

    @Test
    void wordsAreFoundWhateverTheirCaseAndAccentsAndAllMustOccur() {
        String word = newWord();
        String patient = Practice.newPatientNumber();
        // The patient writes the word in capitals with an accent; staff search for it plain.
        practice.decide(patient, "north", "Bonjour, la CRÈME " + word.toUpperCase() + "É ne marche pas!");
        String id = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");

        assertEquals(List.of(id), ids(search(Practice.northFrontDesk(), Map.of("words", word + "e"))));
        assertEquals(List.of(id), ids(search(Practice.northFrontDesk(), Map.of("words", "creme " + word + "E"))));
        // Both words must occur: one the conversation lacks excludes it.
        assertEquals(List.of(), ids(search(Practice.northFrontDesk(), Map.of("words", "creme " + newWord()))));
        // A whole word, not a part of one.
        assertEquals(List.of(), ids(search(Practice.northFrontDesk(), Map.of("words", word))));
    }

    @Test
    void wordsOfStaffRepliesAndAutomaticRepliesAreFound() {
        String replyWord = newWord();
        String autoWord = newWord();
        String patient = Practice.newPatientNumber();
        practice.decision(patient, "north", "Are you open tonight?")
                .autoReply("after-hours", "We are closed; we answer " + autoWord + " tomorrow.", "en").publish();
        String id = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        assertEquals(List.of(), ids(search(Practice.northFrontDesk(), Map.of("words", replyWord))));

        given().auth().oauth2(Practice.northFrontDesk())
                .contentType(ContentType.JSON).body(Map.of("text", "Yes, until nine: " + replyWord + "."))
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(202);

        assertEquals(List.of(id), ids(search(Practice.northFrontDesk(), Map.of("words", replyWord))));
        assertEquals(List.of(id), ids(search(Practice.northFrontDesk(), Map.of("words", autoWord))));
        // A word of the patient's and one of the reply: each occurs in some message of the conversation.
        assertEquals(List.of(id), ids(search(Practice.northFrontDesk(), Map.of("words", "tonight " + replyWord))));
    }

    @Test
    void anotherLocationsConversationIsNeverFound() {
        String word = newWord();
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "south", "The south clinic " + word + " please");
        String id = (String) Practice.awaitInboxEntry(Practice.southFrontDesk(), patient).get("id");

        assertEquals(List.of(), ids(search(Practice.northFrontDesk(), Map.of("words", word))));
        assertEquals(List.of(), ids(search(Practice.northFrontDesk(), Map.of("phone", patient))));
        assertEquals(List.of(id), ids(search(Practice.southFrontDesk(), Map.of("words", word))));
        String nowhere = StaffTokens.issue("new.hire", List.of("front-desk"), List.of());
        assertEquals(List.of(), ids(search(nowhere, Map.of("words", word))));
    }

    @Test
    void filtersByStatusQueueAssigneeCategoryPriorityPatientAndDatesCombine() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        String word = newWord();
        String refillPatient = Practice.newPatientNumber();
        String billingPatient = Practice.newPatientNumber();
        String directoryId = "patient-" + UUID.randomUUID();
        practice.decision(refillPatient, "north", "Refill please " + word).queue("north-refills")
                .triage("refill", "routine", "low").identity("matched", directoryId).publish();
        practice.decision(billingPatient, "north", "My bill is wrong " + word).queue("north-billing")
                .triage("billing", "urgent", "high").publish();
        String refill = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), refillPatient).get("id");
        String billing = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), billingPatient).get("id");
        given().auth().oauth2(Practice.northFrontDesk())
                .when().post("/api/conversations/" + refill + "/claim")
                .then().statusCode(200);
        String token = Practice.northFrontDesk();

        // High first, as the inbox sorts.
        assertEquals(List.of(billing, refill), ids(search(token, Map.of("words", word))));
        assertEquals(List.of(refill), ids(search(token, Map.of("words", word, "status", "assigned"))));
        assertEquals(List.of(billing, refill),
                ids(search(token, Map.of("words", word, "status", List.of("assigned", "unassigned")))));
        assertEquals(List.of(billing), ids(search(token, Map.of("words", word, "status", List.of("unassigned")))));
        assertEquals(List.of(refill), ids(search(token, Map.of("words", word, "assignee", "nora.north"))));
        assertEquals(List.of(billing), ids(search(token, Map.of("words", word, "queue", "north-billing"))));
        assertEquals(List.of(refill), ids(search(token, Map.of("words", word, "category", "refill"))));
        assertEquals(List.of(billing), ids(search(token, Map.of("words", word, "priority", "high"))));
        assertEquals(List.of(refill), ids(search(token, Map.of("patientId", directoryId))));
        assertEquals(List.of(), ids(search(token, Map.of("words", word, "category", "refill",
                "queue", "north-billing"))));
        assertEquals(List.of(), ids(search(token, Map.of("words", word, "assignee", "nora.north",
                "status", "unassigned"))));

        Instant later = Instant.now().plusSeconds(300);
        assertEquals(List.of(billing, refill), ids(search(token, Map.of("words", word,
                "from", start.toString(), "to", later.toString()))));
        assertEquals(List.of(), ids(search(token, Map.of("words", word, "from", later.toString()))));
        assertEquals(List.of(), ids(search(token, Map.of("words", word, "to", start.toString()))));
        // Only dates: the window around this test holds both.
        assertTrue(ids(search(token, Map.of("from", start.toString(), "limit", 200)))
                .containsAll(List.of(billing, refill)));
    }

    @Test
    void thePatientsPhoneFindsTheirConversation() {
        String patient = Practice.newPatientNumber();
        String other = Practice.newPatientNumber();
        practice.decide(patient, "north", "hello from my phone");
        practice.decide(other, "north", "hello from another phone");
        String id = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        Practice.awaitInboxEntry(Practice.northFrontDesk(), other);

        // Written as staff would type it; the blind index sees its digits only.
        String typed = "+" + patient.charAt(0) + " (" + patient.substring(1, 4) + ") " + patient.substring(4, 7) + "-"
                + patient.substring(7);
        List<Map<String, Object>> found = search(Practice.northFrontDesk(), Map.of("phone", typed));
        assertEquals(List.of(id), ids(found));
        assertEquals(Practice.masked(patient), ((Map<?, ?>) found.get(0).get("patient")).get("address"));
        assertEquals(1, found.get(0).get("messageCount"));
        assertEquals(List.of(), ids(search(Practice.northFrontDesk(), Map.of("phone", patient, "status", "resolved"))));
    }

    @Test
    void resultsComeInPages() {
        String word = newWord();
        List<String> patients = IntStream.range(0, 3).mapToObj(i -> Practice.newPatientNumber()).toList();
        patients.forEach(patient -> practice.decide(patient, "north", "Paging " + word));
        patients.forEach(patient -> Practice.awaitInboxEntry(Practice.northFrontDesk(), patient));

        List<String> all = ids(search(Practice.northFrontDesk(), Map.of("words", word)));
        assertEquals(3, all.size());
        List<String> first = ids(search(Practice.northFrontDesk(), Map.of("words", word, "limit", 2)));
        List<String> second = ids(search(Practice.northFrontDesk(), Map.of("words", word, "limit", 2, "offset", 2)));
        assertEquals(all.subList(0, 2), first);
        assertEquals(all.subList(2, 3), second);
        assertEquals(List.of(), ids(search(Practice.northFrontDesk(), Map.of("words", word, "offset", 3))));
    }

    @Test
    void everySearchIsAuditedPerConversationShownAndOnceWhenNothingMatched() {
        String word = newWord();
        String first = Practice.newPatientNumber();
        String second = Practice.newPatientNumber();
        practice.decide(first, "north", "Audit me " + word);
        practice.decide(second, "north", "Audit me too " + word);
        Set<String> ids = Set.of((String) Practice.awaitInboxEntry(Practice.northFrontDesk(), first).get("id"),
                (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), second).get("id"));
        String username = "searcher." + newWord();
        String token = StaffTokens.issue(username, List.of("nurse", "offline_access"), List.of("north"));

        given().auth().oauth2(token).header("X-Forwarded-For", "203.0.113.9")
                .contentType(ContentType.JSON).body(Map.of("words", word))
                .when().post("/api/conversations/search")
                .then().statusCode(200);
        List<PhiAccessed> found = await().atMost(PATIENCE).until(() -> auditOf(username), r -> r.size() >= 2);
        assertEquals(2, found.size());
        assertEquals(ids, found.stream().map(PhiAccessed::conversationId).collect(Collectors.toSet()));
        assertEquals(Set.of(Practice.patientRef(first), Practice.patientRef(second)),
                found.stream().map(PhiAccessed::patientRef).collect(Collectors.toSet()));
        for (PhiAccessed access : found) {
            assertEquals("conversation.search", access.action());
            assertEquals(List.of("nurse"), access.staffRoles());
            assertEquals("north", access.locationCode());
            assertEquals("203.0.113.9", access.clientAddress());
        }

        given().auth().oauth2(token)
                .contentType(ContentType.JSON).body(Map.of("words", newWord(), "phone", second))
                .when().post("/api/conversations/search")
                .then().statusCode(200).body("size()", equalTo(0));
        List<PhiAccessed> all = await().atMost(PATIENCE).until(() -> auditOf(username), r -> r.size() >= 3);
        assertEquals(3, all.size());
        List<PhiAccessed> nothing = all.stream().filter(access -> access.conversationId() == null).toList();
        assertEquals(1, nothing.size(), "the fruitless search is on record once, without a conversation");
        assertEquals("conversation.search", nothing.get(0).action());
        assertNull(nothing.get(0).patientRef());

        String events = auditRecordsOf(username);
        assertFalse(events.contains(word), "the search terms are never in the audit record");
        assertFalse(events.contains(second), "nor the phone number searched for");
    }

    @Test
    void badInputIsAProblemAndNothingIsRecorded() {
        String username = "careless." + newWord();
        String token = StaffTokens.issue(username, List.of("front-desk"), List.of("north"));
        String secretWord = newWord();
        String phone = Practice.newPatientNumber();
        List<Object> bodies = new ArrayList<>(List.of(
                Map.of(),
                Map.of("limit", 10),
                Map.of("status", "pending"),
                Map.of("status", List.of("assigned", "closed")),
                Map.of("category", "gossip"),
                Map.of("priority", "urgent"),
                Map.of("from", "yesterday"),
                Map.of("to", "2026-13-45T25:00:00Z"),
                Map.of("from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z"),
                Map.of("words", IntStream.range(0, 11).mapToObj(i -> newWord()).collect(Collectors.joining(" "))),
                Map.of("words", secretWord + "x".repeat(51)),
                Map.of("words", "a b c " + secretWord.charAt(0)),
                Map.of("phone", phone, "email", "someone@example.org"),
                Map.of("phone", "call me maybe " + phone),
                Map.of("email", "not-an-address"),
                Map.of("queue", "North Front Desk"),
                Map.of("words", secretWord, "limit", 0),
                Map.of("words", secretWord, "offset", -1)));
        for (Object body : bodies) {
            String detail = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().post("/api/conversations/search")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .extract().path("detail");
            assertFalse(detail.contains(secretWord), "a problem never echoes the words: " + detail);
            assertFalse(detail.contains(phone.substring(4)), "a problem never echoes the phone: " + detail);
        }
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .when().post("/api/conversations/search")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"words\": [")
                .when().post("/api/conversations/search")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("words", secretWord))
                .when().post("/api/conversations/search")
                .then().statusCode(401).contentType("application/problem+json");

        // A good search afterwards is on record; it is the only one, so none of the refused ones was recorded.
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("words", secretWord))
                .when().post("/api/conversations/search")
                .then().statusCode(200);
        List<PhiAccessed> records = await().atMost(PATIENCE).until(() -> auditOf(username), r -> !r.isEmpty());
        assertEquals(1, records.size());
        assertNull(records.get(0).conversationId());
    }

    @Test
    void theTermTableHoldsKeyedIndexesNotWords() throws Exception {
        String word = newWord();
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "Secret symptom " + word + " since Monday");
        String id = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");

        List<String> rows = new ArrayList<>();
        Set<String> terms = new HashSet<>();
        try (var connection = Practice.database();
                var statement = connection.prepareStatement("select t.*, t.term as only_term from message_term t"
                        + " where conversation_id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.append(result.getString(column)).append('|');
                    }
                    rows.add(row.toString().toLowerCase());
                    terms.add(result.getString("only_term"));
                }
            }
        }
        // secret, symptom, the word, since, monday
        assertEquals(5, rows.size());
        assertTrue(terms.contains(TestCrypto.BLIND_INDEX.of("term", word)), "the word is there as its keyed index");
        for (String row : rows) {
            for (String clear : List.of(word, "secret", "symptom", "monday")) {
                assertFalse(row.contains(clear), "a term row holds a word in clear: " + row);
            }
        }
        // Keyed: not a plain hash of the word, which anyone could compute from a dictionary.
        String plainHash = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(word.getBytes(StandardCharsets.UTF_8)));
        assertFalse(terms.contains(plainHash));
    }

    @Test
    void messagesStoredBeforeSearchExistedAreIndexedInTheBackground() throws Exception {
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "first message");
        String id = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        String word = newWord();
        UUID earlier = UUID.randomUUID();
        // As V7 found the rows already there: stored, not indexed.
        try (var connection = Practice.database();
                var insert = connection.prepareStatement("insert into message (id, conversation_id, direction,"
                        + " channel, sealed_text, occurred_at, source_event_id, terms_indexed)"
                        + " values (?, ?, 'inbound', 'sms', ?, ?, ?, false)")) {
            insert.setObject(1, earlier);
            insert.setObject(2, UUID.fromString(id));
            insert.setString(3, TestCrypto.CIPHER.seal("An older note about " + word));
            insert.setTimestamp(4, Timestamp.from(Instant.now().minusSeconds(3600)));
            insert.setString(5, UUID.randomUUID().toString());
            insert.executeUpdate();
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(List.of(id),
                ids(search(Practice.northFrontDesk(), Map.of("words", word)))));
        try (var connection = Practice.database();
                var query = connection.prepareStatement("select terms_indexed from message where id = ?")) {
            query.setObject(1, earlier);
            try (var result = query.executeQuery()) {
                assertTrue(result.next());
                assertTrue(result.getBoolean(1), "marked done, so it is not indexed again");
            }
        }
    }

    @Test
    void theApiDescriptionDocumentsTheSearch() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/conversations/search'.post.responses.keySet()",
                        hasItems("200", "400", "401", "403"))
                .body("paths.'/api/conversations/search'.post", hasKey("requestBody"))
                .body("paths.'/api/conversations/search'.post", not(hasKey("parameters")))
                .body("paths.'/api/conversations/search'.post.description", containsString("conversation.search"))
                .body("components.schemas.SearchRequest.properties.keySet()",
                        hasItems("patientId", "phone", "email", "status", "queue", "assignee", "category",
                                "priority", "from", "to", "words", "limit", "offset"));
    }

    private static List<Map<String, Object>> search(String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(new HashMap<>(body))
                .when().post("/api/conversations/search")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getList("$");
    }

    private static List<String> ids(List<Map<String, Object>> summaries) {
        return summaries.stream().map(summary -> (String) summary.get("id")).toList();
    }

    /** The search records of one staff member on audit.access, in the order published. */
    private List<PhiAccessed> auditOf(String username) {
        String staffId = Practice.staffId(username);
        return KafkaBroker.shared().readAll(Topics.AUDIT_ACCESS, Duration.ofSeconds(1)).stream()
                .map(record -> practice.read(record, PhiAccessed.class))
                .filter(access -> staffId.equals(access.staffUserId()))
                .toList();
    }

    private String auditRecordsOf(String username) {
        String staffId = Practice.staffId(username);
        return KafkaBroker.shared().readAll(Topics.AUDIT_ACCESS, Duration.ofSeconds(1)).stream()
                .map(record -> record.value())
                .filter(value -> value.contains(staffId))
                .collect(Collectors.joining("\n"));
    }

    /** A word no other test writes: ten random letters. */
    private static String newWord() {
        return RANDOM.ints(10, 'a', 'z' + 1).mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
    }
}
