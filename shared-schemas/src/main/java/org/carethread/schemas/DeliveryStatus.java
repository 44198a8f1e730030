package org.carethread.schemas;

/** Delivery progress of an outbound message as staff see it. */
public enum DeliveryStatus {
    /** Waiting to be handed to the carrier. */
    QUEUED,
    /** The carrier accepted it. */
    SUBMITTED,
    /** The carrier reports it reached the handset. */
    DELIVERED,
    /** The carrier refused it or could not deliver it. */
    FAILED;

    /**
     * Maps a Vonage Messages API status ({@code submitted, delivered, read, rejected, undeliverable}), or a mail
     * server's report on an e-mail, which uses the same words and {@code delayed}: the servers are still trying, so
     * the e-mail is as far as it was when our SMTP server took it.
     */
    public static DeliveryStatus fromCarrier(String carrierStatus) {
        return switch (carrierStatus) {
            case "submitted", "delayed" -> SUBMITTED;
            case "delivered", "read" -> DELIVERED;
            case "rejected", "undeliverable", "failed" -> FAILED;
            default -> throw new IllegalArgumentException("unknown carrier status: " + carrierStatus);
        };
    }

    /** Statuses only move forward: a late "submitted" never overwrites "delivered". */
    public boolean isAfter(DeliveryStatus other) {
        return ordinal() > other.ordinal();
    }
}
