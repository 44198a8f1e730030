package org.carethread.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.notification.config.SmsThroughputConfig;
import org.carethread.notification.repository.SenderPace;

/**
 * When a practice number may call the carrier again, from its messages-per-second limit. A practice mailbox (e-mail)
 * has no such limit.
 */
@ApplicationScoped
public class SenderPacing {
    private final SmsThroughputConfig config;

    public SenderPacing(SmsThroughputConfig config) {
        requirePositive(config.messagesPerSecond(), "carethread.sms-throughput.messages-per-second");
        config.numbers().forEach((number, limit) -> requirePositive(limit,
                "carethread.sms-throughput.numbers.\"" + number + "\""));
        this.config = config;
    }

    private static void requirePositive(double messagesPerSecond, String property) {
        if (!(messagesPerSecond > 0)) {
            throw new IllegalArgumentException(property + " must be more than 0 messages per second");
        }
    }

    /** The shortest time from the carrier's answer to one call from this number to the start of the next. */
    public Duration interval(String practiceNumber) {
        if (practiceNumber.contains("@")) {
            // A practice mailbox: SMTP servers set no per-second limit; its queue still sends one mail at a time
            return Duration.ZERO;
        }
        Map<String, Double> own = config.numbers();
        double limit = own.getOrDefault(practiceNumber, config.messagesPerSecond());
        return Duration.ofNanos(Math.round(1_000_000_000d / limit));
    }

    /**
     * When the number may start its next call: one interval after the carrier answered its last one. While another
     * instance's call holds the turn, its answer is still to come, so look again one interval on (or when a dead
     * holder's lease runs out, if sooner).
     */
    public Instant freeAt(SenderPace pace, Instant now) {
        Duration interval = interval(pace.practiceNumber);
        Instant free = pace.lastCallAnsweredAt == null ? now : pace.lastCallAnsweredAt.plus(interval);
        if (pace.heldAt(now)) {
            Instant lookAgain = now.plus(interval);
            Instant held = pace.turnHeldUntil.isBefore(lookAgain) ? pace.turnHeldUntil : lookAgain;
            return held.isAfter(free) ? held : free;
        }
        return free;
    }
}
