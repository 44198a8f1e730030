package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.schemas.staff.StaffMember;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Conversation queries. Every staff-facing query is limited to what the caller may see ({@link Scope}) in SQL. */
@ApplicationScoped
public class ConversationRepository {

    /**
     * What one staff member may see: conversations at their locations, except those in another team's queue unless
     * they own the conversation or a colleague mentioned them in it.
     *
     * @param hiddenQueues queues at their locations that belong to teams they are not in
     * @param names        how assignees and mentions name them (username, lower-cased username, subject)
     */
    public record Scope(Collection<String> locations, Collection<String> hiddenQueues, Collection<String> names) {
        /** The HQL condition on conversation {@code c}, with its parameters added to {@code parameters}. */
        String condition(Map<String, Object> parameters) {
            parameters.put("locations", locations);
            if (hiddenQueues.isEmpty()) {
                return "c.locationCode in :locations";
            }
            parameters.put("hiddenQueues", hiddenQueues);
            parameters.put("names", names);
            return "c.locationCode in :locations and (c.queueCode not in :hiddenQueues or c.assignee in :names"
                    + " or c.id in (select sm.conversationId from StaffMention sm where sm.username in :names))";
        }
    }

    /** The staff member's scope: their locations, and the queues there that belong to teams they are not in. */
    public Uni<Scope> scopeOf(Mutiny.Session session, StaffMember staff) {
        List<String> names = Stream.of(staff.username(), staff.username() == null ? null
                : staff.username().toLowerCase(Locale.ROOT), staff.id()).filter(Objects::nonNull).distinct().toList();
        if (staff.locations().isEmpty() || staff.seesEveryTeam()) {
            return Uni.createFrom().item(new Scope(staff.locations(), List.of(), names));
        }
        // A sentinel keeps the list non-empty for SQL; team codes never are empty.
        List<String> teams = Stream.concat(staff.teams().stream(), Stream.of("")).toList();
        return session.createNativeQuery("select queue_code from queue_setting where location_code in (:locations)"
                + " and team is not null and team not in (:teams)", String.class)
                .setParameter("locations", staff.locations())
                .setParameter("teams", teams)
                .getResultList()
                .map(hidden -> new Scope(staff.locations(), hidden, names));
    }

    /**
     * A queue the staff member may see and what waits in it (conversations not resolved, as far as they see them).
     *
     * @param urgent  of those, how many carry an emergency or urgent latest message
     * @param overdue of those, how many are past their response target
     */
    public record QueueLoad(String queueCode, String locationCode, long open, long unassigned, long urgent,
            long overdue) {
    }

