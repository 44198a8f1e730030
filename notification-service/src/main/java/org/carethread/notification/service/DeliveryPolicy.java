package org.carethread.notification.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.notification.config.DeliveryConfig;

/** When to try a send again and when to give up. */
@ApplicationScoped
public class DeliveryPolicy {
    private final DeliveryConfig config;

    public DeliveryPolicy(DeliveryConfig config) {
        this.config = config;
    }

    public Duration retryDelay() {
        return config.retryDelay();
    }

    public int maxAttempts() {
        return config.maxAttempts();
    }

    public boolean exhausted(int attempts) {
        return attempts >= config.maxAttempts();
    }

    /** While a send is in flight, its row is off limits to every other sender until this time. */
    public Instant claimedUntil(Instant now) {
        return now.plus(config.claimLease());
    }

    /** Exponential backoff: the retry delay after the first attempt, doubled after each further one. */
    public Instant nextAttemptAfter(int attempts, Instant now) {
        int doublings = Math.max(0, Math.min(attempts - 1, 10));
        return now.plus(config.retryDelay().multipliedBy(1L << doublings));
    }
}
