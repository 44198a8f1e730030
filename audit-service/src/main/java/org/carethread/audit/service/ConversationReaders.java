package org.carethread.audit.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.audit.repository.AuditEntryRepository;
import org.carethread.schemas.EventTypes;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Who read a conversation's PHI: the reads its service reported, newest first. Asking is itself recorded. */
@ApplicationScoped
public class ConversationReaders {
    public static final String READERS_TYPE = "carethread.audit.readers-listed.v1";
    public static final String READERS_ACTION = "audit.readers";

    private final Mutiny.SessionFactory sessions;
    private final AuditEntryRepository entries;
    private final AuditLog auditLog;

    public ConversationReaders(Mutiny.SessionFactory sessions, AuditEntryRepository entries, AuditLog auditLog) {
        this.sessions = sessions;
        this.entries = entries;
        this.auditLog = auditLog;
    }

    /** As a search: the question is committed to the log first; if it cannot be, nothing is shown. */
    public Uni<SearchResult> readers(String conversationId, int page, int size, String actor) {
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("conversationId", conversationId);
        asked.put("page", page);
        asked.put("size", size);
        return sessions.withTransaction(session -> auditLog.appendOwn(session, READERS_TYPE, READERS_ACTION, actor,
                        AuditSearch.describe(asked)))
                .chain(() -> sessions.withSession(session -> entries
                        .countReads(session, conversationId, EventTypes.PHI_ACCESSED)
                        .chain(total -> entries.reads(session, conversationId, EventTypes.PHI_ACCESSED, page, size)
                                .map(reads -> new SearchResult(reads, total)))));
    }
}
