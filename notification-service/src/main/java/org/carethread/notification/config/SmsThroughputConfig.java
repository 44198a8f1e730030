package org.carethread.notification.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many SMS per second each practice number may send: carriers allow 1 to 10 per number, set per number. */
@ConfigMapping(prefix = "carethread.sms-throughput")
public interface SmsThroughputConfig {
    /** The limit of every number without one of its own. */
    @WithDefault("1")
    double messagesPerSecond();

    /** Practice number (as sent, e.g. {@code 15550001001}) → its own limit, e.g. a toll-free or 10DLC number. */
    Map<String, Double> numbers();
}
