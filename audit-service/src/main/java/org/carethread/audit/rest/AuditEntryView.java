package org.carethread.audit.rest;

import java.time.Instant;

/** An audit entry as compliance staff see it. */
public record AuditEntryView(long seq, String eventId, String type, String action, String conversationId,
        String actorUserId, String locationCode, String clientAddress, Instant occurredAt, Instant recordedAt,
        String entryHash) {
}
