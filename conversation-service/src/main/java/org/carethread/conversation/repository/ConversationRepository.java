package org.carethread.conversation.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Conversation queries. Every staff-facing query is limited to the caller's locations in SQL. */
@ApplicationScoped
public class ConversationRepository {

    /** A conversation and how many messages it holds, for the inbox list. */
    public record Summary(Conversation conversation, long messageCount) {
    }

    /** The patient's open conversation at a location, locked so replies and new messages apply one after another. */
    public Uni<Conversation> findOpenForUpdate(Mutiny.Session session, String patientRef, String locationCode) {
        return session.createSelectionQuery("from Conversation where patientRef = :patientRef"
                + " and locationCode = :locationCode and status = :open", Conversation.class)
                .setParameter("patientRef", patientRef)
                .setParameter("locationCode", locationCode)
                .setParameter("open", Conversation.OPEN)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResultOrNull();
    }

    /** The conversation if it exists at one of the locations; otherwise null, whether it exists elsewhere or not. */
    public Uni<Conversation> findInLocations(Mutiny.Session session, UUID id, Collection<String> locations,
            boolean forUpdate) {
        var query = session.createSelectionQuery("from Conversation where id = :id and locationCode in :locations",
                Conversation.class)
                .setParameter("id", id)
                .setParameter("locations", locations);
        if (forUpdate) {
            query = query.setLockMode(LockMode.PESSIMISTIC_WRITE);
        }
        return query.getSingleResultOrNull();
    }

    public Uni<List<Summary>> listInLocations(Mutiny.Session session, Collection<String> locations, String status,
            int limit) {
        String statusFilter = status == null ? "" : " and c.status = :status";
        var query = session.createSelectionQuery("select c, (select count(m) from Message m"
                + " where m.conversationId = c.id) from Conversation c where c.locationCode in :locations"
                + statusFilter + " order by c.lastMessageAt desc, c.id", Object[].class)
                .setParameter("locations", locations)
                .setMaxResults(limit);
        if (status != null) {
            query = query.setParameter("status", status);
        }
        return query.getResultList()
                .map(rows -> rows.stream().map(row -> new Summary((Conversation) row[0], (Long) row[1])).toList());
    }
}
