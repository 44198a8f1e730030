package org.carethread.conversation.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.PracticeScheduleRepository;
import org.carethread.messaging.InboundEvent;
import org.carethread.schemas.events.LocationHoursSet;
import org.carethread.schemas.events.StaffAwayCleared;
import org.carethread.schemas.events.StaffAwaySet;
import org.carethread.schemas.practice.OpeningHours;
import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * What this service knows of routing's schedule: locations' business hours (response targets count in them) and who
 * is out of office (auto-assignment passes them by). Learned from {@code practice.schedule} events, inside the
 * consumer's transaction; read by the clocks and the assignment desk.
 */
@ApplicationScoped
public class PracticeSchedule {
    private final PracticeScheduleRepository schedule;
    private final ObjectMapper json;

    public PracticeSchedule(PracticeScheduleRepository schedule, ObjectMapper json) {
        this.schedule = schedule;
        this.json = json;
    }

    public Uni<Void> hoursSet(Mutiny.Session session, LocationHoursSet hours, InboundEvent event) {
        if (hours.locationCode() == null || hours.setAt() == null || hours.weekly() == null
                || hours.holidays() == null) {
            throw new IllegalArgumentException("hours event " + event.id() + " lacks a field");
        }
        hours.openingHours(); // an unknown time zone fails here, to the dead-letter topic, not at every clock tick
        try {
            return schedule.saveHours(session, hours.locationCode(), json.writeValueAsString(hours), hours.setAt());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("hours event " + event.id() + " cannot be stored", e);
        }
    }

    public Uni<Void> awaySet(Mutiny.Session session, StaffAwaySet away, InboundEvent event) {
        if (away.staffUser() == null || away.awayFrom() == null || away.awayUntil() == null || away.setAt() == null) {
            throw new IllegalArgumentException("absence event " + event.id() + " lacks a field");
        }
        return schedule.setAway(session, away.staffUser(), away.awayFrom(), away.awayUntil(), away.coveredBy(),
                away.setAt());
    }

    public Uni<Void> awayCleared(Mutiny.Session session, StaffAwayCleared cleared, InboundEvent event) {
        if (cleared.staffUser() == null || cleared.clearedAt() == null) {
            throw new IllegalArgumentException("absence event " + event.id() + " lacks a field");
        }
        return schedule.clearAway(session, cleared.staffUser(), cleared.clearedAt());
    }

    /** Each location's hours, for the locations routing has announced. */
    public Uni<Map<String, OpeningHours>> hours(Mutiny.Session session) {
        return schedule.hours(session).map(stored -> {
            Map<String, OpeningHours> byLocation = new HashMap<>();
            stored.forEach((code, hoursJson) -> {
                try {
                    byLocation.put(code, json.readValue(hoursJson, LocationHoursSet.class).openingHours());
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("stored hours of location " + code + " are unreadable", e);
                }
            });
            return byLocation;
        });
    }

    public Uni<Set<String>> awayAt(Mutiny.Session session, Instant at) {
        return schedule.awayAt(session, at);
    }
}
