package org.carethread.routing.service;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.carethread.messaging.Outbox;
import org.carethread.routing.repository.CoverageRepository;
import org.carethread.routing.repository.CoverageRepository.Absence;
import org.carethread.routing.repository.LocationRepository;
import org.carethread.routing.repository.OpeningHoursRepository;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.LocationHoursSet;
import org.carethread.schemas.events.StaffAwayCleared;
import org.carethread.schemas.events.StaffAwaySet;
import org.carethread.schemas.practice.OpeningHours;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Tells peers on {@code practice.schedule} the hours and absences routing keeps (conversation-service counts
 * response targets in business hours and assigns no work to staff who are away): each change through the outbox in
 * its own transaction, and at start-up whatever peers never heard of, such as a fresh platform's seeded hours.
 */
@ApplicationScoped
public class ScheduleAnnouncements {
    /** Who "set" what routing announces on its own at start-up. */
    public static final String CARETHREAD = "carethread";
    private static final Logger LOG = Logger.getLogger(ScheduleAnnouncements.class);

    private final Mutiny.SessionFactory sessions;
    private final LocationRepository locations;
    private final OpeningHoursRepository hours;
    private final CoverageRepository coverage;
    private final Outbox outbox;

    public ScheduleAnnouncements(Mutiny.SessionFactory sessions, LocationRepository locations,
            OpeningHoursRepository hours, CoverageRepository coverage, Outbox outbox) {
        this.sessions = sessions;
        this.locations = locations;
        this.hours = hours;
        this.coverage = coverage;
        this.outbox = outbox;
    }

    /** The location's hours now in force, in the caller's transaction (which marks them announced). */
    Uni<Void> hoursSet(Mutiny.Session session, String locationCode, OpeningHours now, String by, Instant at) {
        return outbox.add(session, Topics.PRACTICE_SCHEDULE, EventTypes.LOCATION_HOURS_SET, locationCode, locationCode,
                LocationHoursSet.of(locationCode, now, by, at));
    }

    Uni<Void> awaySet(Mutiny.Session session, Absence absence, String by, Instant at) {
        return outbox.add(session, Topics.PRACTICE_SCHEDULE, EventTypes.STAFF_AWAY_SET, absence.staffUser(),
                absence.staffUser(), new StaffAwaySet(absence.staffUser(), absence.awayFrom(), absence.awayUntil(),
                        absence.coveredBy(), by, at));
    }

    Uni<Void> awayCleared(Mutiny.Session session, String staffUser, String by, Instant at) {
        return outbox.add(session, Topics.PRACTICE_SCHEDULE, EventTypes.STAFF_AWAY_CLEARED, staffUser, staffUser,
                new StaffAwayCleared(staffUser, by, at));
    }

    void announceAtStartup(@Observes StartupEvent started) throws Throwable {
        int announced = VertxContextSupport.subscribeAndAwait(this::announceUnannounced);
        LOG.infof("announced %d hours and absences peers had not heard of", announced);
    }

    /** Announces, once across all instances, every location's hours and every current absence never announced. */
    public Uni<Integer> announceUnannounced() {
        Instant at = PatientDirectory.now();
        return sessions.withTransaction(session -> locations.claimUnannouncedHours(session, at)
                .chain(claimed -> {
                    // One session runs one statement at a time: the events are written one after another.
                    Uni<Void> written = Uni.createFrom().voidItem();
                    for (Object[] location : claimed) {
                        String code = (String) location[0];
                        written = written.chain(() -> hours.of(session, code, ZoneId.of((String) location[1]))
                                .chain(found -> hoursSet(session, code, found, CARETHREAD, at)));
                    }
                    return written.replaceWith(claimed.size());
                })
                .chain(locationsAnnounced -> coverage.claimUnannouncedAbsences(session, at).chain(absences -> {
                    Uni<Void> written = Uni.createFrom().voidItem();
                    for (Absence absence : absences) {
                        written = written.chain(() -> awaySet(session, absence, CARETHREAD, at));
                    }
                    return written.replaceWith(locationsAnnounced + absences.size());
                })));
    }
}
