package org.carethread.conversation.rest;

import java.time.Instant;

import org.carethread.schemas.DeliveryStatus;

/**
 * One message as staff read it.
 *
 * @param deliveryStatus null for messages from the patient
 * @param sentBy         the staff member's id (Keycloak subject) for replies
 * @param sentByName     the staff member's username for replies
 */
public record MessageView(String id, String direction, String channel, String text, Instant at,
        DeliveryStatus deliveryStatus, String failureReason, String sentBy, String sentByName) {
}
