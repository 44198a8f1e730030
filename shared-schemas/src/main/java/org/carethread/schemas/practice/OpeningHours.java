package org.carethread.schemas.practice;

import java.time.DayOfWeek;
import java.time.Duration;
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
 * when it next opens (where an after-hours message's response clock starts), and how business time adds up (where a
 * response target of "4 business hours" falls due). Routing owns the hours; other services learn them from
 * {@code LocationHoursSet} events and judge them with this same class.
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

    /**
     * The instant at which {@code amount} of business time has passed since {@code start}, counting only the opening
     * intervals (not holidays, nights or weekends); null if the location never opens long enough again.
     */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        Duration left = amount;
        Instant at = nextOpeningAt(start);
        // A year of openings bounds the walk, as in nextOpeningAt.
        for (int step = 0; at != null && step < 366 * 4; step++) {
            Instant closes = closingAfter(at);
            Duration open = Duration.between(at, closes);
            if (left.compareTo(open) <= 0) {
                return at.plus(left);
            }
            left = left.minus(open);
            at = nextOpeningAt(closes);
        }
        return null;
    }

    /** Business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        Instant at = nextOpeningAt(from);
        for (int step = 0; at != null && at.isBefore(to) && step < 366 * 4; step++) {
            Instant closes = closingAfter(at);
            total = total.plus(Duration.between(at, closes.isBefore(to) ? closes : to));
            at = nextOpeningAt(closes);
        }
        return total;
    }

    public String holidayOn(Instant instant) {
        return holidays.get(instant.atZone(zone).toLocalDate());
    }

    /** The end of the opening interval that holds {@code open}, an instant when the location is open. */
    private Instant closingAfter(Instant open) {
        ZonedDateTime local = open.atZone(zone);
        LocalTime time = local.toLocalTime();
        return intervalsOn(local.toLocalDate()).stream()
                .filter(i -> !time.isBefore(i.opens()) && time.isBefore(i.closes()))
                .map(i -> local.toLocalDate().atTime(i.closes()).atZone(zone).toInstant())
                .findFirst().orElse(open);
    }

    private List<Interval> intervalsOn(LocalDate date) {
        return week.getOrDefault(date.getDayOfWeek(), List.of()).stream()
                .sorted(Comparator.comparing(Interval::opens)).toList();
    }
}
