package org.carethread.schemas.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * The key-encryption key of envelope encryption: it never seals PHI itself, it wraps the PHI data keys (AES key wrap,
 * RFC 3394), so the data keys can sit in configuration as ciphertext and only a service holding the KEK can use them.
 * Loaded from a PKCS#12 keystore (the production choice) or from the environment, never from code.
 */
public final class KeyEncryptionKey {
    private static final String WRAP = "AESWrap";

    private final SecretKey key;

    private KeyEncryptionKey(SecretKey key) {
        this.key = key;
    }

    /** A KEK given as 32 random bytes in base64 ({@code CARETHREAD_PHI_KEK}). */
    public static KeyEncryptionKey fromBase64(String base64) {
        return new KeyEncryptionKey(PhiCipher.aesKey(Base64.getDecoder().decode(base64.trim())));
    }

    /** The secret key entry {@code alias} of a PKCS#12 keystore, opened with its password. */
    public static KeyEncryptionKey fromKeystore(Path keystore, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Key entry = store.getKey(alias, password);
            if (!(entry instanceof SecretKey secret)) {
                throw new IllegalArgumentException("the keystore has no secret key named '" + alias + "'");
            }
            return new KeyEncryptionKey(PhiCipher.aesKey(secret.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            // The keystore's own message may name paths or algorithms, never key material; it helps operators.
            throw new IllegalArgumentException("the PHI keystore cannot be read: " + e.getMessage());
        }
    }

    /** Wraps a data key for configuration: {@code wrapped:<base64>}. */
    public String wrap(SecretKey dataKey) {
        try {
            Cipher cipher = Cipher.getInstance(WRAP);
            cipher.init(Cipher.WRAP_MODE, key);
            return PhiKeyring.WRAPPED + Base64.getEncoder().encodeToString(cipher.wrap(dataKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping a PHI key failed", e);
        }
    }

    /**
     * Unwraps a data key to its raw bytes; a wrong KEK or an altered value fails (the key wrap carries an integrity
     * check).
     */
    byte[] unwrap(String id, byte[] wrapped) {
        try {
            Cipher cipher = Cipher.getInstance(WRAP);
            cipher.init(Cipher.UNWRAP_MODE, key);
            return cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("PHI key '" + id + "' does not unwrap with this key-encryption key");
        }
    }
}
