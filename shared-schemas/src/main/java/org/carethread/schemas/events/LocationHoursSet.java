package org.carethread.schemas.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carethread.schemas.practice.OpeningHours;

/**
 * A location's business hours and holidays as they now stand (the whole week, not a change to it), so services that
 * count time in business hours (response targets) judge them as routing does. Topic {@code practice.schedule}, key
 * {@code locationCode}; the latest event per location is in force. No PHI.
 *
 * @param timeZone an IANA zone id, e.g. America/New_York
 * @param weekly   every opening interval of the week; a day without one is closed
 * @param setBy    the staff member's username, or {@code carethread} when routing announces what it already had
 */
public record LocationHoursSet(String locationCode, String timeZone, List<Opening> weekly, List<Holiday> holidays,
        String setBy, Instant setAt) {

    /** One opening interval: opens inclusive, closes exclusive, local time. */
    public record Opening(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    public record Holiday(LocalDate date, String name) {
    }

    public static LocationHoursSet of(String locationCode, OpeningHours hours, String setBy, Instant setAt) {
        List<Opening> weekly = new ArrayList<>();
        hours.week().forEach((day, intervals) -> intervals
                .forEach(interval -> weekly.add(new Opening(day, interval.opens(), interval.closes()))));
        List<Holiday> holidays = new ArrayList<>();
        hours.holidays().forEach((date, name) -> holidays.add(new Holiday(date, name)));
        return new LocationHoursSet(locationCode, hours.zone().getId(), weekly, holidays, setBy, setAt);
    }

    public OpeningHours openingHours() {
        Map<DayOfWeek, List<OpeningHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
        weekly.forEach(opening -> week.computeIfAbsent(opening.day(), day -> new ArrayList<>())
                .add(new OpeningHours.Interval(opening.opens(), opening.closes())));
        Map<LocalDate, String> days = new LinkedHashMap<>();
        holidays.forEach(holiday -> days.put(holiday.date(), holiday.name()));
        return new OpeningHours(ZoneId.of(timeZone), week, days);
    }
}
