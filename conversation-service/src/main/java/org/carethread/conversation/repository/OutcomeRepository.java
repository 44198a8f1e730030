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

    /** Every outcome, retired ones too, in the practice's order. */
    public Uni<List<Outcome>> all(Mutiny.Session session) {
        return session.createSelectionQuery("from Outcome order by position, code", Outcome.class).getResultList();
    }

    public Uni<Integer> lastPosition(Mutiny.Session session) {
        return session.createSelectionQuery("select coalesce(max(o.position), 0) from Outcome o", Integer.class)
                .getSingleResult();
    }

    public Uni<Boolean> isActive(Mutiny.Session session, String code) {
        return session.createSelectionQuery("select count(o) from Outcome o where o.code = :code and o.active",
                Long.class)
                .setParameter("code", code)
                .getSingleResult()
                .map(count -> count > 0);
    }
}
