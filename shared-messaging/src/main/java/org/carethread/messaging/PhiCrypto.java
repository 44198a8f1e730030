package org.carethread.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.crypto.PhiKeyring;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's PHI cipher and blind index, from keys in configuration ({@code CARETHREAD_PHI_KEYS},
 * {@code CARETHREAD_PHI_ACTIVE_KEY}, {@code CARETHREAD_BLIND_INDEX_KEY}). A service refuses to start without them.
 */
@ApplicationScoped
public class PhiCrypto {

    @Produces
    @Singleton
    PhiCipher phiCipher(@ConfigProperty(name = "carethread.phi-keys") String keys,
            @ConfigProperty(name = "carethread.phi-active-key") String activeKey) {
        return new PhiCipher(PhiKeyring.parse(keys, activeKey));
    }

    @Produces
    @Singleton
    BlindIndex blindIndex(@ConfigProperty(name = "carethread.blind-index-key") String key) {
        return BlindIndex.fromBase64(key);
    }
}
