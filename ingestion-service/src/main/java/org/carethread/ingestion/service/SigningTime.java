package org.carethread.ingestion.service;

import java.time.Duration;
import java.time.Instant;

/** When a webhook was signed, checked the same way for every channel: too old is a replay, too new a wrong clock. */
final class SigningTime {
    private SigningTime() {
    }

    static void requireFresh(Instant signedAt, Duration maxAge, Duration clockSkew) {
        Instant now = Instant.now();
        if (signedAt.isBefore(now.minus(maxAge).minus(clockSkew))) {
            throw WebhookRejectedException.unauthorized("The webhook was signed more than " + maxAge.toMinutes()
                    + " minutes ago: a stale or replayed webhook is refused.");
        }
        if (signedAt.isAfter(now.plus(clockSkew))) {
            throw WebhookRejectedException.unauthorized("The webhook was signed in the future; check the clock of"
                    + " this server.");
        }
    }
}
