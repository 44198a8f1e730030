package org.carethread.schemas.events;

import java.time.Instant;

/**
 * A carrier's delivery receipt for a message we sent. Topic {@code inbound.receipts}, key {@code providerMessageId}.
 *
 * @param providerMessageId the carrier's id of our outbound message (for e-mail, our Message-ID with its angle
 *                          brackets, as the message was recorded when the SMTP server took it)
 * @param carrierStatus     the carrier's status word ({@code submitted, delivered, rejected, undeliverable, read};
 *                          e-mail also {@code delayed}: the mail servers are still trying)
 * @param clientRef         our outbound id, echoed by the carrier when we sent it (may be null)
 * @param errorReason       carrier's reason for a failure, without PHI (may be null)
 * @param occurredAt        when the carrier says it happened
 * @param channel           {@code email} for a mail system's report (bounce, delivery or read notification); null
 *                          (read as {@code sms}) for Vonage's SMS receipts, which came first
 */
public record DeliveryReceipt(String providerMessageId, String carrierStatus, String clientRef, String errorReason,
        Instant occurredAt, String channel) {

    /** A Vonage SMS receipt: no channel. */
    public DeliveryReceipt(String providerMessageId, String carrierStatus, String clientRef, String errorReason,
            Instant occurredAt) {
        this(providerMessageId, carrierStatus, clientRef, errorReason, occurredAt, null);
    }
}
