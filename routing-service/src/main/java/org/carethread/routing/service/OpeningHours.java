package org.carethread.routing.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A location's week of opening intervals and its holidays, in its own time zone: whether it is open at an instant,
 * and when it next opens (where an after-hours message's response clock starts).
 */
public record OpeningHours(ZoneId zone, Map<DayOfWeek, List<Interval>> week, Map<LocalDate, String> holidays) {

    public record Interval(LocalTime opens, LocalTime closes) {
    }

    public enum Status {
        BUSINESS_HOURS("business-hours"), AFTER_HOURS("after-hours"), HOLIDAY("holiday");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static final Set<String> CODES = Set.of("business-hours", "after-hours", "holiday");
    }

    public Status statusAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (holidays.containsKey(local.toLocalDate())) {
            return Status.HOLIDAY;
        }
        LocalTime time = local.toLocalTime();
        boolean open = intervalsOn(local.toLocalDate()).stream()
                .anyMatch(i -> !time.isBefore(i.opens()) && time.isBefore(i.closes()));
        return open ? Status.BUSINESS_HOURS : Status.AFTER_HOURS;
    }

    /** The instant itself when open, else the start of the next opening interval; null if it never opens again. */
    public Instant nextOpeningAt(Instant instant) {
        if (statusAt(instant) == Status.BUSINESS_HOURS) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        // A year ahead covers any run of holidays and closed days a practice could configure.
        for (int day = 0; day <= 366; day++) {
            LocalDate date = local.toLocalDate().plusDays(day);
            if (holidays.containsKey(date)) {
                continue;
            }
            for (Interval interval : intervalsOn(date)) {
                ZonedDateTime opens = date.atTime(interval.opens()).atZone(zone);
                if (opens.isAfter(local)) {
                    return opens.toInstant();
                }
            }
        }
        return null;
    }

    public String holidayOn(Instant instant) {
        return holidays.get(instant.atZone(zone).toLocalDate());
    }

    private List<Interval> intervalsOn(LocalDate date) {
        return week.getOrDefault(date.getDayOfWeek(), List.of()).stream()
                .sorted(Comparator.comparing(Interval::opens)).toList();
    }
}
