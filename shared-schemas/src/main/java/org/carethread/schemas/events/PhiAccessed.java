package org.carethread.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * A staff member read PHI. Topic {@code audit.access}, key {@code patientRef}.
 *
 * @param staffUserId   the reader's Keycloak subject
 * @param action        what was read, e.g. {@code conversation.read}
 * @param clientAddress where the request came from
 * @param purpose       why, when the user gave a reason (break-glass); may be null
 * @param staffUsername the reader's username, so the audit log can name them (added later; null in older events)
 */
public record PhiAccessed(String staffUserId, List<String> staffRoles, String action, String conversationId,
        String patientRef, String locationCode, String clientAddress, String purpose, Instant at,
        String staffUsername) {

    /** An access whose reader is known by subject only. */
    public PhiAccessed(String staffUserId, List<String> staffRoles, String action, String conversationId,
            String patientRef, String locationCode, String clientAddress, String purpose, Instant at) {
        this(staffUserId, staffRoles, action, conversationId, patientRef, locationCode, clientAddress, purpose, at,
                null);
    }
}
