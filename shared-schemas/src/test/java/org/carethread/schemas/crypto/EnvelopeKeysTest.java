package org.carethread.schemas.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Envelope encryption: data keys sit in configuration wrapped by the key-encryption key, and only a keyring given the
 * right KEK (from a keystore or the environment) can seal and open with them.
 */
class EnvelopeKeysTest {
    private static final String KEK = PhiKeyring.newKeyBase64();

    @Test
    void aWrappedDataKeySealsAndOpensLikeTheKeyItWraps() {
        String raw = PhiKeyring.newKeyBase64();
        String wrapped = KeyEncryptionKey.fromBase64(KEK).wrap(key(raw));
        assertTrue(wrapped.startsWith("wrapped:"));
        assertFalse(wrapped.contains(raw), "configuration never holds the data key in clear");

        PhiCipher envelope = new PhiCipher(PhiKeyring.parse("k1=" + wrapped, "k1", KeyEncryptionKey.fromBase64(KEK)));
        PhiCipher clear = new PhiCipher(PhiKeyring.parse("k1=" + raw, "k1"));
        assertEquals("Rosa Delgado", clear.open(envelope.seal("Rosa Delgado")));
        assertEquals("Rosa Delgado", envelope.open(clear.seal("Rosa Delgado")));
    }

    @Test
    void wrappedKeysNeedTheRightKeyEncryptionKey() {
        String wrapped = KeyEncryptionKey.fromBase64(KEK).wrap(key(PhiKeyring.newKeyBase64()));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> PhiKeyring.parse("k1=" + wrapped, "k1"));
        assertTrue(none.getMessage().contains("key-encryption key"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> PhiKeyring.parse("k1=" + wrapped, "k1", KeyEncryptionKey.fromBase64(PhiKeyring.newKeyBase64())));
        assertTrue(wrong.getMessage().contains("does not unwrap"));
        assertFalse(wrong.getMessage().contains(wrapped.substring(8)), "never echoes key material");
    }

    @Test
    void theKeyEncryptionKeyComesFromAPkcs12Keystore(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("phi-kek.p12");
        char[] password = "keystore-secret".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setEntry("carethread-phi-kek", new KeyStore.SecretKeyEntry(key(KEK)),
                new KeyStore.PasswordProtection(password));
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, password);
        }
        String raw = PhiKeyring.newKeyBase64();
        String wrapped = KeyEncryptionKey.fromBase64(KEK).wrap(key(raw));

        KeyEncryptionKey fromStore = KeyEncryptionKey.fromKeystore(keystore, password, "carethread-phi-kek");
        PhiCipher cipher = new PhiCipher(PhiKeyring.parse("k1=" + wrapped + ",k0=" + PhiKeyring.newKeyBase64(), "k1",
                fromStore));
        assertEquals("1961-04-12", new PhiCipher(PhiKeyring.parse("k1=" + raw, "k1")).open(cipher.seal("1961-04-12")));
        assertThrows(IllegalArgumentException.class,
                () -> KeyEncryptionKey.fromKeystore(keystore, password, "no-such-alias"));
        assertThrows(IllegalArgumentException.class,
                () -> KeyEncryptionKey.fromKeystore(keystore, "wrong".toCharArray(), "carethread-phi-kek"));
    }

    private static SecretKey key(String base64) {
        return new SecretKeySpec(Base64.getDecoder().decode(base64), "AES");
    }
}
