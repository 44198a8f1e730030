package org.carethread.ingestion.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How Vonage webhooks are authenticated, how the Vonage SDK reaches Vonage, and how the files webhooks name are
 * fetched ({@code carethread.vonage.*}).
 */
@ConfigMapping(prefix = "carethread.vonage")
public interface VonageConfig {

    /** HS256 secret Vonage signs its webhook JWTs with ({@code VONAGE_SIGNATURE_SECRET}). */
    String signatureSecret();

    /** Oldest token accepted, by its {@code iat}: a captured webhook cannot be replayed later. */
    Duration maxTokenAge();

    /** Clock difference tolerated between Vonage and this service. */
    Duration clockSkew();

    /**
     * The Vonage application whose numbers ring and text here ({@code VONAGE_APPLICATION_ID}); with
     * {@link #privateKey()} it signs the SDK's downloads of voicemail recordings and transcripts, and the JWT that
     * fetches MMS files, as Vonage's "secure inbound media" requires. Without both, neither can be fetched.
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
