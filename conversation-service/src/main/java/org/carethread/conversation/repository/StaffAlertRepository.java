package org.carethread.conversation.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** On-call alerts, and those still waiting for the message they are about. */
@ApplicationScoped
public class StaffAlertRepository {

    public Uni<StaffAlert> find(Mutiny.Session session, String alertId) {
        return session.find(StaffAlert.class, alertId);
    }

    /** Alerts about a patient message that had not joined a conversation when they arrived, oldest first. */
    public Uni<List<StaffAlert>> waitingFor(Mutiny.Session session, String messageEventId) {
        return session.createSelectionQuery("from StaffAlert where messageEventId = :messageEventId"
                + " and conversationId is null order by alertedAt, alertId", StaffAlert.class)
                .setParameter("messageEventId", messageEventId)
                .getResultList();
    }
}
