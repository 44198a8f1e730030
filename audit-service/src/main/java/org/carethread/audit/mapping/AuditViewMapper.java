package org.carethread.audit.mapping;

import java.util.List;

import org.carethread.audit.repository.AuditCriteria;
import org.carethread.audit.repository.AuditEntry;
import org.carethread.audit.rest.AuditEntryView;
import org.carethread.audit.rest.AuditPage;
import org.carethread.audit.rest.ChainStatus;
import org.carethread.audit.rest.ReaderView;
import org.carethread.audit.rest.ReadersPage;
import org.carethread.audit.service.ChainReport;
import org.carethread.audit.service.SearchResult;

/** Entries and reports into the shapes the REST API answers with. */
public final class AuditViewMapper {
    private AuditViewMapper() {
    }

    public static AuditEntryView toView(AuditEntry entry) {
        return new AuditEntryView(entry.seq, entry.eventId, entry.eventType, entry.action, entry.conversationId,
                entry.actorUserId, entry.locationCode, entry.clientAddress, entry.occurredAt, entry.recordedAt,
                entry.entryHash);
    }

    public static AuditPage toPage(SearchResult result, AuditCriteria criteria) {
        return new AuditPage(result.entries().stream().map(AuditViewMapper::toView).toList(), criteria.page(),
                criteria.size(), result.total());
    }

    public static ReadersPage toReaders(String conversationId, SearchResult result, int page, int size) {
        return new ReadersPage(conversationId, result.entries().stream().map(AuditViewMapper::toReader).toList(),
                page, size, result.total());
    }

    static ReaderView toReader(AuditEntry read) {
        List<String> roles = read.actorRoles == null ? List.of() : List.of(read.actorRoles.split(","));
        return new ReaderView(read.actorUserId, roles, read.action, read.occurredAt, read.clientAddress,
                read.locationCode);
    }

    public static ChainStatus toStatus(ChainReport report) {
        return report.intact() ? new ChainStatus(true, report.entries(), null, null)
                : new ChainStatus(false, null, report.firstBrokenSeq(), report.problem().description);
    }
}
