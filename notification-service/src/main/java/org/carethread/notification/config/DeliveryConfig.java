package org.carethread.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How sends the carrier could not take are retried. */
@ConfigMapping(prefix = "carethread.delivery")
public interface DeliveryConfig {
    /** Carrier calls per message before it is given up as FAILED. */
    int maxAttempts();

    /** Wait before the first retry; doubles with every further attempt. */
    Duration retryDelay();

    /** How long a send in flight keeps other sweepers off its row; longer than the carrier timeout. */
    Duration claimLease();

    /** How often the retry sweeper looks for due messages (read by its {@code @Scheduled} expression). */
    Duration sweepInterval();
}
