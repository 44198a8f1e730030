package org.carethread.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Where and how the Vonage SDK sends (env {@code VONAGE_API_BASE_URL}, {@code VONAGE_API_KEY}, {@code VONAGE_API_SECRET}). */
@ConfigMapping(prefix = "carethread.vonage")
public interface VonageConfig {
    /** The Messages API base, e.g. {@code https://api.nexmo.com}; a local stand-in in tests and the sandbox. */
    String apiBaseUrl();

    String apiKey();

    String apiSecret();

    /** Longest wait for the carrier; must stay well below {@link DeliveryConfig#claimLease()}. */
    Duration timeout();
}
