package org.carethread.notification.client;

/** What the carrier did with one send. Carries no PHI: safe to log and to store. */
public sealed interface CarrierOutcome {

    /** A fixed word for metrics and logs. */
    default String label() {
        if (this instanceof Accepted) {
            return "accepted";
        }
        if (this instanceof Refused) {
            return "refused";
        }
        return this instanceof Unsendable ? "unsendable" : "unavailable";
    }

    /** The carrier took the message; it will report progress under {@code providerMessageId}. */
    record Accepted(String providerMessageId) implements CarrierOutcome {
    }

    /** The carrier refused this message for good (a 4xx): sending it again would be refused again. */
    record Refused(int httpStatus) implements CarrierOutcome {
    }

    /** The SDK would not even build the request (recipient, sender or text out of bounds for SMS). */
    record Unsendable() implements CarrierOutcome {
    }

    /** The carrier could not be asked (no connection, timeout, 5xx, throttling): worth trying again later. */
    record Unavailable(String cause) implements CarrierOutcome {
    }
}
