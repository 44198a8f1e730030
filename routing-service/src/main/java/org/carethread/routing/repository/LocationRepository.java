package org.carethread.routing.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

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

    /** The location that owns this number, or {@code null}. */
    public Uni<Location> findBySmsNumber(Mutiny.Session session, String digits) {
        return session.createSelectionQuery("from Location where smsNumber = :number", Location.class)
                .setParameter("number", digits)
                .getSingleResultOrNull();
    }
}
