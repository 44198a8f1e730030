package org.carethread.conversation.rest;

import java.time.Instant;
import java.util.List;

import org.carethread.schemas.DeliveryStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One message as staff read it.
 *
 * @param deliveryStatus null for messages from the patient
 * @param sentBy         the staff member's id (Keycloak subject) for replies; null for automatic replies
 * @param sentByName     the staff member's username for replies; {@code CareThread (automatic)} for automatic ones
 * @param kind           safety or after-hours for an automatic reply; null otherwise
 * @param subject        the e-mail's subject; null for SMS
 * @param attachments    the files that came with a patient's message, in the order sent; empty otherwise
 */
public record MessageView(String id, String direction,
        @Schema(enumeration = { "sms", "email", "voicemail" }) String channel, String text, Instant at,
        DeliveryStatus deliveryStatus, String failureReason, String sentBy, String sentByName,
        @Schema(description = "safety or after-hours for an automatic reply CareThread sent; null otherwise",
                enumeration = { "safety", "after-hours" }, nullable = true) String kind,
        @Schema(description = "the e-mail's subject; null for SMS", nullable = true) String subject,
        List<AttachmentView> attachments) {
}
