package org.carethread.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * A staff member read PHI. Topic {@code audit.access}, key {@code patientRef}.
 *
 * @param action        what was read, e.g. {@code conversation.read}
 * @param clientAddress where the request came from
 * @param purpose       why, when the user gave a reason (break-glass); may be null
 */
public record PhiAccessed(String staffUserId, List<String> staffRoles, String action, String conversationId,
        String patientRef, String locationCode, String clientAddress, String purpose, Instant at) {
}
