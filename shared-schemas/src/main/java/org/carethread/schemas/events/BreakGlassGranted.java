package org.carethread.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * A staff member opened a conversation outside their locations by giving a reason (break-glass): they may read it
 * until {@code expiresAt}, and every read meanwhile is audited with that reason. Raised for supervisors and compliance
 * officers to review. The reason is free text and travels only sealed, in the {@code PhiAccessed} of the grant. Topic
 * {@code audit.access}, key {@code patientRef}.
 *
 * @param staffUserId Keycloak subject of the staff member
 * @param staffRoles  their realm roles
 */
public record BreakGlassGranted(String grantId, String conversationId, String locationCode, String patientRef,
        String staffUserId, String staffUsername, List<String> staffRoles, Instant expiresAt, Instant at) {
}
