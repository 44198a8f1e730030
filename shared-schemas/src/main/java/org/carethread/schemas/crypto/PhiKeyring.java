package org.carethread.schemas.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;

/**
 * The PHI data keys a service may use, by id, and which one seals new data. Loaded from configuration
 * ({@code CARETHREAD_PHI_KEYS=k1=<base64>,k2=<base64>}), never from code. In production each data key is given
 * wrapped by the key-encryption key ({@code k1=wrapped:<base64>}, envelope encryption): configuration then holds no
 * usable key, and the KEK comes from a keystore.
 */
public record PhiKeyring(Map<String, SecretKey> keys, String activeKeyId) {

    public PhiKeyring {
        keys = Map.copyOf(keys);
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active PHI key '" + activeKeyId + "' is not among the configured keys");
        }
    }

    static final String WRAPPED = "wrapped:";

    /** Parses {@code id=base64,id=base64}; keys in clear only (local runs and tests). */
    public static PhiKeyring parse(String spec, String activeKeyId) {
        return parse(spec, activeKeyId, null);
    }

    /** Parses {@code id=base64} and {@code id=wrapped:base64} entries; wrapped ones are opened with the KEK. */
    public static PhiKeyring parse(String spec, String activeKeyId, KeyEncryptionKey kek) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no PHI keys configured (CARETHREAD_PHI_KEYS)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String[] idAndKey = entry.trim().split("=", 2);
            if (idAndKey.length != 2 || idAndKey[0].isBlank() || idAndKey[0].contains(".")) {
                throw new IllegalArgumentException("PHI keys must read id=base64, ids without dots");
            }
            String id = idAndKey[0];
            String value = idAndKey[1].trim();
            if (value.startsWith(WRAPPED)) {
                if (kek == null) {
                    throw new IllegalArgumentException("PHI key '" + id + "' is wrapped: the service needs the"
                            + " key-encryption key (CARETHREAD_PHI_KEYSTORE_PATH or CARETHREAD_PHI_KEK)");
                }
                keys.put(id, PhiCipher.aesKey(kek.unwrap(id,
                        Base64.getDecoder().decode(value.substring(WRAPPED.length())))));
            } else {
                keys.put(id, PhiCipher.aesKey(Base64.getDecoder().decode(value)));
            }
        }
        return new PhiKeyring(keys, activeKeyId);
    }

    /** A new random 32-byte key, base64, for operators and local runs. */
    public static String newKeyBase64() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
