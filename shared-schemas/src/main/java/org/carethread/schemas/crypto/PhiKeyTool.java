package org.carethread.schemas.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;

import javax.crypto.SecretKey;

/**
 * What operators run to make keys for envelope encryption. Secrets come from the environment, never the command line
 * (which other users of the machine can see):
 * <pre>
 * CARETHREAD_PHI_KEYSTORE_PATH=phi-kek.p12 CARETHREAD_PHI_KEYSTORE_PASSWORD=... \
 *   java -cp shared-schemas/target/shared-schemas-*.jar org.carethread.schemas.crypto.PhiKeyTool new-keystore
 * CARETHREAD_PHI_KEYSTORE_PATH=phi-kek.p12 CARETHREAD_PHI_KEYSTORE_PASSWORD=... \
 *   java -cp ... org.carethread.schemas.crypto.PhiKeyTool new-data-key
 * </pre>
 * {@code new-keystore} writes a PKCS#12 keystore holding a new key-encryption key (alias
 * {@code CARETHREAD_PHI_KEYSTORE_ALIAS}, default {@code carethread-phi-kek}); {@code new-data-key} prints a new PHI
 * data key wrapped by that KEK (or by {@code CARETHREAD_PHI_KEK} where there is no keystore), ready for
 * {@code CARETHREAD_PHI_KEYS=k2=<it>}.
 */
public final class PhiKeyTool {
    private static final String DEFAULT_ALIAS = "carethread-phi-kek";

    private PhiKeyTool() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        String command = args.length == 1 ? args[0] : "";
        String path = System.getenv("CARETHREAD_PHI_KEYSTORE_PATH");
        char[] password = env("CARETHREAD_PHI_KEYSTORE_PASSWORD", "").toCharArray();
        String alias = env("CARETHREAD_PHI_KEYSTORE_ALIAS", DEFAULT_ALIAS);
        switch (command) {
            case "new-keystore" -> {
                if (path == null || password.length == 0) {
                    fail("Set CARETHREAD_PHI_KEYSTORE_PATH and CARETHREAD_PHI_KEYSTORE_PASSWORD first.");
                }
                if (Files.exists(Path.of(path))) {
                    fail(path + " exists already; a new KEK would make the keys wrapped by the old one unusable.");
                }
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, password);
                store.setEntry(alias, new KeyStore.SecretKeyEntry(newKey()),
                        new KeyStore.PasswordProtection(password));
                try (OutputStream out = Files.newOutputStream(Path.of(path))) {
                    store.store(out, password);
                }
                System.out.println("Wrote a new key-encryption key to " + path + " (alias " + alias + ").");
            }
            case "new-data-key" -> {
                String kek = System.getenv("CARETHREAD_PHI_KEK");
                if (path == null && (kek == null || kek.isBlank())) {
                    fail("Set CARETHREAD_PHI_KEYSTORE_PATH and CARETHREAD_PHI_KEYSTORE_PASSWORD (or CARETHREAD_PHI_KEK).");
                }
                KeyEncryptionKey wrapping = path != null ? KeyEncryptionKey.fromKeystore(Path.of(path), password, alias)
                        : KeyEncryptionKey.fromBase64(kek);
                System.out.println(wrapping.wrap(newKey()));
            }
            default -> fail("usage: PhiKeyTool new-keystore | new-data-key   (settings from the environment; see the"
                    + " deploy README)");
        }
    }

    private static SecretKey newKey() {
        return PhiCipher.aesKey(Base64.getDecoder().decode(PhiKeyring.newKeyBase64()));
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
