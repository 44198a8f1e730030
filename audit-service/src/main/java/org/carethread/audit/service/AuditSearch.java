package org.carethread.audit.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.audit.repository.AuditCriteria;
import org.carethread.audit.repository.AuditEntryRepository;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Compliance searches over the log. Each search is itself recorded before any entry is shown. */
@ApplicationScoped
public class AuditSearch {
    public static final String SEARCH_TYPE = "carethread.audit.searched.v1";
    public static final String SEARCH_ACTION = "audit.search";
    private static final int SUBJECT_LIMIT = 500;

    private final Mutiny.SessionFactory sessions;
    private final AuditEntryRepository entries;
    private final AuditLog auditLog;

    public AuditSearch(Mutiny.SessionFactory sessions, AuditEntryRepository entries, AuditLog auditLog) {
        this.sessions = sessions;
        this.entries = entries;
        this.auditLog = auditLog;
    }

    /**
     * The search is committed to the log first and the entries read afterwards, outside the chain lock: if the
     * record cannot be written, nothing is shown.
     */
    public Uni<SearchResult> search(AuditCriteria criteria, String actor) {
        return sessions.withTransaction(session -> auditLog.appendOwn(session, SEARCH_TYPE, SEARCH_ACTION, actor,
                        describe(criteria)))
                .chain(() -> sessions.withSession(session -> entries.count(session, criteria)
                        .chain(total -> entries.search(session, criteria)
                                .map(page -> new SearchResult(page, total)))));
    }

    /** The filters and page as the entry's subject (ids, blind indexes and times only, never PHI). */
    static String describe(AuditCriteria criteria) {
        Map<String, Object> described = filters(criteria);
        described.put("page", criteria.page());
        described.put("size", criteria.size());
        return describe(described);
    }

    /** The filters alone, for a request that is not paged (an export). */
    static Map<String, Object> filters(AuditCriteria criteria) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("conversationId", criteria.conversationId());
        filters.put("patientRef", criteria.patientRef());
        filters.put("actor", criteria.actor());
        filters.put("action", criteria.action());
        filters.put("from", criteria.from());
        filters.put("to", criteria.to());
        return filters;
    }

    /** {@code name=value&…} of the non-null values, cut to what the subject column is meant to hold. */
    static String describe(Map<String, Object> filters) {
        String described = filters.entrySet().stream().filter(filter -> filter.getValue() != null)
                .map(filter -> filter.getKey() + "=" + filter.getValue()).collect(Collectors.joining("&"));
        return described.length() <= SUBJECT_LIMIT ? described : described.substring(0, SUBJECT_LIMIT);
    }
}
