package org.carethread.schemas.events;

import java.time.Instant;

/**
 * A carrier's delivery receipt for a message we sent. Topic {@code inbound.receipts}, key {@code providerMessageId}.
 *
 * @param providerMessageId the carrier's id of our outbound message
 * @param carrierStatus     the carrier's status word ({@code submitted, delivered, rejected, undeliverable, read})
 * @param clientRef         our outbound id, echoed by the carrier when we sent it (may be null)
 * @param errorReason       carrier's reason for a failure, without PHI (may be null)
 * @param occurredAt        when the carrier says it happened
 */
public record DeliveryReceipt(String providerMessageId, String carrierStatus, String clientRef, String errorReason,
        Instant occurredAt) {
}
