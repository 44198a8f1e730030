package org.carethread.schemas.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals PHI with AES-256-GCM before it reaches PostgreSQL or Kafka. A sealed value reads
 * {@code v1.<keyId>.<base64url(iv | ciphertext | tag)>}: the key id travels with the ciphertext so keys can rotate
 * while old values stay readable. Any alteration of a sealed value makes {@link #open} fail.
 */
public final class PhiCipher {
    private static final String PREFIX = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public PhiCipher(PhiKeyring keyring) {
        this.keys = keyring.keys();
        this.activeKeyId = keyring.activeKeyId();
    }

    /** Seals a value with the active key; {@code null} stays {@code null}. */
    public String seal(String plaintext) {
        return plaintext == null ? null : sealBytes(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** Seals bytes (a file's contents) with the active key, in the same form as a sealed text. */
    public String sealBytes(byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + "." + activeKeyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PHI sealing failed", e);
        }
    }

    /** Opens a sealed value; {@code null} stays {@code null}. The message never echoes the input. */
    public String open(String sealed) {
        return sealed == null ? null : new String(openBytes(sealed), StandardCharsets.UTF_8);
    }

    /** Opens sealed bytes made by {@link #sealBytes} (or a sealed text, as its UTF-8 bytes). */
    public byte[] openBytes(String sealed) {
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("not a sealed PHI value");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("PHI key '" + parts[1] + "' is not in the keyring");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed PHI value is corrupt or was altered");
        }
    }

    /** The key new values are sealed with; values under any other key are what a rotation re-seals. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** The id of the key a sealed value was made with (for rotation jobs). */
    public static String keyIdOf(String sealed) {
        String[] parts = sealed.split("\\.", 3);
        return parts.length == 3 ? parts[1] : null;
    }

    static SecretKey aesKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("a PHI key must be 32 bytes (AES-256), got " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }
}
