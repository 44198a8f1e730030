package org.carethread.routing.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Business hours, on-call shifts and absences as the staff API reads and writes them. */
public final class ScheduleViews {
    private ScheduleViews() {
    }

    /** One opening interval, in the location's time zone. */
    public record OpeningInterval(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    public record Holiday(LocalDate date, String name) {
    }

    /**
     * @param autoReplyIntervalMinutes after hours, a patient gets the automatic reply at most once in this many
     *                                 minutes (720 unless changed); left out on a PUT, it stays as it is
     */
    public record Hours(String timeZone, List<OpeningInterval> weekly, List<Holiday> holidays,
            Integer autoReplyIntervalMinutes) {
    }

    public record OnCallRequest(String staffUser, Instant startsAt, Instant endsAt) {
    }

    public record AbsenceRequest(Instant awayFrom, Instant awayUntil, String coveredBy) {
    }
}
