package org.carethread.schemas.events;

import java.time.Instant;

/**
 * The on-call staff member is alerted to an emergency message, at any hour. Topic {@code staff.alerts}, key
 * {@code patientRef}. Carries no PHI: staff open the conversation to read the message.
 *
 * @param alertId        unique per alert; derived from the message event so a redelivery alerts once
 * @param messageEventId the {@link MessageReceived} event that raised it
 * @param queue          where the conversation now sits, at the top
 * @param onCallStaff    the username of the staff member on call for the location, or null if nobody is on call
 *                       (then the whole clinical queue is alerted)
 * @param safetyRuleId   the safety rule that fired, e.g. {@code chest-pain}
 */
public record OnCallAlerted(String alertId, String messageEventId, String patientRef, String locationCode,
        String queue, String onCallStaff, String safetyRuleId, Instant alertedAt) {
}
