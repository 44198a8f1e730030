package org.carethread.routing.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class QueueRepository {

    public Uni<List<Queue>> listAll(Mutiny.Session session) {
        return session.createSelectionQuery("from Queue order by locationCode, code", Queue.class).getResultList();
    }

    public Uni<List<Queue>> listOfLocation(Mutiny.Session session, String locationCode) {
        return session.createSelectionQuery("from Queue where locationCode = :location order by code", Queue.class)
                .setParameter("location", locationCode)
                .getResultList();
    }

    public Uni<Queue> find(Mutiny.Session session, String code) {
        return session.find(Queue.class, code);
    }
}
