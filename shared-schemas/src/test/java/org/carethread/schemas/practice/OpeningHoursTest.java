package org.carethread.schemas.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.carethread.schemas.practice.OpeningHours.Interval;
import org.carethread.schemas.practice.OpeningHours.Status;
import org.junit.jupiter.api.Test;

/**
 * A location's hours at an instant and its next opening, judged in the location's own time zone. The hours are the
 * demo North clinic's: weekdays 8:00-12:30 and 13:30-17:00 in New York, closed at weekends, on Thanksgiving
 * (Thursday 2026-11-26) and on Christmas Day (Friday 2026-12-25).
 */
class OpeningHoursTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final OpeningHours NORTH = weekdays(NEW_YORK,
            Map.of(LocalDate.of(2026, 11, 26), "Thanksgiving", LocalDate.of(2026, 12, 25), "Christmas Day"),
            new Interval(LocalTime.of(13, 30), LocalTime.of(17, 0)),
            new Interval(LocalTime.of(8, 0), LocalTime.of(12, 30)));

    @Test
    void openingIsInclusiveClosingExclusiveAndTheLunchBreakIsClosed() {
        assertEquals(Status.AFTER_HOURS, NORTH.statusAt(newYork(2026, 11, 24, 7, 59, 59)));
        assertEquals(Status.BUSINESS_HOURS, NORTH.statusAt(newYork(2026, 11, 24, 8, 0, 0)));
        assertEquals(Status.BUSINESS_HOURS, NORTH.statusAt(newYork(2026, 11, 24, 12, 29, 59)));
        assertEquals(Status.AFTER_HOURS, NORTH.statusAt(newYork(2026, 11, 24, 12, 30, 0)), "lunch");
        assertEquals(Status.AFTER_HOURS, NORTH.statusAt(newYork(2026, 11, 24, 13, 29, 59)), "lunch");
        assertEquals(Status.BUSINESS_HOURS, NORTH.statusAt(newYork(2026, 11, 24, 13, 30, 0)));
        assertEquals(Status.BUSINESS_HOURS, NORTH.statusAt(newYork(2026, 11, 24, 16, 59, 59)));
        assertEquals(Status.AFTER_HOURS, NORTH.statusAt(newYork(2026, 11, 24, 17, 0, 0)));
    }

    @Test
    void duringTheLunchBreakTheNextOpeningIsAfterLunchTheSameDay() {
        assertEquals(newYork(2026, 11, 24, 13, 30, 0), NORTH.nextOpeningAt(newYork(2026, 11, 24, 12, 45, 0)));
        assertEquals(newYork(2026, 11, 24, 8, 0, 0), NORTH.nextOpeningAt(newYork(2026, 11, 24, 2, 0, 0)),
                "before opening: later the same morning");
    }

    @Test
    void whileOpenTheNextOpeningIsNow() {
        Instant open = newYork(2026, 11, 24, 10, 15, 0);
        assertEquals(open, NORTH.nextOpeningAt(open));
    }

    @Test
    void theWeekendIsClosedAndFridayEveningWaitsForMonday() {
        assertEquals(Status.AFTER_HOURS, NORTH.statusAt(newYork(2026, 11, 28, 11, 0, 0)), "Saturday");
        assertEquals(Status.AFTER_HOURS, NORTH.statusAt(newYork(2026, 11, 29, 11, 0, 0)), "Sunday");
        assertNull(NORTH.holidayOn(newYork(2026, 11, 28, 11, 0, 0)), "a weekend is no holiday");

        Instant monday = newYork(2026, 11, 30, 8, 0, 0);
        assertEquals(monday, NORTH.nextOpeningAt(newYork(2026, 11, 27, 17, 0, 0)), "Friday at closing");
        assertEquals(monday, NORTH.nextOpeningAt(newYork(2026, 11, 28, 11, 0, 0)), "Saturday");
        assertEquals(monday, NORTH.nextOpeningAt(newYork(2026, 11, 29, 23, 59, 0)), "Sunday night");
    }

    @Test
    void aHolidayIsClosedAllDayAndNamed() {
        Instant thanksgivingMorning = newYork(2026, 11, 26, 10, 0, 0);
        assertEquals(Status.HOLIDAY, NORTH.statusAt(thanksgivingMorning), "a weekday's hours do not apply");
        assertEquals(Status.HOLIDAY, NORTH.statusAt(newYork(2026, 11, 26, 0, 0, 0)));
        assertEquals(Status.HOLIDAY, NORTH.statusAt(newYork(2026, 11, 26, 23, 59, 59)));
        assertEquals("Thanksgiving", NORTH.holidayOn(thanksgivingMorning));
        assertNull(NORTH.holidayOn(newYork(2026, 11, 25, 10, 0, 0)));
        assertEquals(Status.BUSINESS_HOURS, NORTH.statusAt(newYork(2026, 11, 27, 8, 0, 0)), "open the day after");
    }

    @Test
    void aHolidayIsJudgedByTheLocationsDateNotUtcs() {
        // Thursday 26 November 2026, 01:00 UTC is still Wednesday 20:00 in New York.
        assertEquals(Status.AFTER_HOURS, NORTH.statusAt(Instant.parse("2026-11-26T01:00:00Z")));
        // Friday 27 November 2026, 03:00 UTC is still Thanksgiving evening in New York.
        assertEquals(Status.HOLIDAY, NORTH.statusAt(Instant.parse("2026-11-27T03:00:00Z")));
    }

    @Test
    void theNextOpeningSkipsAHoliday() {
        Instant friday = newYork(2026, 11, 27, 8, 0, 0);
        assertEquals(friday, NORTH.nextOpeningAt(newYork(2026, 11, 25, 18, 0, 0)), "Wednesday evening → Friday");
        assertEquals(friday, NORTH.nextOpeningAt(newYork(2026, 11, 26, 10, 0, 0)), "Thanksgiving → Friday");
    }

    @Test
    void theNextOpeningSkipsAHolidayAndTheWeekendAfterIt() {
        // Christmas Day 2026 is a Friday: Thursday evening waits until Monday 28 December.
        assertEquals(newYork(2026, 12, 28, 8, 0, 0), NORTH.nextOpeningAt(newYork(2026, 12, 24, 17, 30, 0)));
    }

    @Test
    void aHolidayOnAMondayAfterTheWeekendWaitsForTuesday() {
        OpeningHours laborDay = weekdays(NEW_YORK, Map.of(LocalDate.of(2026, 9, 7), "Labor Day"),
                new Interval(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertEquals(newYork(2026, 9, 8, 9, 0, 0), laborDay.nextOpeningAt(newYork(2026, 9, 4, 18, 0, 0)));
    }

    @Test
    void theEndOfDaylightSavingTimeInNewYorkMovesTheOpeningInUtc() {
        // Clocks fall back on Sunday 1 November 2026 at 2:00 (EDT, UTC-4 → EST, UTC-5).
        assertEquals(Status.BUSINESS_HOURS, NORTH.statusAt(Instant.parse("2026-10-30T12:00:00Z")),
                "Friday 8:00 EDT");
        assertEquals(Status.AFTER_HOURS, NORTH.statusAt(Instant.parse("2026-11-02T12:00:00Z")),
                "Monday 7:00 EST, although it is 12:00 UTC as on Friday");
        assertEquals(Status.BUSINESS_HOURS, NORTH.statusAt(Instant.parse("2026-11-02T13:00:00Z")),
                "Monday 8:00 EST");
        assertEquals(Status.BUSINESS_HOURS, NORTH.statusAt(Instant.parse("2026-11-02T21:30:00Z")),
                "Monday 16:30 EST, although 21:30 UTC was 17:30 EDT, closed, on Friday");
        assertEquals(Status.AFTER_HOURS, NORTH.statusAt(Instant.parse("2026-11-02T22:00:00Z")), "Monday 17:00 EST");

        Instant fridayEvening = Instant.parse("2026-10-30T21:30:00Z"); // 17:30 EDT
        assertEquals(Status.AFTER_HOURS, NORTH.statusAt(fridayEvening));
        assertEquals(Instant.parse("2026-11-02T13:00:00Z"), NORTH.nextOpeningAt(fridayEvening),
                "Monday 8:00 EST is 13:00 UTC, not the 12:00 UTC it was on Friday");
    }

    @Test
    void anOpeningOnTheAmbiguousHourOfTheFallBackIsItsFirstOccurrence() {
        // A night clinic open Sundays 01:00-02:00 local: 01:30 happens twice on 1 November 2026.
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SUNDAY, List.of(new Interval(LocalTime.of(1, 0), LocalTime.of(2, 0))));
        OpeningHours night = new OpeningHours(NEW_YORK, week, Map.of());

        assertEquals(Status.BUSINESS_HOURS, night.statusAt(Instant.parse("2026-11-01T05:30:00Z")), "01:30 EDT");
        assertEquals(Status.BUSINESS_HOURS, night.statusAt(Instant.parse("2026-11-01T06:30:00Z")), "01:30 EST");
        assertEquals(Instant.parse("2026-11-01T05:00:00Z"),
                night.nextOpeningAt(Instant.parse("2026-10-31T22:00:00Z")), "01:00 EDT, the earlier offset");
    }

    @Test
    void theStartOfDaylightSavingTimeMovesTheOpeningTheOtherWay() {
        // Clocks spring forward on Sunday 8 March 2026: Friday 17:30 EST → Monday 8:00 EDT (12:00 UTC).
        assertEquals(Instant.parse("2026-03-09T12:00:00Z"), NORTH.nextOpeningAt(Instant.parse("2026-03-06T22:30:00Z")));
    }

    @Test
    void hoursAreJudgedInTheLocationsOwnTimeZone() {
        OpeningHours pacific = weekdays(ZoneId.of("America/Los_Angeles"), Map.of(),
                new Interval(LocalTime.of(8, 0), LocalTime.of(17, 0)));
        Instant tenInNewYork = newYork(2026, 11, 24, 10, 0, 0); // 7:00 in Los Angeles
        assertEquals(Status.AFTER_HOURS, pacific.statusAt(tenInNewYork));
        assertEquals(Instant.parse("2026-11-24T16:00:00Z"), pacific.nextOpeningAt(tenInNewYork), "8:00 PST");
        assertEquals(Status.BUSINESS_HOURS, pacific.statusAt(newYork(2026, 11, 24, 18, 0, 0)), "15:00 PST");
    }

    @Test
    void aLocationWithNoHoursIsNeverOpenAndHasNoNextOpening() {
        OpeningHours none = new OpeningHours(NEW_YORK, Map.of(), Map.of());
        Instant tuesday = newYork(2026, 11, 24, 10, 0, 0);
        assertEquals(Status.AFTER_HOURS, none.statusAt(tuesday));
        assertNull(none.nextOpeningAt(tuesday));

        OpeningHours onlyHolidays = new OpeningHours(NEW_YORK, Map.of(), Map.of(LocalDate.of(2026, 11, 24), "Closed"));
        assertEquals(Status.HOLIDAY, onlyHolidays.statusAt(tuesday));
        assertNull(onlyHolidays.nextOpeningAt(tuesday));
    }

    @Test
    void intervalsAreTriedInOrderWhateverOrderTheyWereGivenIn() {
        // NORTH lists the afternoon before the morning: the next opening before dawn is still 8:00.
        assertEquals(newYork(2026, 11, 25, 8, 0, 0), NORTH.nextOpeningAt(newYork(2026, 11, 24, 17, 0, 0)));
    }

    @Test
    void businessTimeSkipsLunchNightsWeekendsAndHolidays() {
        Instant tuesdayEleven = newYork(2026, 11, 24, 11, 0, 0);
        assertEquals(newYork(2026, 11, 24, 11, 15, 0), NORTH.plusBusinessTime(tuesdayEleven, Duration.ofMinutes(15)));
        assertEquals(newYork(2026, 11, 24, 15, 0, 0), NORTH.plusBusinessTime(tuesdayEleven, Duration.ofHours(3)),
                "1.5 h before lunch, 1.5 h after it (from 13:30)");
        // Wednesday 16:00 + 4 h: 1 h on Wednesday, Thanksgiving closed, 3 h on Friday morning.
        assertEquals(newYork(2026, 11, 27, 11, 0, 0),
                NORTH.plusBusinessTime(newYork(2026, 11, 25, 16, 0, 0), Duration.ofHours(4)));
        assertEquals(newYork(2026, 11, 30, 10, 0, 0),
                NORTH.plusBusinessTime(newYork(2026, 11, 28, 22, 0, 0), Duration.ofHours(2)), "Saturday → Monday");
        assertNull(new OpeningHours(NEW_YORK, Map.of(), Map.of()).plusBusinessTime(tuesdayEleven, Duration.ofHours(1)));
    }

    @Test
    void businessTimeBetweenCountsOnlyOpeningIntervals() {
        assertEquals(Duration.ofHours(3), NORTH.businessTimeBetween(newYork(2026, 11, 24, 11, 0, 0),
                newYork(2026, 11, 24, 15, 0, 0)), "11:00-12:30 and 13:30-15:00, not the lunch hour");
        assertEquals(Duration.ofHours(4), NORTH.businessTimeBetween(newYork(2026, 11, 25, 16, 0, 0),
                newYork(2026, 11, 27, 11, 0, 0)), "Thanksgiving counts nothing");
        assertEquals(Duration.ZERO, NORTH.businessTimeBetween(newYork(2026, 11, 28, 9, 0, 0),
                newYork(2026, 11, 29, 17, 0, 0)), "a weekend");
        assertEquals(Duration.ZERO, NORTH.businessTimeBetween(newYork(2026, 11, 24, 15, 0, 0),
                newYork(2026, 11, 24, 11, 0, 0)), "backwards");
    }

    private static Instant newYork(int year, int month, int day, int hour, int minute, int second) {
        return ZonedDateTime.of(year, month, day, hour, minute, second, 0, NEW_YORK).toInstant();
    }

    private static OpeningHours weekdays(ZoneId zone, Map<LocalDate, String> holidays, Interval... intervals) {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(intervals));
        }
        return new OpeningHours(zone, week, holidays);
    }
}
