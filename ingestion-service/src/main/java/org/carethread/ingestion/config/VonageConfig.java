package org.carethread.ingestion.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Vonage webhooks are authenticated, and how the Vonage SDK reaches Vonage ({@code carethread.vonage.*}). */
@ConfigMapping(prefix = "carethread.vonage")
public interface VonageConfig {

    /** HS256 secret Vonage signs its webhook JWTs with ({@code VONAGE_SIGNATURE_SECRET}). */
    String signatureSecret();

    /** Oldest token accepted, by its {@code iat}: a captured webhook cannot be replayed later. */
    Duration maxTokenAge();

    /** Clock difference tolerated between Vonage and this service. */
    Duration clockSkew();

    /**
     * The Vonage Voice application whose calls ring here ({@code VONAGE_APPLICATION_ID}); with {@link #privateKey()}
     * it signs the SDK's downloads of recordings and transcripts. Without both, voicemails cannot be fetched.
     */
    Optional<String> applicationId();

    /** The application's private key, PEM ({@code VONAGE_PRIVATE_KEY}). */
    Optional<String> privateKey();

    /**
     * An HTTP proxy the SDK goes through ({@code VONAGE_HTTP_PROXY}): an egress proxy in production, the sandbox
     * carrier locally and in tests, which then answers for Vonage's file URLs.
     */
    Optional<String> httpProxy();

    /** Upper bound on one SDK call, such as a recording download. */
    @WithDefault("30s")
    Duration apiTimeout();
}
