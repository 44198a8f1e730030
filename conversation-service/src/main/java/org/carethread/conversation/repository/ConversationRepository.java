package org.carethread.conversation.repository;

import java.time.Instant;
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

    /**
     * The patient's conversation in progress (anything but resolved) at a location, locked so replies, staff actions
     * and new messages apply one after another.
     */
    public Uni<Conversation> findCurrentForUpdate(Mutiny.Session session, String patientRef, String locationCode) {
        return session.createSelectionQuery("from Conversation where patientRef = :patientRef"
                + " and locationCode = :locationCode and status <> :resolved", Conversation.class)
                .setParameter("patientRef", patientRef)
                .setParameter("locationCode", locationCode)
                .setParameter("resolved", Conversation.RESOLVED)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResultOrNull();
    }

    /** The patient's most recently active resolved conversation at a location, locked, to reopen it. */
    public Uni<Conversation> findLatestResolvedForUpdate(Mutiny.Session session, String patientRef,
            String locationCode) {
        return session.createSelectionQuery("from Conversation where patientRef = :patientRef"
                + " and locationCode = :locationCode and status = :resolved order by lastMessageAt desc, id",
                Conversation.class)
                .setParameter("patientRef", patientRef)
                .setParameter("locationCode", locationCode)
                .setParameter("resolved", Conversation.RESOLVED)
                .setMaxResults(1)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResultOrNull();
    }

    /** The conversation a patient message joined, at a location, locked; null if it has not joined one there. */
    public Uni<Conversation> findWithMessageForUpdate(Mutiny.Session session, String sourceEventId,
            String locationCode) {
        return session.createSelectionQuery("from Conversation c where c.locationCode = :locationCode and c.id in"
                + " (select m.conversationId from Message m where m.sourceEventId = :sourceEventId)",
                Conversation.class)
                .setParameter("locationCode", locationCode)
                .setParameter("sourceEventId", sourceEventId)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResultOrNull();
    }

    /**
     * Snoozed conversations whose time has come, locked; rows another instance is already waking are skipped, so two
     * instances never wake the same conversation twice.
     */
    public Uni<List<Conversation>> snoozeEndedForUpdate(Mutiny.Session session, Instant now, int limit) {
        return session.createNativeQuery("select * from conversation where status = :snoozed"
                + " and snoozed_until <= :now order by snoozed_until limit :limit for update skip locked",
                Conversation.class)
                .setParameter("snoozed", Conversation.SNOOZED)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    public Uni<Long> messageCount(Mutiny.Session session, UUID conversationId) {
        return session.createSelectionQuery("select count(m) from Message m where m.conversationId = :id", Long.class)
                .setParameter("id", conversationId)
                .getSingleResult();
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

    /**
     * What narrows the inbox; a null part narrows nothing.
     *
     * @param statuses  only these statuses
     * @param assignees only conversations owned by one of these names (a staff member's username and subject)
     * @param aging     only conversations approaching or past their response target, soonest due first
     * @param urgency   only conversations whose latest message has this urgency
     * @param category  only conversations whose latest message has this category
     */
    public record Filter(Collection<String> statuses, Collection<String> assignees, boolean aging, String urgency,
            String category) {
    }

    /**
     * The inbox limited to the locations and narrowed by the filter: critical first, then high, normal, low (a
     * resolved conversation counts as normal), each newest activity first. Index conversation_location_priority
     * serves this order.
     */
    public Uni<List<Summary>> listInLocations(Mutiny.Session session, Collection<String> locations, Filter filter,
            int limit) {
        StringBuilder where = new StringBuilder();
        if (filter.statuses() != null) {
            where.append(" and c.status in :statuses");
        }
        if (filter.assignees() != null) {
            where.append(" and c.assignee in :assignees");
        }
        if (filter.aging()) {
            where.append(" and c.targetFlag is not null");
        }
        if (filter.urgency() != null) {
            where.append(" and c.urgency = :urgency");
        }
        if (filter.category() != null) {
            where.append(" and c.category = :category");
        }
        var query = session.createSelectionQuery("select c, (select count(m) from Message m"
                + " where m.conversationId = c.id) from Conversation c where c.locationCode in :locations"
                + where + (filter.aging() ? " order by c.responseDueAt, c.id"
                        : " order by c.priorityRank, c.lastMessageAt desc, c.id"), Object[].class)
                .setParameter("locations", locations)
                .setMaxResults(limit);
        if (filter.statuses() != null) {
            query = query.setParameter("statuses", filter.statuses());
        }
        if (filter.assignees() != null) {
            query = query.setParameter("assignees", filter.assignees());
        }
        if (filter.urgency() != null) {
            query = query.setParameter("urgency", filter.urgency());
        }
        if (filter.category() != null) {
            query = query.setParameter("category", filter.category());
        }
        return query.getResultList()
                .map(rows -> rows.stream().map(row -> new Summary((Conversation) row[0], (Long) row[1])).toList());
    }
}
