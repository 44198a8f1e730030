package org.carethread.schemas.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PhiCipherTest {
    private final String k1 = PhiKeyring.newKeyBase64();
    private final String k2 = PhiKeyring.newKeyBase64();

    @Test
    void sealedTextDoesNotContainThePlaintextAndOpensBack() {
        PhiCipher cipher = new PhiCipher(PhiKeyring.parse("k1=" + k1, "k1"));
        String sealed = cipher.seal("my chest hurts since Tuesday");
        assertFalse(sealed.contains("chest"));
        assertTrue(sealed.startsWith("v1.k1."));
        assertEquals("my chest hurts since Tuesday", cipher.open(sealed));
        assertNotEquals(sealed, cipher.seal("my chest hurts since Tuesday"), "each seal uses a fresh IV");
    }

    @Test
    void sealedBytesOpenBackExactlyAndAlteredBytesAreRefused() {
        PhiCipher cipher = new PhiCipher(PhiKeyring.parse("k1=" + k1, "k1"));
        byte[] photo = new byte[70_000];
        new Random(7).nextBytes(photo);
        String sealed = cipher.sealBytes(photo);
        assertTrue(sealed.startsWith("v1.k1."));
        assertArrayEquals(photo, cipher.openBytes(sealed));
        String tampered = sealed.substring(0, 40) + (sealed.charAt(40) == 'A' ? 'B' : 'A') + sealed.substring(41);
        assertThrows(IllegalArgumentException.class, () -> cipher.openBytes(tampered));
    }

    @Test
    void valuesSealedWithARetiredKeyStayReadableAfterRotation() {
        String old = new PhiCipher(PhiKeyring.parse("k1=" + k1, "k1")).seal("refill please");
        PhiCipher rotated = new PhiCipher(PhiKeyring.parse("k1=" + k1 + ",k2=" + k2, "k2"));
        assertEquals("refill please", rotated.open(old));
        assertEquals("k2", PhiCipher.keyIdOf(rotated.seal("new")));
    }

    @Test
    void anAlteredValueIsRefusedWithoutEchoingIt() {
        PhiCipher cipher = new PhiCipher(PhiKeyring.parse("k1=" + k1, "k1"));
        String sealed = cipher.seal("555 0100");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cipher.open(tampered));
        assertFalse(e.getMessage().contains(tampered));
        assertThrows(IllegalArgumentException.class, () -> cipher.open("plain text"));
    }

    @Test
    void nullStaysNullAndAnUnknownActiveKeyIsRefused() {
        PhiCipher cipher = new PhiCipher(PhiKeyring.parse("k1=" + k1, "k1"));
        assertNull(cipher.seal(null));
        assertNull(cipher.open(null));
        assertThrows(IllegalArgumentException.class, () -> PhiKeyring.parse("k1=" + k1, "k9"));
    }

    @Test
    void blindIndexMatchesTheSameAddressHoweverWrittenAndHidesIt() {
        BlindIndex index = BlindIndex.fromBase64(k1);
        assertEquals(index.ofAddress("+1 (555) 010-0001"), index.ofAddress("15550100001"));
        assertNotEquals(index.ofAddress("15550100001"), index.ofAddress("15550100002"));
        assertFalse(index.ofAddress("15550100001").contains("5550100001"));
        assertNotEquals(index.ofAddress("15550100001"), BlindIndex.fromBase64(k2).ofAddress("15550100001"));
    }
}
