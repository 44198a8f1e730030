package org.carethread.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RoutingDecisionRepository {

    public Uni<Void> add(Mutiny.Session session, RoutingDecision decision) {
        return session.persist(decision);
    }
}
