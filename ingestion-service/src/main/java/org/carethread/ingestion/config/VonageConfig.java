package org.carethread.ingestion.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How Vonage webhooks are authenticated ({@code carethread.vonage.*}). */
@ConfigMapping(prefix = "carethread.vonage")
public interface VonageConfig {

    /** HS256 secret Vonage signs its webhook JWTs with ({@code VONAGE_SIGNATURE_SECRET}). */
    String signatureSecret();

    /** Oldest token accepted, by its {@code iat}: a captured webhook cannot be replayed later. */
    Duration maxTokenAge();

    /** Clock difference tolerated between Vonage and this service. */
    Duration clockSkew();
}
