package org.carethread.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.routing.DirectoryStaff.PATIENCE;
import static org.carethread.routing.DirectoryStaff.admin;
import static org.carethread.routing.DirectoryStaff.awaitKeyed;
import static org.carethread.routing.DirectoryStaff.database;
import static org.carethread.routing.DirectoryStaff.onVertx;
import static org.carethread.routing.DirectoryStaff.read;
import static org.carethread.routing.DirectoryStaff.recordsKeyed;
import static org.carethread.routing.DirectoryStaff.token;
import static org.carethread.routing.DirectoryStaff.type;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.PeerEvents;
import org.carethread.routing.service.ScheduleAnnouncements;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.LocationHoursSet;
import org.carethread.schemas.events.StaffAwayCleared;
import org.carethread.schemas.events.StaffAwaySet;
import org.carethread.schemas.practice.OpeningHours;
import org.carethread.schemas.practice.OpeningHours.Interval;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * conversation-service learns locations' hours and who is away from practice.schedule, as a peer reads it here: what
 * routing had at start-up, each change in the transaction that made it, and nothing for a change that was refused.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class ScheduleAnnouncementTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Interval MORNING = new Interval(LocalTime.of(8, 0), LocalTime.of(12, 30));
    private static final Interval AFTERNOON = new Interval(LocalTime.of(13, 30), LocalTime.of(17, 0));
    private static final Interval ALL_DAY = new Interval(LocalTime.of(8, 0), LocalTime.of(17, 0));
    private static final Map<LocalDate, String> US_HOLIDAYS = Map.of(LocalDate.of(2026, 11, 26), "Thanksgiving",
            LocalDate.of(2026, 12, 25), "Christmas Day", LocalDate.of(2027, 1, 1), "New Year's Day");

    @Inject
    ScheduleAnnouncements announcements;

    @Test
    void atStartUpRoutingAnnouncesTheSeededHoursOfNorthAndSouthOnce() {
        LocationHoursSet north = announcedAtStartUp("north");
        assertEquals("north", north.locationCode());
        assertEquals(new OpeningHours(NEW_YORK, weekdays(MORNING, AFTERNOON), US_HOLIDAYS), north.openingHours(),
                "North: weekdays with the lunch break, US holidays, New York time");
        LocationHoursSet south = announcedAtStartUp("south");
        assertEquals(new OpeningHours(NEW_YORK, weekdays(ALL_DAY), US_HOLIDAYS), south.openingHours(),
                "South: weekdays 8 to 5, US holidays, New York time");

        // Announced already: a second instance starting (or this one restarting) sends nothing more.
        assertEquals(0, onVertx(announcements::announceUnannounced));
        assertEquals(north, announcedAtStartUp("north"));
        assertEquals(south, announcedAtStartUp("south"));
    }

    @Test
    void aPracticeAdminsNewHoursGoOutOnceWithTheWholeWeekAndHolidays() {
        String closure = "Staff training " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Map<String, Object> south = given().auth().oauth2(admin()).when().get("/api/routing/locations/south/hours")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        try {
            given().auth().oauth2(admin()).contentType(ContentType.JSON)
                    .body(Map.of("weekly", List.of(
                            Map.of("day", "TUESDAY", "opens", "09:00", "closes", "12:00"),
                            Map.of("day", "TUESDAY", "opens", "13:00", "closes", "18:30"),
                            Map.of("day", "SATURDAY", "opens", "09:00", "closes", "12:00")),
                            "holidays", List.of(Map.of("date", "2026-12-24", "name", closure))))
                    .when().put("/api/routing/locations/south/hours")
                    .then().statusCode(200);

            List<ConsumerRecord<String, String>> announced = await().atMost(PATIENCE)
                    .until(() -> hoursNaming("south", closure), found -> !found.isEmpty());
            assertEquals(1, announced.size(), "one event for one change");
            ConsumerRecord<String, String> record = announced.get(0);
            assertEquals(EventTypes.LOCATION_HOURS_SET, type(record));
            assertEquals("south", PeerEvents.header(record, CloudEventHeaders.SUBJECT));
            LocationHoursSet event = read(record, LocationHoursSet.class);
            assertEquals("ada.admin", event.setBy());
            assertTrue(Duration.between(event.setAt(), Instant.now()).abs().compareTo(PATIENCE) < 0, "set just now");
            Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
            week.put(DayOfWeek.TUESDAY, List.of(new Interval(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                    new Interval(LocalTime.of(13, 0), LocalTime.of(18, 30))));
            week.put(DayOfWeek.SATURDAY, List.of(new Interval(LocalTime.of(9, 0), LocalTime.of(12, 0))));
            assertEquals(new OpeningHours(NEW_YORK, week, Map.of(LocalDate.of(2026, 12, 24), closure)),
                    event.openingHours(), "the week and holidays now in force, nothing of the old ones");

            JsonNode tuesdayMorning = json(record).path("weekly").path(0);
            assertEquals("TUESDAY", tuesdayMorning.path("day").asText());
            assertEquals("09:00:00", tuesdayMorning.path("opens").asText(), "a LocalTime as the schema expects it");
            assertEquals("2026-12-24", json(record).path("holidays").path(0).path("date").asText());
        } finally {
            given().auth().oauth2(admin()).contentType(ContentType.JSON).body(south)
                    .when().put("/api/routing/locations/south/hours")
                    .then().statusCode(200);
        }
    }

    @Test
    void refusedHoursAre422AndAnnounceNothing() {
        String refused = "Refused closure " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        List<Map<String, Object>> holiday = List.of(Map.of("date", "2026-12-31", "name", refused));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("weekly", List.of(Map.of("day", "MONDAY", "opens", "08:00", "closes", "12:30"),
                        Map.of("day", "MONDAY", "opens", "12:00", "closes", "17:00")), "holidays", holiday))
                .when().put("/api/routing/locations/north/hours")
                .then().statusCode(422).body("errors.field", equalTo(List.of("weekly")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("weekly", List.of(Map.of("day", "MONDAY", "opens", "08:00:30", "closes", "17:00")),
                        "holidays", holiday))
                .when().put("/api/routing/locations/north/hours")
                .then().statusCode(422).body("errors.field", equalTo(List.of("weekly")));
        given().auth().oauth2(token("sue.supervisor", "supervisor", "north")).contentType(ContentType.JSON)
                .body(Map.of("weekly", List.of(), "holidays", holiday))
                .when().put("/api/routing/locations/north/hours")
                .then().statusCode(403);

        // The outbox publishes in order: once a later change is out, a refused one would have been out before it.
        Map<String, Object> north = given().auth().oauth2(admin()).when().get("/api/routing/locations/north/hours")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        Instant later = Instant.now();
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(north)
                .when().put("/api/routing/locations/north/hours")
                .then().statusCode(200);
        await().atMost(PATIENCE).until(() -> recordsKeyed(Topics.PRACTICE_SCHEDULE, "north").stream()
                .map(record -> read(record, LocationHoursSet.class))
                .anyMatch(event -> !event.setAt().isBefore(later.truncatedTo(ChronoUnit.MICROS))), found -> found);
        assertEquals(List.of(), hoursNaming("north", refused));
    }

    @Test
    void anAbsenceSetAndEndedIsAnnouncedWithWhoAndWhen() {
        String provider = "dr.away" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        given().auth().oauth2(token(provider, "provider", "north")).contentType(ContentType.JSON)
                .body(Map.of("awayFrom", "2030-08-01T13:00:00Z", "awayUntil", "2030-08-15T13:00:00Z",
                        "coveredBy", "dr.cover"))
                .when().put("/api/routing/absences/" + provider)
                .then().statusCode(200);
        given().auth().oauth2(token("sue.supervisor", "supervisor", "north"))
                .when().delete("/api/routing/absences/" + provider)
                .then().statusCode(204);

        List<ConsumerRecord<String, String>> events = awaitKeyed(Topics.PRACTICE_SCHEDULE, provider, 2);
        assertEquals(2, events.size());
        assertEquals(List.of(EventTypes.STAFF_AWAY_SET, EventTypes.STAFF_AWAY_CLEARED),
                events.stream().map(DirectoryStaff::type).toList());
        StaffAwaySet away = read(events.get(0), StaffAwaySet.class);
        assertEquals(provider, away.staffUser());
        assertEquals(Instant.parse("2030-08-01T13:00:00Z"), away.awayFrom());
        assertEquals(Instant.parse("2030-08-15T13:00:00Z"), away.awayUntil());
        assertEquals("dr.cover", away.coveredBy());
        assertEquals(provider, away.setBy(), "they set it themselves");
        StaffAwayCleared back = read(events.get(1), StaffAwayCleared.class);
        assertEquals(provider, back.staffUser());
        assertEquals("sue.supervisor", back.clearedBy());
        assertFalse(back.clearedAt().isBefore(away.setAt()), "cleared after it was set");
        assertEquals(provider, PeerEvents.header(events.get(1), CloudEventHeaders.SUBJECT));
    }

    @Test
    void endingTheAbsenceOfSomeoneWhoIsNotAwayAnnouncesNothing() {
        String nobody = "not.away" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        given().auth().oauth2(admin()).when().delete("/api/routing/absences/" + nobody)
                .then().statusCode(404);

        // A later change is out, so the refused one would have been too.
        String later = "dr.later" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("awayFrom", "2030-09-01T00:00:00Z", "awayUntil", "2030-09-02T00:00:00Z",
                        "coveredBy", "dr.cover"))
                .when().put("/api/routing/absences/" + later)
                .then().statusCode(200);
        awaitKeyed(Topics.PRACTICE_SCHEDULE, later, 1);
        assertEquals(List.of(), recordsKeyed(Topics.PRACTICE_SCHEDULE, nobody));
    }

    @Test
    void absencesRecordedBeforeAnnouncementsAreAnnouncedOnceEvenByInstancesStartingTogether() throws Exception {
        String current = "dr.before" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String over = "dr.over" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        // As a release without announcements left them: never announced.
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement("insert into staff_absence"
                + " (staff_user, away_from, away_until, covered_by) values (?, ?, ?, 'dr.cover')")) {
            insert.setString(1, current);
            insert.setTimestamp(2, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
            insert.setTimestamp(3, Timestamp.from(Instant.parse("2031-01-01T00:00:00Z")));
            insert.addBatch();
            insert.setString(1, over);
            insert.setTimestamp(2, Timestamp.from(Instant.parse("2025-01-01T00:00:00Z")));
            insert.setTimestamp(3, Timestamp.from(Instant.parse("2025-01-02T00:00:00Z")));
            insert.addBatch();
            insert.executeBatch();
        }

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> onVertx(announcements::announceUnannounced));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> onVertx(announcements::announceUnannounced));
        assertEquals(1, first.get() + second.get(), "one of them announced the one current absence");

        StaffAwaySet away = read(awaitKeyed(Topics.PRACTICE_SCHEDULE, current, 1).get(0), StaffAwaySet.class);
        assertEquals(new StaffAwaySet(current, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2031-01-01T00:00:00Z"), "dr.cover", ScheduleAnnouncements.CARETHREAD, away.setAt()), away);
        assertEquals(1, recordsKeyed(Topics.PRACTICE_SCHEDULE, current).size());
        assertEquals(List.of(), recordsKeyed(Topics.PRACTICE_SCHEDULE, over), "an absence already over is news to nobody");
    }

    /** The one event routing sent on its own for the location (there must be exactly one). */
    private static LocationHoursSet announcedAtStartUp(String location) {
        List<LocationHoursSet> own = await().atMost(PATIENCE).until(() -> recordsKeyed(Topics.PRACTICE_SCHEDULE, location)
                .stream().filter(record -> EventTypes.LOCATION_HOURS_SET.equals(type(record)))
                .map(record -> read(record, LocationHoursSet.class))
                .filter(event -> ScheduleAnnouncements.CARETHREAD.equals(event.setBy())).toList(), found -> !found.isEmpty());
        assertEquals(1, own.size(), location + " announced once");
        return own.get(0);
    }

    private static List<ConsumerRecord<String, String>> hoursNaming(String location, String holidayName) {
        return recordsKeyed(Topics.PRACTICE_SCHEDULE, location).stream()
                .filter(record -> read(record, LocationHoursSet.class).holidays().stream()
                        .anyMatch(holiday -> holidayName.equals(holiday.name())))
                .toList();
    }

    private static Map<DayOfWeek, List<Interval>> weekdays(Interval... intervals) {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(intervals));
        }
        return week;
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return InboundMessages.JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
