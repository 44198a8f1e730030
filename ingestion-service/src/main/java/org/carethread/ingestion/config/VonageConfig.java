package org.carethread.ingestion.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Vonage webhooks are authenticated, and how the files they name are fetched ({@code carethread.vonage.*}). */
@ConfigMapping(prefix = "carethread.vonage")
public interface VonageConfig {

    /** HS256 secret Vonage signs its webhook JWTs with ({@code VONAGE_SIGNATURE_SECRET}). */
    String signatureSecret();

    /** Oldest token accepted, by its {@code iat}: a captured webhook cannot be replayed later. */
    Duration maxTokenAge();

    /** Clock difference tolerated between Vonage and this service. */
    Duration clockSkew();

    /**
     * The Vonage application's id ({@code VONAGE_APPLICATION_ID}); with {@link #privateKey()}, files are fetched
     * with the application's JWT, as Vonage's "secure inbound media" requires.
     */
    Optional<String> applicationId();

    /** The application's private key, PEM ({@code VONAGE_PRIVATE_KEY}). */
    Optional<String> privateKey();

    /** The only hosts a file is fetched from: Vonage's media servers (anything else would let a URL reach inside). */
    @WithDefault("api.nexmo.com,api-us.nexmo.com,api-eu.nexmo.com,api-ap.nexmo.com")
    List<String> mediaHosts();

    /** Whether a media host is reached over plain HTTP (the local stand-in only); HTTPS otherwise. */
    @WithDefault("false")
    boolean mediaPlainHttp();

    /** How long fetching one file may take before the webhook is answered 503, for Vonage to retry. */
    @WithDefault("PT20S")
    Duration mediaTimeout();
}
