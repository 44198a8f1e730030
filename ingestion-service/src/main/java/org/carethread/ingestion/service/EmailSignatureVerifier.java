package org.carethread.ingestion.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.config.EmailConfig;

/**
 * Checks the signature an inbound-mail provider puts on each webhook, in the style most of them use: the
 * {@code X-CareThread-Signature} header is {@code v1=} and the hex HMAC-SHA256, under the configured secret, of the
 * {@code X-CareThread-Timestamp} header (Unix seconds), a dot, and the exact body bytes. A forged or altered mail
 * fails the HMAC; a captured one replayed later fails the timestamp.
 */
@ApplicationScoped
public class EmailSignatureVerifier {
    public static final String TIMESTAMP_HEADER = "X-CareThread-Timestamp";
    public static final String SIGNATURE_HEADER = "X-CareThread-Signature";
    private static final String VERSION = "v1=";

    private final SecretKeySpec key;
    private final EmailConfig config;

    public EmailSignatureVerifier(EmailConfig config) {
        if (config.webhookSecret().isBlank()) {
            throw new IllegalStateException("no inbound e-mail webhook secret configured (EMAIL_WEBHOOK_SECRET)");
        }
        this.key = new SecretKeySpec(config.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.config = config;
    }

    /** The header value for a body signed at a time: what a provider (or a test, or the local platform) sends. */
    public static String sign(String secret, long timestamp, byte[] body) {
        return VERSION + HexFormat.of().formatHex(hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"), timestamp, body));
    }

    /** Returns normally when the webhook is authentic, throws {@link WebhookRejectedException} otherwise. */
    public void verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            throw WebhookRejectedException.unauthorized("The webhook lacks the " + TIMESTAMP_HEADER + " or "
                    + SIGNATURE_HEADER + " header.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.unauthorized("The " + TIMESTAMP_HEADER + " header must be Unix seconds.");
        }
        if (!signature.strip().startsWith(VERSION)) {
            throw WebhookRejectedException.unauthorized("The " + SIGNATURE_HEADER + " header must read v1=<hex>.");
        }
        byte[] expected = HexFormat.of().formatHex(hmac(key, seconds, body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().substring(VERSION.length()).toLowerCase()
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw WebhookRejectedException.unauthorized("The webhook signature does not match the configured"
                    + " e-mail webhook secret, or the body was altered on the way.");
        }
        SigningTime.requireFresh(Instant.ofEpochSecond(seconds), config.maxWebhookAge(), config.clockSkew());
    }

    private static byte[] hmac(SecretKeySpec key, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
