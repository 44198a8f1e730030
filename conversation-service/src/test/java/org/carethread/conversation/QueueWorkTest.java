package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.StaffTokens;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationAssigned;
import org.carethread.schemas.events.ConversationTargetFlagged;
import org.carethread.schemas.events.LocationHoursSet;
import org.carethread.schemas.events.StaffAwayCleared;
import org.carethread.schemas.events.StaffAwaySet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Queue work as the practice admin sets it up: auto-assignment (round robin, least loaded, caps, passing by people
 * routing says are out of office), the return timer, and response targets counted in the location's business hours,
 * with their flags on conversation.events and the times recorded for reports. Each test works its own queue, so the
 * rest of the suite's conversations are never handed out. Where a test needs time to pass (a return timer of
 * minutes, a target nearly used), it moves the conversation's clock back in PostgreSQL, as the minutes would.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class QueueWorkTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    ObjectMapper json;

    Practice practice;
    String queue;

    @BeforeEach
    void aQueueOfItsOwn() {
        practice = new Practice(json);
        queue = "north-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String admin() {
        return StaffTokens.issue("ada.admin", List.of("practice-admin"), List.of("north"));
    }

    static String staff(String username) {
        return StaffTokens.issue(username, List.of("front-desk"), List.of("north"));
    }

    @Test
    void roundRobinTakesTurnsAndPassesByWhoeverIsOutOfOffice() {
        String amy = unique("amy");
        String ben = unique("ben");
        String cal = unique("cal");
        setUp(Map.of("locationCode", "north", "assignment", "round-robin", "members", List.of(amy, ben, cal)));
        away(ben, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(8)));

        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // one at a time, so the turns follow the order the patients wrote in
            String id = arrive(Practice.newPatientNumber());
            owners.add(awaitOwner(id));
        }
        assertEquals(List.of(amy, cal, amy), owners, "ben is away; amy and cal take turns");

        String id = arrive(Practice.newPatientNumber());
        assertEquals(cal, awaitOwner(id));
        List<Map<String, Object>> history = history(id);
        Map<String, Object> last = history.get(history.size() - 1);
        assertEquals("auto-assign", last.get("action"));
        assertEquals("system", last.get("actorName"));
        ConversationAssigned event = practice.read(awaitEvent(id, EventTypes.CONVERSATION_ASSIGNED),
                ConversationAssigned.class);
        assertEquals("auto-assign", event.action());
        assertEquals(cal, event.assignee());
        assertNull(event.staffUserId(), "nobody on the staff did it");

        // ben is back: routing clears his absence, and the next turn after cal's is his
        practice.publish(Topics.PRACTICE_SCHEDULE, EventTypes.STAFF_AWAY_CLEARED, UUID.randomUUID().toString(), ben,
                new StaffAwayCleared(ben, ben, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> !staffAway().contains(ben));
        String afterReturn = arrive(Practice.newPatientNumber());
        assertEquals(amy, awaitOwner(afterReturn), "the turn after cal's is amy's (members in the admin's order)");
        assertEquals(ben, awaitOwner(arrive(Practice.newPatientNumber())));
    }

    @Test
    void leastLoadedGivesWorkToWhoeverOwnsLeastAndACapMakesTheRestWait() throws Exception {
        String dan = unique("dan");
        String eve = unique("eve");
        setUp(Map.of("locationCode", "north", "assignment", "least-loaded", "openCap", 1,
                "members", List.of(dan, eve)));

        String first = arrive(Practice.newPatientNumber());
        String firstOwner = awaitOwner(first);
        String second = arrive(Practice.newPatientNumber());
        String secondOwner = awaitOwner(second);
        assertEquals(dan, firstOwner, "nobody owns any: the first member in the admin's order");
        assertEquals(eve, secondOwner, "dan owns one, eve none");

        String third = arrive(Practice.newPatientNumber());
        Thread.sleep(3000); // three beats of the assignment desk
        Map<String, Object> waiting = summary(third);
        assertEquals("unassigned", waiting.get("status"), "both are at the cap of 1: it waits in the queue");

        // the first owner resolves theirs: they are under the cap again and the waiting one is theirs
        given().auth().oauth2(staff(firstOwner)).contentType(ContentType.JSON)
                .body(Map.of("outcome", "no-action-needed"))
                .when().post("/api/conversations/" + first + "/resolve")
                .then().statusCode(200);
        assertEquals(firstOwner, awaitOwner(third));
    }

    @Test
    void anOwnerWhoDoesNotAnswerInTimeLosesTheConversationAndSupervisorsHearOfIt() throws Exception {
        setUp(Map.of("locationCode", "north", "assignment", "none", "returnAfterMinutes", 10));
        String id = arrive(Practice.newPatientNumber());
        String nora = unique("nora");
        given().auth().oauth2(staff(nora)).when().post("/api/conversations/" + id + "/claim")
                .then().statusCode(200).body("assignee", equalTo(nora));

        Thread.sleep(2500);
        assertEquals(nora, summary(id).get("assignee"), "nine minutes to go: it stays hers");

        passMinutes(id, 11);
        await().atMost(Duration.ofSeconds(20)).until(() -> "unassigned".equals(summary(id).get("status")));
        assertNull(summary(id).get("assignee"));
        ConversationAssigned returned = practice.read(awaitEvent(id, EventTypes.CONVERSATION_ASSIGNED,
                r -> r.value().contains("\"returned\"")), ConversationAssigned.class);
        assertEquals(nora, returned.previousAssignee());
        assertNull(returned.assignee());
        List<Map<String, Object>> history = history(id);
        Map<String, Object> last = history.get(history.size() - 1);
        assertEquals("returned", last.get("action"));
        assertEquals("Not answered by " + nora + " within 10 minutes", last.get("reason"));
    }

    @Test
    void inARoundRobinQueueAReturnGoesToTheNextPerson() throws Exception {
        String fay = unique("fay");
        String gus = unique("gus");
        setUp(Map.of("locationCode", "north", "assignment", "round-robin", "returnAfterMinutes", 5,
                "members", List.of(fay, gus)));
        String id = arrive(Practice.newPatientNumber());
        assertEquals(fay, awaitOwner(id));

        passMinutes(id, 6);
        await().atMost(Duration.ofSeconds(20)).until(() -> gus.equals(summary(id).get("assignee")));
        ConversationAssigned returned = practice.read(awaitEvent(id, EventTypes.CONVERSATION_ASSIGNED,
                r -> r.value().contains("\"returned\"")), ConversationAssigned.class);
        assertEquals(fay, returned.previousAssignee());
        assertEquals(gus, returned.assignee());
    }

    @Test
    void aWaitNearItsTargetIsFlaggedThenOverdueAndTheAnswerIsRecordedAgainstIt() throws Exception {
        setUp(Map.of("locationCode", "north", "assignment", "none",
                "responseTargets", List.of(Map.of("priority", "normal", "minutes", 10, "businessHours", false))));
        String patient = Practice.newPatientNumber();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        practice.decision(patient, "north", "Can someone call me back about my results?").queue(queue)
                .triage("test-results", "routine", "normal").clockStartsAt(started).publish();
        String id = awaitConversation(patient);

        Map<String, Object> onTime = await().atMost(Duration.ofSeconds(20))
                .until(() -> summary(id), s -> s.get("responseDueAt") != null);
        assertEquals(started.plus(Duration.ofMinutes(10)), Instant.parse((String) onTime.get("responseDueAt")));
        assertNull(onTime.get("targetFlag"));
        assertFalse(inAging(id));

        passMinutes(id, 9);
        await().atMost(Duration.ofSeconds(20)).until(() -> "approaching".equals(summary(id).get("targetFlag")));
        ConversationTargetFlagged approaching = practice.read(awaitEvent(id,
                EventTypes.CONVERSATION_TARGET_FLAGGED, r -> r.value().contains("\"approaching\"")),
                ConversationTargetFlagged.class);
        assertEquals(queue, approaching.queue());
        assertEquals("normal", approaching.priority());
        assertEquals(started.minus(Duration.ofMinutes(9)).plus(Duration.ofMinutes(10)), approaching.dueAt());
        assertTrue(inAging(id));

        passMinutes(id, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> "overdue".equals(summary(id).get("targetFlag")));
        awaitEvent(id, EventTypes.CONVERSATION_TARGET_FLAGGED, r -> r.value().contains("\"overdue\""));
        assertEquals(1, events(id, EventTypes.CONVERSATION_TARGET_FLAGGED).stream()
                .filter(r -> r.value().contains("\"approaching\"")).count(), "each flag is raised once");

        String nora = unique("nora");
        given().auth().oauth2(staff(nora)).contentType(ContentType.JSON)
                .body(Map.of("text", "We will call you this afternoon."))
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> summary(id).get("responseDueAt") == null);
        assertNull(summary(id).get("targetFlag"), "answered: nobody waits on staff");
        assertFalse(inAging(id));

        try (Connection db = Practice.database(); PreparedStatement query = db.prepareStatement(
                "select kind, elapsed_seconds, met_target, staff_user, queue_code from service_time"
                        + " where conversation_id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the answer is recorded");
                assertEquals("first-response", row.getString("kind"));
                assertTrue(row.getLong("elapsed_seconds") >= 11 * 60, "11 minutes waited");
                assertFalse(row.getBoolean("met_target"));
                assertEquals(nora, row.getString("staff_user"));
                assertEquals(queue, row.getString("queue_code"));
                assertFalse(row.next());
            }
        }

        // the supervisor's dashboard counts it; another location's supervisor sees nothing of it; front desk may not ask
        String northSupervisor = StaffTokens.issue("sue.super", List.of("supervisor"), List.of("north"));
        var dashboard = given().auth().oauth2(northSupervisor).when().get("/api/reports/dashboard")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, dashboard.getInt("volumes.find { it.queue == '" + queue + "' }.messages"));
        assertEquals("first-response", dashboard.getString("serviceTimes.find { it.queue == '" + queue + "' }.kind"));
        assertTrue(dashboard.getDouble("serviceTimes.find { it.queue == '" + queue + "' }.medianSeconds") >= 11 * 60);
        assertEquals(0.0, dashboard.getDouble("serviceTimes.find { it.queue == '" + queue + "' }.metTargetShare"));
        assertTrue(dashboard.getList("workload.assignee", String.class).stream().noneMatch(nora::equals),
                "a reply does not make nora the owner");
        var south = given().auth().oauth2(StaffTokens.issue("sol.super", List.of("supervisor"), List.of("south")))
                .when().get("/api/reports/dashboard").then().statusCode(200).extract().jsonPath();
        assertFalse(south.getList("volumes.queue", String.class).contains(queue));
        assertFalse(south.getList("serviceTimes.queue", String.class).contains(queue));
        given().auth().oauth2(staff(nora)).when().get("/api/reports/dashboard").then().statusCode(403);
        given().auth().oauth2(northSupervisor).when().get("/api/reports/dashboard?from=yesterday").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBusinessHoursTargetCountsOnlyTheLocationsOpeningHoursAsRoutingAnnouncedThem() {
        // Mondays to Fridays 8:00-17:00 in New York; Monday 11 January 2027 is a holiday of this test's making
        List<LocationHoursSet.Opening> week = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.add(new LocationHoursSet.Opening(day, LocalTime.of(8, 0), LocalTime.of(17, 0)));
        }
        practice.publish(Topics.PRACTICE_SCHEDULE, EventTypes.LOCATION_HOURS_SET, UUID.randomUUID().toString(),
                "north", new LocationHoursSet("north", NEW_YORK.getId(), week,
                        List.of(new LocationHoursSet.Holiday(LocalDate.of(2027, 1, 11), "Closed for training")),
                        "ada.admin", Instant.now()));
        setUp(Map.of("locationCode", "north", "assignment", "none",
                "responseTargets", List.of(Map.of("priority", "normal", "minutes", 240, "businessHours", true))));

        // Friday 8 January 2027, 15:00: two hours on Friday, the weekend and the holiday count nothing, two on Tuesday
        Instant fridayAfternoon = ZonedDateTime.of(2027, 1, 8, 15, 0, 0, 0, NEW_YORK).toInstant();
        String patient = Practice.newPatientNumber();
        practice.decision(patient, "north", "Please send my school forms").queue(queue)
                .triage("records-forms", "routine", "normal").clockStartsAt(fridayAfternoon).publish();
        String id = awaitConversation(patient);
        Instant tuesdayTen = ZonedDateTime.of(2027, 1, 12, 10, 0, 0, 0, NEW_YORK).toInstant();
        await().atMost(Duration.ofSeconds(20)).until(() -> summary(id),
                s -> Objects.equals(tuesdayTen.toString(), s.get("responseDueAt")));
    }

    @Test
    void onlyPracticeAdminsSetUpTheirOwnLocationsQueuesAndBadSetupsChangeNothing() {
        Map<String, Object> good = Map.of("locationCode", "north", "assignment", "round-robin",
                "members", List.of("amy"));
        given().auth().oauth2(staff("nora.north")).contentType(ContentType.JSON).body(good)
                .when().put("/api/queues/" + queue).then().statusCode(403);
        given().auth().oauth2(StaffTokens.issue("sue.super", List.of("supervisor"), List.of("north")))
                .when().get("/api/queues").then().statusCode(200);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("locationCode", "south", "assignment", "none"))
                .when().put("/api/queues/" + queue).then().statusCode(404)
                .contentType("application/problem+json");
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("locationCode", "north", "assignment", "whoever-is-free"),
                Map.<String, Object>of("locationCode", "north", "assignment", "round-robin"),
                Map.<String, Object>of("locationCode", "north", "assignment", "none", "openCap", 0),
                Map.<String, Object>of("locationCode", "north", "assignment", "none", "returnAfterMinutes", -5),
                Map.<String, Object>of("locationCode", "north", "members", List.of("amy", "amy")),
                Map.<String, Object>of("locationCode", "north", "responseTargets",
                        List.of(Map.of("priority", "soonish", "minutes", 10))))) {
            given().auth().oauth2(admin()).contentType(ContentType.JSON).body(bad)
                    .when().put("/api/queues/" + queue).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", not(containsString("null")));
        }
        given().auth().oauth2(admin()).when().get("/api/queues").then().statusCode(200)
                .body("queues.queue", not(hasItem(queue)));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("targets", List.of(Map.of("priority", "normal", "minutes", 60))))
                .when().put("/api/queues/default-targets").then().statusCode(400);
        given().auth().oauth2(admin()).when().get("/api/queues").then().statusCode(200)
                .body("defaultTargets.find { it.priority == 'normal' }.minutes", equalTo(240));
    }

    private void setUp(Map<String, Object> setup) {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(setup)
                .when().put("/api/queues/" + queue)
                .then().statusCode(200).body("queue", equalTo(queue)).body("updatedBy", equalTo("ada.admin"));
        given().auth().oauth2(admin()).when().get("/api/queues").then().statusCode(200)
                .body("queues.queue", hasItem(queue));
    }

    private void away(String username, Instant from, Instant until) {
        practice.publish(Topics.PRACTICE_SCHEDULE, EventTypes.STAFF_AWAY_SET, UUID.randomUUID().toString(), username,
                new StaffAwaySet(username, from, until, null, username, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> staffAway().contains(username));
    }

    private List<String> staffAway() {
        return given().auth().oauth2(admin()).when().get("/api/queues").then().statusCode(200)
                .extract().jsonPath().getList("staffAway", String.class);
    }

    /** A patient writes into this test's queue; answers the conversation's id. */
    private String arrive(String patient) {
        practice.decision(patient, "north", "I have a question about my appointment").queue(queue).publish();
        return awaitConversation(patient);
    }

    private String awaitConversation(String patient) {
        return (String) Practice.awaitInboxEntry(admin(), patient).get("id");
    }

    private String awaitOwner(String id) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> (String) summary(id).get("assignee"),
                Objects::nonNull);
    }

    private Map<String, Object> summary(String id) {
        return given().auth().oauth2(admin()).when().get("/api/conversations?limit=200")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(c -> id.equals(c.get("id"))).findFirst().orElseThrow();
    }

    private boolean inAging(String id) {
        return given().auth().oauth2(admin()).when().get("/api/conversations?view=aging&limit=200")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class).contains(id);
    }

    private List<Map<String, Object>> history(String id) {
        return given().auth().oauth2(admin()).when().get("/api/conversations/" + id + "/history")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Moves the conversation's clocks back, as if the minutes had passed since it was assigned and the patient wrote. */
    private static void passMinutes(String id, int minutes) throws SQLException {
        try (Connection db = Practice.database(); PreparedStatement update = db.prepareStatement(
                "update conversation set clock_started_at = clock_started_at - make_interval(mins => ?),"
                        + " assigned_at = assigned_at - make_interval(mins => ?) where id = ?")) {
            update.setInt(1, minutes);
            update.setInt(2, minutes);
            update.setObject(3, UUID.fromString(id));
            assertEquals(1, update.executeUpdate());
        }
    }

    private static List<ConsumerRecord<String, String>> events(String id, String type) {
        return Practice.recordsAbout(Topics.CONVERSATION_EVENTS, id).stream()
                .filter(r -> type.equals(Practice.header(r, CloudEventHeaders.TYPE)))
                .toList();
    }

    private static ConsumerRecord<String, String> awaitEvent(String id, String type) {
        return awaitEvent(id, type, r -> true);
    }

    private static ConsumerRecord<String, String> awaitEvent(String id, String type,
            java.util.function.Predicate<ConsumerRecord<String, String>> which) {
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> events(id, type).stream().filter(which).reduce((a, b) -> b).orElse(null),
                        Objects::nonNull);
        assertNotNull(record.key());
        return record;
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 6);
    }
}
