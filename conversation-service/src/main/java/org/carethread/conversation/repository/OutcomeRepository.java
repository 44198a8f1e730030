package org.carethread.conversation.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** The practice's list of outcomes. */
@ApplicationScoped
public class OutcomeRepository {

    public Uni<List<Outcome>> active(Mutiny.Session session) {
        return session.createSelectionQuery("from Outcome where active order by position, code", Outcome.class)
                .getResultList();
    }

    public Uni<Boolean> isActive(Mutiny.Session session, String code) {
        return session.createSelectionQuery("select count(o) from Outcome o where o.code = :code and o.active",
                Long.class)
                .setParameter("code", code)
                .getSingleResult()
                .map(count -> count > 0);
    }
}
