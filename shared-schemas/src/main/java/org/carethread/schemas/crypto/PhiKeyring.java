package org.carethread.schemas.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;

/**
 * The PHI data keys a service may use, by id, and which one seals new data. Loaded from configuration
 * ({@code CARETHREAD_PHI_KEYS=k1=<base64>,k2=<base64>}), never from code.
 */
public record PhiKeyring(Map<String, SecretKey> keys, String activeKeyId) {

    public PhiKeyring {
        keys = Map.copyOf(keys);
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active PHI key '" + activeKeyId + "' is not among the configured keys");
        }
    }

    /** Parses {@code id=base64,id=base64}. */
    public static PhiKeyring parse(String spec, String activeKeyId) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no PHI keys configured (CARETHREAD_PHI_KEYS)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String[] idAndKey = entry.trim().split("=", 2);
            if (idAndKey.length != 2 || idAndKey[0].isBlank() || idAndKey[0].contains(".")) {
                throw new IllegalArgumentException("PHI keys must read id=base64, ids without dots");
            }
            keys.put(idAndKey[0], PhiCipher.aesKey(Base64.getDecoder().decode(idAndKey[1])));
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
