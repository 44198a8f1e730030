package org.carethread.routing.service;

import org.carethread.schemas.practice.OpeningHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.CoverageRepository;
import org.carethread.routing.repository.CoverageRepository.Absence;
import org.carethread.routing.repository.CoverageRepository.OnCallShift;
import org.carethread.routing.repository.Location;
import org.carethread.routing.repository.LocationRepository;
import org.carethread.routing.repository.OpeningHoursRepository;
import org.carethread.routing.rest.ProblemException;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Business hours and holidays per location, on-call shifts, and out-of-office coverage, as staff manage them. */
@ApplicationScoped
public class RoutingSchedule {
    private static final int MAX_NAME = 200;
    private static final int MAX_INTERVAL = 7 * 24 * 60;
    private final Mutiny.SessionFactory sessions;
    private final LocationRepository locations;
    private final OpeningHoursRepository hours;
    private final CoverageRepository coverage;
    private final ScheduleAnnouncements announcements;

    public RoutingSchedule(Mutiny.SessionFactory sessions, LocationRepository locations, OpeningHoursRepository hours,
            CoverageRepository coverage, ScheduleAnnouncements announcements) {
        this.sessions = sessions;
        this.locations = locations;
        this.hours = hours;
        this.coverage = coverage;
        this.announcements = announcements;
    }

    /** A location's hours and holidays, with how often after-hours replies may repeat. */
    public record LocationHours(OpeningHours hours, int autoReplyIntervalMinutes) {
    }

    public Uni<LocationHours> hoursOf(String locationCode) {
        return sessions.withSession(session -> location(session, locationCode)
                .chain(location -> hours.of(session, location.code, ZoneId.of(location.timeZone))
                        .map(found -> new LocationHours(found, location.autoReplyIntervalMinutes))));
    }

    /**
     * Replaces a location's week and holidays, and the after-hours reply interval when given; the next message is
     * judged by them, and peers learn them from a {@code LocationHoursSet} written in the same transaction.
     */
    public Uni<LocationHours> replaceHours(String locationCode, OpeningHours proposed, Integer autoReplyIntervalMinutes,
            String by) {
        List<FieldError> problems = new ArrayList<>();
        if (autoReplyIntervalMinutes != null && (autoReplyIntervalMinutes < 1 || autoReplyIntervalMinutes > MAX_INTERVAL)) {
            problems.add(new FieldError("autoReplyIntervalMinutes", "from 1 to " + MAX_INTERVAL + " (a week)"));
        }
        proposed.week().forEach((day, intervals) -> {
            List<OpeningHours.Interval> sorted = intervals.stream()
                    .sorted(java.util.Comparator.comparing(OpeningHours.Interval::opens)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                if (!sorted.get(i).opens().isBefore(sorted.get(i).closes())) {
                    problems.add(new FieldError("weekly", day + ": an interval must open before it closes"));
                }
                if (i > 0 && sorted.get(i).opens().isBefore(sorted.get(i - 1).closes())) {
                    problems.add(new FieldError("weekly", day + ": intervals overlap"));
                }
                if (!wholeMinute(sorted.get(i).opens()) || !wholeMinute(sorted.get(i).closes())) {
                    problems.add(new FieldError("weekly", day + ": times are in whole minutes (\"08:30\")"));
                }
            }
        });
        for (Map.Entry<LocalDate, String> holiday : proposed.holidays().entrySet()) {
            if (holiday.getValue() == null || holiday.getValue().isBlank() || holiday.getValue().length() > MAX_NAME) {
                problems.add(new FieldError("holidays", holiday.getKey() + ": a name of 1 to " + MAX_NAME + " characters"));
            }
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(new InvalidFieldsException(problems));
        }
        Instant now = PatientDirectory.now();
        return sessions.withTransaction(session -> location(session, locationCode)
                .invoke(location -> {
                    if (autoReplyIntervalMinutes != null) {
                        location.autoReplyIntervalMinutes = autoReplyIntervalMinutes;
                    }
                    location.hoursAnnouncedAt = now;
                })
                .call(location -> hours.replace(session, location.code, proposed))
                .chain(location -> hours.of(session, location.code, ZoneId.of(location.timeZone))
                        .call(found -> announcements.hoursSet(session, location.code, found, by, now))
                        .map(found -> new LocationHours(found, location.autoReplyIntervalMinutes))));
    }

    private static boolean wholeMinute(LocalTime time) {
        return time.getSecond() == 0 && time.getNano() == 0;
    }

    public Uni<List<OnCallShift>> onCall(String locationCode) {
        return sessions.withSession(session -> location(session, locationCode)
                .chain(location -> coverage.shiftsOf(session, location.code, Instant.now())));
    }

    public Uni<OnCallShift> addOnCall(String locationCode, String staffUser, Instant startsAt, Instant endsAt) {
        return sessions.withTransaction(session -> location(session, locationCode)
                .chain(location -> coverage.addShift(session, location.code, staffUser, startsAt, endsAt)));
    }

    /** Removes one of the location's shifts; false if it has no such shift. */
    public Uni<Boolean> removeOnCall(String locationCode, UUID shiftId) {
        return sessions.withTransaction(session -> location(session, locationCode)
                .chain(location -> coverage.removeShift(session, location.code, shiftId)));
    }

    public Uni<List<Absence>> absences() {
        return sessions.withSession(coverage::absences);
    }

    /** Sets or replaces an absence; peers learn it from a {@code StaffAwaySet} written in the same transaction. */
    public Uni<Absence> setAbsence(Absence absence, String by) {
        Instant now = PatientDirectory.now();
        return sessions.withTransaction(session -> coverage.setAbsence(session, absence, now)
                .chain(() -> announcements.awaySet(session, absence, by, now))).replaceWith(absence);
    }

    /** Ends an absence, announced by a {@code StaffAwayCleared}; false (and nothing announced) if there was none. */
    public Uni<Boolean> endAbsence(String staffUser, String by) {
        Instant now = PatientDirectory.now();
        return sessions.withTransaction(session -> coverage.clearAbsence(session, staffUser)
                .call(ended -> ended ? announcements.awayCleared(session, staffUser, by, now)
                        : Uni.createFrom().voidItem()));
    }

    private Uni<Location> location(Mutiny.Session session, String code) {
        return locations.find(session, code).onItem().ifNull().failWith(() -> new ProblemException("unknown-location",
                "Unknown location", 404, "The practice has no such location. GET /locations lists the location codes."));
    }
}
