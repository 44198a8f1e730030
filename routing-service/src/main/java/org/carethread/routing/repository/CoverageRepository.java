package org.carethread.routing.repository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Timestamps;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Who is away and who covers for them, and who is on call for each location's emergencies. */
@ApplicationScoped
public class CoverageRepository {

    public record Absence(String staffUser, Instant awayFrom, Instant awayUntil, String coveredBy) {
    }

    public record OnCallShift(String id, String locationCode, String staffUser, Instant startsAt, Instant endsAt) {
    }

    /** Staff away at {@code at}, each with the colleague covering them. */
    public Uni<Map<String, String>> coveringAt(Mutiny.Session session, Instant at) {
        return session.createNativeQuery("select staff_user, covered_by from staff_absence"
                + " where away_from <= :at and away_until > :at", Object[].class)
                .setParameter("at", Timestamps.utc(at))
                .getResultList()
                .map(rows -> {
                    Map<String, String> coverage = new LinkedHashMap<>();
                    rows.forEach(row -> coverage.put((String) row[0], (String) row[1]));
                    return coverage;
                });
    }

    public Uni<List<Absence>> absences(Mutiny.Session session) {
        return session.createNativeQuery("select staff_user, away_from, away_until, covered_by from staff_absence"
                + " order by away_from", Object[].class)
                .getResultList()
                .map(CoverageRepository::absences);
    }

    private static List<Absence> absences(List<Object[]> rows) {
        return rows.stream().map(row -> new Absence((String) row[0], Timestamps.instant(row[1]),
                Timestamps.instant(row[2]), (String) row[3])).toList();
    }

    /** Sets (or replaces) a staff member's absence, which peers are told of at {@code announcedAt}. */
    public Uni<Void> setAbsence(Mutiny.Session session, Absence absence, Instant announcedAt) {
        return session.createNativeQuery("insert into staff_absence (staff_user, away_from, away_until, covered_by,"
                + " announced_at) values (:user, :from, :until, :coveredBy, :announcedAt) on conflict (staff_user) do"
                + " update set away_from = excluded.away_from, away_until = excluded.away_until,"
                + " covered_by = excluded.covered_by, announced_at = excluded.announced_at")
                .setParameter("user", absence.staffUser())
                .setParameter("from", Timestamps.utc(absence.awayFrom()))
                .setParameter("until", Timestamps.utc(absence.awayUntil()))
                .setParameter("coveredBy", absence.coveredBy())
                .setParameter("announcedAt", Timestamps.utc(announcedAt))
                .executeUpdate().replaceWithVoid();
    }

    /**
     * Marks the absences not yet over at {@code at} that peers never heard of as announced, and returns them; another
     * instance doing the same waits for the row locks, then finds none left.
     */
    public Uni<List<Absence>> claimUnannouncedAbsences(Mutiny.Session session, Instant at) {
        return session.createNativeQuery("update staff_absence set announced_at = :at where announced_at is null"
                + " and away_until > :at returning staff_user, away_from, away_until, covered_by", Object[].class)
                .setParameter("at", Timestamps.utc(at))
                .getResultList()
                .map(CoverageRepository::absences);
    }

    /** Ends an absence; true if there was one. */
    public Uni<Boolean> clearAbsence(Mutiny.Session session, String staffUser) {
        return session.createNativeQuery("delete from staff_absence where staff_user = :user")
                .setParameter("user", staffUser)
                .executeUpdate().map(deleted -> deleted > 0);
    }

    /** Who is on call at the location at {@code at}: the shift that started last, or null. */
    public Uni<String> onCallAt(Mutiny.Session session, String locationCode, Instant at) {
        return session.createNativeQuery("select staff_user from on_call_shift where location_code = :location"
                + " and starts_at <= :at and ends_at > :at order by starts_at desc limit 1", String.class)
                .setParameter("location", locationCode)
                .setParameter("at", Timestamps.utc(at))
                .getResultList().map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<List<OnCallShift>> shiftsOf(Mutiny.Session session, String locationCode, Instant endingAfter) {
        return session.createNativeQuery("select id, location_code, staff_user, starts_at, ends_at from on_call_shift"
                + " where location_code = :location and ends_at > :after order by starts_at", Object[].class)
                .setParameter("location", locationCode)
                .setParameter("after", Timestamps.utc(endingAfter))
                .getResultList()
                .map(rows -> rows.stream().map(row -> new OnCallShift(row[0].toString(), (String) row[1],
                        (String) row[2], Timestamps.instant(row[3]), Timestamps.instant(row[4]))).toList());
    }

    public Uni<OnCallShift> addShift(Mutiny.Session session, String locationCode, String staffUser, Instant startsAt,
            Instant endsAt) {
        UUID id = UUID.randomUUID();
        return session.createNativeQuery("insert into on_call_shift (id, location_code, staff_user, starts_at, ends_at)"
                + " values (:id, :location, :user, :starts, :ends)")
                .setParameter("id", id)
                .setParameter("location", locationCode)
                .setParameter("user", staffUser)
                .setParameter("starts", Timestamps.utc(startsAt))
                .setParameter("ends", Timestamps.utc(endsAt))
                .executeUpdate()
                .replaceWith(new OnCallShift(id.toString(), locationCode, staffUser, startsAt, endsAt));
    }

    /** Deletes one of a location's shifts; true if there was one. */
    public Uni<Boolean> removeShift(Mutiny.Session session, String locationCode, UUID id) {
        return session.createNativeQuery("delete from on_call_shift where id = :id and location_code = :location")
                .setParameter("id", id)
                .setParameter("location", locationCode)
                .executeUpdate().map(deleted -> deleted > 0);
    }
}
