package org.carethread.routing.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Timestamps;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LocationRepository {

    public Uni<List<Location>> listAll(Mutiny.Session session) {
        return session.createSelectionQuery("from Location order by code", Location.class).getResultList();
    }

    public Uni<Location> find(Mutiny.Session session, String code) {
        return session.find(Location.class, code);
    }

    /**
     * Marks the locations whose hours peers never heard of as announced at {@code at} and returns them (code, time
     * zone). Another instance doing the same waits for the row locks, then finds none left.
     */
    public Uni<List<Object[]>> claimUnannouncedHours(Mutiny.Session session, Instant at) {
        return session.createNativeQuery("update location set hours_announced_at = :at"
                + " where hours_announced_at is null returning code, time_zone", Object[].class)
                .setParameter("at", Timestamps.utc(at))
                .getResultList();
    }

    /** The location that owns this number, or {@code null}. */
    /** @param mailbox lower-cased */
    public Uni<Location> findByEmailAddress(Mutiny.Session session, String mailbox) {
        return session.createSelectionQuery("from Location where emailAddress = :mailbox", Location.class)
                .setParameter("mailbox", mailbox)
                .getSingleResultOrNull();
    }

    public Uni<Location> findBySmsNumber(Mutiny.Session session, String digits) {
        return session.createSelectionQuery("from Location where smsNumber = :number", Location.class)
                .setParameter("number", digits)
                .getSingleResultOrNull();
    }
}
