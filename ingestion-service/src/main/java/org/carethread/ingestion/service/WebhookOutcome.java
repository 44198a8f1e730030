package org.carethread.ingestion.service;

/** What became of a carrier webhook; the {@code outcome} tag of the {@code carethread.webhooks} counter. */
public enum WebhookOutcome {
    /** Verified, new, and durably in Kafka. */
    ACCEPTED,
    /** Verified, but accepted before: answered 200 so the carrier stops retrying, published nothing. */
    DUPLICATE,
    UNAUTHORIZED,
    INVALID,
    /** Kafka or the database could not take it now; the carrier retries. */
    UNAVAILABLE;

    public String tag() {
        return name().toLowerCase();
    }
}
