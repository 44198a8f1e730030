package org.carethread.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.PhiKeyring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhiKeysTest {

    @Test
    void keysAreMadeOncePerDataDirectoryInTheFormatTheServicesRead(@TempDir Path dataDir) throws Exception {
        PhiKeys first = PhiKeys.loadOrCreate(dataDir);
        PhiKeys again = PhiKeys.loadOrCreate(dataDir);

        assertTrue(first.newlyCreated());
        assertFalse(again.newlyCreated());
        assertEquals(first.keysSpec(), again.keysSpec());
        assertEquals(first.blindIndexKey(), again.blindIndexKey());
        PhiKeyring keyring = PhiKeyring.parse(again.keysSpec(), again.activeKeyId());
        assertEquals(1, keyring.keys().size());
        assertEquals(44, again.blindIndexKey().length(), "base64 of 32 bytes");
        BlindIndex.fromBase64(again.blindIndexKey());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve(PhiKeys.FILE_NAME))));
    }

    @Test
    void anotherDataDirectoryGetsOtherKeys(@TempDir Path one, @TempDir Path two) {
        assertFalse(PhiKeys.loadOrCreate(one).keysSpec().equals(PhiKeys.loadOrCreate(two).keysSpec()));
    }
}
