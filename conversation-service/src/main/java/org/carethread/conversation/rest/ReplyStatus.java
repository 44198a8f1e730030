package org.carethread.conversation.rest;

import java.time.Instant;

import org.carethread.schemas.DeliveryStatus;

/** Where a reply stands on its way to the patient; no message text. */
public record ReplyStatus(String id, String conversationId, DeliveryStatus deliveryStatus, String failureReason,
        Instant at) {
}
