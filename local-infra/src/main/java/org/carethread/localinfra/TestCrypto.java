package org.carethread.localinfra;

import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.crypto.PhiKeyring;

/** The same PHI cipher and blind index the services under test use, so a test can seal and open like a peer. */
public final class TestCrypto {
    public static final PhiCipher CIPHER = new PhiCipher(PhiKeyring.parse("test1=" + CareThreadTestResource.PHI_KEY, "test1"));
    /** Seals as services did before the last key rotation, with the retired key they still hold. */
    public static final PhiCipher BEFORE_ROTATION = new PhiCipher(
            PhiKeyring.parse("test0=" + CareThreadTestResource.RETIRED_PHI_KEY, "test0"));
    public static final BlindIndex BLIND_INDEX = BlindIndex.fromBase64(CareThreadTestResource.BLIND_INDEX_KEY);

    private TestCrypto() {
    }
}
