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
import org.carethread.schemas.crypto.PhiCipher;

/**
 * Entries and reports into the shapes the REST API answers with. A break-glass purpose is opened here, for the
 * supervisor or compliance officer asking, and nowhere else.
 */
public final class AuditViewMapper {
    private AuditViewMapper() {
    }

    public static AuditEntryView toView(AuditEntry entry, PhiCipher cipher) {
        return new AuditEntryView(entry.seq, entry.eventId, entry.eventType, entry.action, entry.conversationId,
                entry.actorUserId, entry.locationCode, entry.clientAddress, entry.occurredAt, entry.recordedAt,
                entry.entryHash, entry.sealedPurpose != null, purpose(entry, cipher), entry.actorName);
    }

    public static AuditPage toPage(SearchResult result, AuditCriteria criteria, PhiCipher cipher) {
        return new AuditPage(result.entries().stream().map(entry -> toView(entry, cipher)).toList(), criteria.page(),
                criteria.size(), result.total());
    }

    public static ReadersPage toReaders(String conversationId, SearchResult result, int page, int size,
            PhiCipher cipher) {
        return new ReadersPage(conversationId, result.entries().stream().map(read -> toReader(read, cipher)).toList(),
                page, size, result.total());
    }

    static ReaderView toReader(AuditEntry read, PhiCipher cipher) {
        List<String> roles = read.actorRoles == null ? List.of() : List.of(read.actorRoles.split(","));
        return new ReaderView(read.actorUserId, roles, read.action, read.occurredAt, read.clientAddress,
                read.locationCode, read.sealedPurpose != null, purpose(read, cipher), read.actorName);
    }

    private static String purpose(AuditEntry entry, PhiCipher cipher) {
        return entry.sealedPurpose == null ? null : cipher.open(entry.sealedPurpose);
    }

    public static ChainStatus toStatus(ChainReport report) {
        return report.intact() ? new ChainStatus(true, report.entries(), null, null)
                : new ChainStatus(false, null, report.firstBrokenSeq(), report.problem().description);
    }
}
