package org.carethread.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.Optional;

import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.KeyEncryptionKey;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.crypto.PhiKeyring;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's PHI cipher and blind index, from keys in configuration ({@code CARETHREAD_PHI_KEYS},
 * {@code CARETHREAD_PHI_ACTIVE_KEY}, {@code CARETHREAD_BLIND_INDEX_KEY}). A service refuses to start without them.
 * Data keys given wrapped ({@code k1=wrapped:...}) are opened with the key-encryption key, from a PKCS#12 keystore
 * ({@code CARETHREAD_PHI_KEYSTORE_PATH}, {@code CARETHREAD_PHI_KEYSTORE_PASSWORD}, alias {@code CARETHREAD_PHI_KEYSTORE_ALIAS})
 * or, where there is no keystore, from {@code CARETHREAD_PHI_KEK}.
 */
@ApplicationScoped
public class PhiCrypto {

    @Produces
    @Singleton
    PhiCipher phiCipher(@ConfigProperty(name = "carethread.phi-keys") String keys,
            @ConfigProperty(name = "carethread.phi-active-key") String activeKey,
            @ConfigProperty(name = "carethread.phi-keystore.path") Optional<String> keystore,
            @ConfigProperty(name = "carethread.phi-keystore.password") Optional<String> keystorePassword,
            @ConfigProperty(name = "carethread.phi-keystore.alias", defaultValue = "carethread-phi-kek") String alias,
            @ConfigProperty(name = "carethread.phi-kek") Optional<String> kek) {
        KeyEncryptionKey keyEncryptionKey = keystore
                .map(path -> KeyEncryptionKey.fromKeystore(Path.of(path),
                        keystorePassword.orElse("").toCharArray(), alias))
                .orElseGet(() -> kek.map(KeyEncryptionKey::fromBase64).orElse(null));
        return new PhiCipher(PhiKeyring.parse(keys, activeKey, keyEncryptionKey));
    }

    @Produces
    @Singleton
    BlindIndex blindIndex(@ConfigProperty(name = "carethread.blind-index-key") String key) {
        return BlindIndex.fromBase64(key);
    }
}
