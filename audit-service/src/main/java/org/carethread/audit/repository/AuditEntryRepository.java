package org.carethread.audit.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** SQL of the audit log. Only inserts and reads: the table refuses updates and deletes anyway. */
@ApplicationScoped
public class AuditEntryRepository {
    /** Advisory lock key that serialises appends, so each entry links to the one committed just before it. */
    private static final long CHAIN_LOCK = 0x6361726561756469L;

    /**
     * Holds the chain lock until the transaction ends. A row lock cannot do this: an empty table has no row to
     * lock, and two first appends would both link to the zero hash.
     */
    public Uni<Void> lockChain(Mutiny.Session session) {
        return session.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:key)) as locked",
                        Long.class)
                .setParameter("key", CHAIN_LOCK)
                .getSingleResult()
                .replaceWithVoid();
    }

    /** Hash of the newest entry, or {@code null} while the log is empty. */
    public Uni<String> headHash(Mutiny.Session session) {
        return session.createNativeQuery("select entry_hash from audit_entry order by seq desc limit 1", String.class)
                .getSingleResultOrNull();
    }

    public Uni<AuditEntry> insert(Mutiny.Session session, AuditEntry entry) {
        return session.persist(entry).chain(session::flush).replaceWith(entry);
    }

    public Uni<List<AuditEntry>> search(Mutiny.Session session, AuditCriteria criteria) {
        Where where = where(criteria);
        var query = session.createSelectionQuery("from AuditEntry" + where.clause + " order by occurredAt, seq",
                AuditEntry.class);
        where.parameters.forEach(query::setParameter);
        return query.setFirstResult(criteria.page() * criteria.size()).setMaxResults(criteria.size())
                .getResultList();
    }

    public Uni<Long> count(Mutiny.Session session, AuditCriteria criteria) {
        Where where = where(criteria);
        var query = session.createSelectionQuery("select count(*) from AuditEntry" + where.clause, Long.class);
        where.parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** Reads of PHI in one conversation, newest first, one page of {@code criteria}. */
    public Uni<List<AuditEntry>> reads(Mutiny.Session session, String conversationId, String readType, int page,
            int size) {
        return session.createSelectionQuery("from AuditEntry where conversationId = :conversationId"
                        + " and eventType = :readType order by occurredAt desc, seq desc", AuditEntry.class)
                .setParameter("conversationId", conversationId)
                .setParameter("readType", readType)
                .setFirstResult(page * size).setMaxResults(size)
                .getResultList();
    }

    public Uni<Long> countReads(Mutiny.Session session, String conversationId, String readType) {
        return session.createSelectionQuery("select count(*) from AuditEntry where conversationId = :conversationId"
                        + " and eventType = :readType", Long.class)
                .setParameter("conversationId", conversationId)
                .setParameter("readType", readType)
                .getSingleResult();
    }

    /**
     * The next {@code limit} entries matching {@code criteria} (its paging ignored) after {@code afterSeq}, in chain
     * order: an export walks the whole result in batches without holding it in memory.
     */
    public Uni<List<AuditEntry>> matchingAfter(Mutiny.Session session, AuditCriteria criteria, long afterSeq,
            int limit) {
        Where where = where(criteria);
        var query = session.createSelectionQuery("from AuditEntry" + where.clause
                + (where.clause.isEmpty() ? " where" : " and") + " seq > :after order by seq", AuditEntry.class);
        where.parameters.forEach(query::setParameter);
        return query.setParameter("after", afterSeq).setMaxResults(limit).getResultList();
    }

    /** The next {@code limit} entries after {@code afterSeq}, in chain order. */
    public Uni<List<AuditEntry>> chainAfter(Mutiny.Session session, long afterSeq, int limit) {
        return session.createSelectionQuery("from AuditEntry where seq > :after order by seq", AuditEntry.class)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    private static Where where(AuditCriteria criteria) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        add(conditions, parameters, "conversationId = :conversationId", "conversationId", criteria.conversationId());
        add(conditions, parameters, "patientRef = :patientRef", "patientRef", criteria.patientRef());
        add(conditions, parameters, "(actorUserId = :actor or actorName = :actor)", "actor", criteria.actor());
        add(conditions, parameters, "action = :action", "action", criteria.action());
        add(conditions, parameters, "occurredAt >= :from", "from", criteria.from());
        add(conditions, parameters, "occurredAt < :to", "to", criteria.to());
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
    }

    private static void add(List<String> conditions, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }

    private record Where(String clause, Map<String, Object> parameters) {
    }
}
