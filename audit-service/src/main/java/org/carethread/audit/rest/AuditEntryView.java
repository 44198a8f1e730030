package org.carethread.audit.rest;

import java.time.Instant;

/**
 * An audit entry as compliance staff see it.
 *
 * @param breakGlass whether the actor had to say why (a break-glass grant or a read under one)
 * @param purpose    what they said, opened for the compliance reader; null when they did not have to
 * @param actorName  the actor's username when the event named it; {@code actorUserId} may be a Keycloak subject
 */
public record AuditEntryView(long seq, String eventId, String type, String action, String conversationId,
        String actorUserId, String locationCode, String clientAddress, Instant occurredAt, Instant recordedAt,
        String entryHash, boolean breakGlass, String purpose, String actorName) {
}
