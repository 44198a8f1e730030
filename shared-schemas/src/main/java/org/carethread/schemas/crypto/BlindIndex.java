package org.carethread.schemas.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed blind index (HMAC-SHA-256) of a normalised value: equal inputs give equal indexes, so a service can find
 * "the patient who texts from this number" without storing the number in clear. Without the key an index reveals
 * nothing, and indexes of different purposes never collide because the purpose is mixed in.
 */
public final class BlindIndex {
    private final SecretKeySpec key;

    public BlindIndex(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a blind index key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public static BlindIndex fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("no blind index key configured (CARETHREAD_BLIND_INDEX_KEY)");
        }
        return new BlindIndex(Base64.getDecoder().decode(base64Key));
    }

    /** Index of a patient's channel address (a phone number as digits, or an e-mail address). */
    public String ofAddress(String address) {
        return of("address", normaliseAddress(address));
    }

    /**
     * Index of an e-mail Message-ID (without its angle brackets): threads are matched by it, and a Message-ID can
     * name its sender, so it is compared blind.
     */
    public String ofMessageId(String messageId) {
        return of("message-id", messageId.strip());
    }

    public String of(String purpose, String normalisedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }

    /** Phone numbers keep their digits only ("+1 555-000" and "1555000" are one patient); e-mail is lower-cased. */
    static String normaliseAddress(String address) {
        String trimmed = address.trim();
        return trimmed.contains("@") ? trimmed.toLowerCase() : trimmed.replaceAll("\\D", "");
    }
}
