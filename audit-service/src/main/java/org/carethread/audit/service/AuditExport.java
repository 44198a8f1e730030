package org.carethread.audit.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.audit.repository.AuditCriteria;
import org.carethread.audit.repository.AuditEntry;
import org.carethread.audit.repository.AuditEntryRepository;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Every entry matching a search, in chain order, for an auditor. The export is recorded in the chain (with its
 * filters and format) before the first entry is read, and the entries are read in batches as the client takes them,
 * so a large log is never held in memory.
 */
@ApplicationScoped
public class AuditExport {
    public static final String EXPORT_TYPE = "carethread.audit.exported.v1";
    public static final String EXPORT_ACTION = "audit.export";
    static final int BATCH_SIZE = 500;

    private final Mutiny.SessionFactory sessions;
    private final AuditEntryRepository entries;
    private final AuditLog auditLog;

    public AuditExport(Mutiny.SessionFactory sessions, AuditEntryRepository entries, AuditLog auditLog) {
        this.sessions = sessions;
        this.entries = entries;
        this.auditLog = auditLog;
    }

    /** Records the export; the returned batches then read the matching entries, oldest in the chain first. */
    public Uni<Multi<List<AuditEntry>>> export(AuditCriteria criteria, String format, String actor) {
        Map<String, Object> asked = AuditSearch.filters(criteria);
        asked.put("format", format);
        return sessions.withTransaction(session -> auditLog.appendOwn(session, EXPORT_TYPE, EXPORT_ACTION, actor,
                        AuditSearch.describe(asked)))
                .map(recorded -> batches(criteria));
    }

    private Multi<List<AuditEntry>> batches(AuditCriteria criteria) {
        AtomicLong after = new AtomicLong();
        return Multi.createBy().repeating()
                .uni(() -> sessions.withSession(session -> entries.matchingAfter(session, criteria, after.get(),
                        BATCH_SIZE))
                        .invoke(batch -> {
                            if (!batch.isEmpty()) {
                                after.set(batch.get(batch.size() - 1).seq);
                            }
                        }))
                .until(List::isEmpty);
    }
}