    /**
     * The queues in the scope: those holding conversations the staff member sees, and those set up at their
     * locations for their teams (empty ones too, so work can be moved there), by location and queue.
     */
    public Uni<List<QueueLoad>> queueLoads(Mutiny.Session session, Scope scope) {
        Map<String, Object> parameters = new HashMap<>();
        String inScope = scope.condition(parameters);
        var query = session.createSelectionQuery("select c.queueCode, c.locationCode, count(c),"
                + " sum(case when c.status = :unassigned then 1 else 0 end),"
                + " sum(case when c.urgency in (:urgent) then 1 else 0 end),"
                + " sum(case when c.targetFlag = :overdue then 1 else 0 end)"
                + " from Conversation c where " + inScope + " and c.status <> :resolved"
                + " group by c.queueCode, c.locationCode", Object[].class)
                .setParameter("unassigned", Conversation.UNASSIGNED)
                .setParameter("urgent", List.of("emergency", "urgent"))
                .setParameter("overdue", "overdue")
                .setParameter("resolved", Conversation.RESOLVED);
        for (var parameter : parameters.entrySet()) {
            query = query.setParameter(parameter.getKey(), parameter.getValue());
        }
        return query.getResultList().chain(rows -> session.createNativeQuery("select queue_code, location_code"
                + " from queue_setting where location_code in (:locations)", Object[].class)
                .setParameter("locations", scope.locations())
                .getResultList()
                .map(setUp -> {
                    Map<String, QueueLoad> loads = new TreeMap<>();
                    for (Object[] row : setUp) {
                        if (!scope.hiddenQueues().contains((String) row[0])) {
                            loads.put(row[1] + "/" + row[0], new QueueLoad((String) row[0], (String) row[1], 0, 0, 0, 0));
                        }
                    }
                    for (Object[] row : rows) {
                        loads.put(row[1] + "/" + row[0], new QueueLoad((String) row[0], (String) row[1], count(row[2]),
                                count(row[3]), count(row[4]), count(row[5])));
                    }
                    return List.copyOf(loads.values());
                }));
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A conversation and how many messages it holds, for the inbox list. */
    public record Summary(Conversation conversation, long messageCount) {
    }

    /**
     * The patient's conversation in progress (anything but resolved) at a location, locked so replies, staff actions
     * and new messages apply one after another.
     */
    public Uni<Conversation> findCurrentForUpdate(Mutiny.Session session, String patientRef, String locationCode) {
        return latestForUpdate(session, "patientRef", patientRef, locationCode, "<>");
    }

    /**
     * The directory patient's conversation in progress at a location, whatever address (channel) it began on; the
     * most recently active if there are several. Locked like {@link #findCurrentForUpdate}.
     */
    public Uni<Conversation> findCurrentOfPatientForUpdate(Mutiny.Session session, String patientId,
            String locationCode) {
        return latestForUpdate(session, "patientId", patientId, locationCode, "<>");
    }

    /** The patient's most recently active resolved conversation at a location, locked, to reopen it. */
    public Uni<Conversation> findLatestResolvedForUpdate(Mutiny.Session session, String patientRef,
            String locationCode) {
        return latestForUpdate(session, "patientRef", patientRef, locationCode, "=");
    }

    /** The directory patient's most recently active resolved conversation at a location, on any channel, locked. */
    public Uni<Conversation> findLatestResolvedOfPatientForUpdate(Mutiny.Session session, String patientId,
            String locationCode) {
        return latestForUpdate(session, "patientId", patientId, locationCode, "=");
    }

    /** {@code resolvedIs} "=" finds resolved conversations, "<>" those in progress. */
    private static Uni<Conversation> latestForUpdate(Mutiny.Session session, String patientAttribute, String value,
            String locationCode, String resolvedIs) {
        return session.createSelectionQuery("from Conversation where " + patientAttribute + " = :value"
                + " and locationCode = :locationCode and status " + resolvedIs + " :resolved"
                + " order by lastMessageAt desc, id", Conversation.class)
                .setParameter("value", value)
                .setParameter("locationCode", locationCode)
                .setParameter("resolved", Conversation.RESOLVED)
                .setMaxResults(1)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResultOrNull();
    }

    /**
     * The conversation at a location holding the e-mail a new mail answers (its In-Reply-To and References, as blind
     * indexes), locked; the most recently active if several. Null when it answers none of ours.
     */
    public Uni<Conversation> findThreadForUpdate(Mutiny.Session session, List<String> messageRefs,
            String locationCode) {
        return session.createSelectionQuery("from Conversation c where c.locationCode = :locationCode and c.id in"
                + " (select m.conversationId from Message m where m.emailMessageRef in :refs)"
                + " order by c.lastMessageAt desc, c.id", Conversation.class)
                .setParameter("locationCode", locationCode)
                .setParameter("refs", messageRefs)
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

    /** The conversation if it is in the scope; otherwise null, whether it exists elsewhere or not. */
    public Uni<Conversation> findInScope(Mutiny.Session session, UUID id, Scope scope, boolean forUpdate) {
        Map<String, Object> parameters = new HashMap<>();
        var query = session.createSelectionQuery("from Conversation c where c.id = :id and "
                + scope.condition(parameters), Conversation.class)
                .setParameter("id", id);
        for (var parameter : parameters.entrySet()) {
            query = query.setParameter(parameter.getKey(), parameter.getValue());
        }
        if (forUpdate) {
            query = query.setLockMode(LockMode.PESSIMISTIC_WRITE);
        }
        return query.getSingleResultOrNull();
    }

    /**
     * What narrows the inbox and a search; a null part narrows nothing.
     *
     * @param statuses     only these statuses
     * @param assignees    only conversations owned by one of these names (a staff member's username and subject)
     * @param urgency      only conversations whose latest message has this urgency
     * @param category     only conversations whose latest message has this category
     * @param queue        only conversations in this queue
     * @param priority     only conversations of this priority
     * @param patientId    only conversations with this directory patient
     * @param patientRef   only conversations with the patient at this address (its blind index)
     * @param activeFrom   only conversations whose latest activity is at or after this instant
     * @param activeBefore only conversations whose latest activity is before this instant
     * @param terms        only conversations holding every one of these word indexes, in any of their messages
     * @param aging        only conversations approaching or past their response target, soonest due first
     */
    public record Filter(Collection<String> statuses, Collection<String> assignees, String urgency, String category,
            String queue, String priority, String patientId, String patientRef, Instant activeFrom,
            Instant activeBefore, Collection<String> terms, boolean aging) {

        /** The inbox list's filter. */
        public static Filter inbox(Collection<String> statuses, Collection<String> assignees, boolean aging,
                String urgency, String category, String queue) {
            return new Filter(statuses, assignees, urgency, category, queue, null, null, null, null, null, null, aging);
        }
    }

    /**
     * The conversations in the scope that pass the filter: critical first, then high, normal, low (a resolved
     * conversation counts as normal), each newest activity first, skipping the first {@code offset}. Index
     * conversation_location_priority serves this order; message_term_term_conversation the word terms.
     */
    public Uni<List<Summary>> listInScope(Mutiny.Session session, Scope scope, Filter filter, int limit,
            int offset) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        String inScope = scope.condition(parameters);
        narrow(where, parameters, "c.status in :statuses", "statuses", filter.statuses());
        narrow(where, parameters, "c.assignee in :assignees", "assignees", filter.assignees());
        narrow(where, parameters, "c.urgency = :urgency", "urgency", filter.urgency());
        narrow(where, parameters, "c.category = :category", "category", filter.category());
        narrow(where, parameters, "c.queueCode = :queue", "queue", filter.queue());
        narrow(where, parameters, "c.priority = :priority", "priority", filter.priority());
        narrow(where, parameters, "c.patientId = :patientId", "patientId", filter.patientId());
        narrow(where, parameters, "c.patientRef = :patientRef", "patientRef", filter.patientRef());
        narrow(where, parameters, "c.lastMessageAt >= :activeFrom", "activeFrom", filter.activeFrom());
        narrow(where, parameters, "c.lastMessageAt < :activeBefore", "activeBefore", filter.activeBefore());
        if (filter.aging()) {
            where.append(" and c.targetFlag is not null");
        }
        if (filter.terms() != null) {
            // Every term in some message of the conversation, not necessarily the same one.
            narrow(where, parameters, "c.id in (select t.conversationId from MessageTerm t where t.term in :terms"
                    + " group by t.conversationId having count(distinct t.term) = :termCount)", "terms",
                    filter.terms());
            parameters.put("termCount", (long) Set.copyOf(filter.terms()).size());
        }
        var query = session.createSelectionQuery("select c, (select count(m) from Message m"
                + " where m.conversationId = c.id) from Conversation c where " + inScope
                + where + (filter.aging() ? " order by c.responseDueAt, c.id"
                        : " order by c.priorityRank, c.lastMessageAt desc, c.id"), Object[].class)
                .setFirstResult(offset)
                .setMaxResults(limit);
        for (var parameter : parameters.entrySet()) {
            query = query.setParameter(parameter.getKey(), parameter.getValue());
        }
        return query.getResultList()
                .map(rows -> rows.stream().map(row -> new Summary((Conversation) row[0], (Long) row[1])).toList());
    }

    private static void narrow(StringBuilder where, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }
}
