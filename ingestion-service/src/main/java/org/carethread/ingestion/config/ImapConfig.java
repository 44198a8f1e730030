package org.carethread.ingestion.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The practice mailbox polled over IMAP ({@code carethread.email.imap.*}); off unless enabled. */
@ConfigMapping(prefix = "carethread.email.imap")
public interface ImapConfig {

    @WithDefault("false")
    boolean enabled();

    Optional<String> host();

    @WithDefault("993")
    int port();

    /** IMAP over TLS (imaps); without it, plain IMAP, for a server on the same host or a test. */
    @WithDefault("true")
    boolean tls();

    Optional<String> user();

    Optional<String> password();

    @WithDefault("INBOX")
    String folder();

    /** At most this many mails are taken in one poll; the rest wait for the next. */
    @WithDefault("50")
    int batchSize();
}
