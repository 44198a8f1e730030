package org.carethread.ingestion.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How inbound e-mail is authenticated and what it may weigh ({@code carethread.email.*}). */
@ConfigMapping(prefix = "carethread.email")
public interface EmailConfig {

    /** HMAC-SHA256 secret the inbound-mail provider signs each webhook with ({@code EMAIL_WEBHOOK_SECRET}). */
    String webhookSecret();

    /** Oldest webhook timestamp accepted: a captured webhook cannot be replayed later. */
    @WithDefault("PT5M")
    Duration maxWebhookAge();

    /** Clock difference tolerated between the provider and this service. */
    @WithDefault("PT30S")
    Duration clockSkew();

    /** The largest raw e-mail (headers, body and encoded attachments) accepted, in bytes. */
    @WithDefault("10485760")
    int maxMessageBytes();

    /** The longest text kept, in characters, after markup and quoted history are gone. */
    @WithDefault("100000")
    int maxTextChars();

    /** How many attachments one e-mail may carry. */
    @WithDefault("20")
    int maxAttachments();

    /** How much all archives of one e-mail may expand to, in bytes, counting archives inside archives. */
    @WithDefault("52428800")
    long maxExpandedBytes();

    /** How many times its own size an archive may expand to once past a mebibyte: more is a zip bomb. */
    @WithDefault("100")
    int maxExpansionRatio();
}
