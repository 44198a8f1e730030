package org.carethread.conversation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.service.PracticeSchedule;
import org.carethread.messaging.Inbox;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.events.LocationHoursSet;
import org.carethread.schemas.events.StaffAwayCleared;
import org.carethread.schemas.events.StaffAwaySet;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Reads locations' hours and staff absences from routing's {@code practice.schedule}; each event is applied once and
 * acknowledged after its transaction committed. Another type on the topic is dead-lettered, for operators to see.
 */
@ApplicationScoped
public class PracticeScheduleConsumer {
    public static final String CHANNEL = "practice-schedule";

    private final Inbox inbox;
    private final PracticeSchedule schedule;
    private final ObjectMapper json;

    public PracticeScheduleConsumer(Inbox inbox, PracticeSchedule schedule, ObjectMapper json) {
        this.inbox = inbox;
        this.schedule = schedule;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return inbox.settle(record, RoutingDecisionConsumer.CONSUMER, event -> inbox.once(
                RoutingDecisionConsumer.CONSUMER, event, session -> switch (event.type()) {
                    case EventTypes.LOCATION_HOURS_SET -> schedule.hoursSet(session,
                            event.dataAs(json, LocationHoursSet.class), event);
                    case EventTypes.STAFF_AWAY_SET -> schedule.awaySet(session,
                            event.dataAs(json, StaffAwaySet.class), event);
                    case EventTypes.STAFF_AWAY_CLEARED -> schedule.awayCleared(session,
                            event.dataAs(json, StaffAwayCleared.class), event);
                    default -> Uni.createFrom().failure(new IllegalArgumentException("event " + event.id()
                            + " on " + CHANNEL + " has an unexpected type " + event.type()));
                }));
    }
}
