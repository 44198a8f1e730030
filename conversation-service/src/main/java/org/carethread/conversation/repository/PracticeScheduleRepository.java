package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * This service's copy of routing's practice schedule: each location's hours (the latest LocationHoursSet's data, as
 * JSON) and who is out of office. Older news never overwrites newer: events of one location or person arrive in
 * order, but a replay after a restart must not undo a later change.
 */
@ApplicationScoped
public class PracticeScheduleRepository {

    public Uni<Void> saveHours(Mutiny.Session session, String locationCode, String hoursJson, Instant setAt) {
        return session.createNativeQuery("insert into location_hours (location_code, hours, set_at)"
                + " values (:code, :hours, :at) on conflict (location_code) do update"
                + " set hours = excluded.hours, set_at = excluded.set_at where location_hours.set_at <= excluded.set_at")
                .setParameter("code", locationCode)
                .setParameter("hours", hoursJson)
                .setParameter("at", setAt)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Every location's hours JSON by location code. */
    public Uni<Map<String, String>> hours(Mutiny.Session session) {
        return session.createNativeQuery("select location_code, hours from location_hours", Object[].class)
                .getResultList()
                .map(rows -> {
                    Map<String, String> byLocation = new HashMap<>();
                    rows.forEach(row -> byLocation.put((String) row[0], (String) row[1]));
                    return byLocation;
                });
    }

    public Uni<Void> setAway(Mutiny.Session session, String staffUser, Instant from, Instant until, String coveredBy,
            Instant setAt) {
        return session.createNativeQuery("insert into staff_away (staff_user, away_from, away_until, covered_by, set_at)"
                + " values (:user, :from, :until, :coveredBy, :at) on conflict (staff_user) do update"
                + " set away_from = excluded.away_from, away_until = excluded.away_until,"
                + " covered_by = excluded.covered_by, set_at = excluded.set_at where staff_away.set_at <= excluded.set_at")
                .setParameter("user", staffUser)
                .setParameter("from", from)
                .setParameter("until", until)
                .setParameter("coveredBy", coveredBy)
                .setParameter("at", setAt)
                .executeUpdate()
                .replaceWithVoid();
    }

    public Uni<Void> clearAway(Mutiny.Session session, String staffUser, Instant clearedAt) {
        return session.createNativeQuery("delete from staff_away where staff_user = :user and set_at <= :at")
                .setParameter("user", staffUser)
                .setParameter("at", clearedAt)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Staff out of office at the instant. */
    public Uni<Set<String>> awayAt(Mutiny.Session session, Instant at) {
        return session.createNativeQuery("select staff_user from staff_away where away_from <= :at and away_until > :at",
                String.class)
                .setParameter("at", at)
                .getResultList()
                .map(HashSet::new);
    }
}
