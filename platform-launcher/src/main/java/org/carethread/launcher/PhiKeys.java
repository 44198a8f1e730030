package org.carethread.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The local platform's PHI data key and blind-index key: generated once per data directory and kept in a file
 * readable only by its owner, because the databases hold data sealed with them.
 */
record PhiKeys(String keysSpec, String activeKeyId, String blindIndexKey, boolean newlyCreated) {
    static final String FILE_NAME = "phi-keys.properties";

    static PhiKeys loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                String keys = properties.getProperty("CARETHREAD_PHI_KEYS");
                String active = properties.getProperty("CARETHREAD_PHI_ACTIVE_KEY");
                String blind = properties.getProperty("CARETHREAD_BLIND_INDEX_KEY");
                if (keys == null || active == null || blind == null) {
                    throw new LaunchException(file + " is incomplete; delete the data directory " + dataDir
                            + " (its databases and Kafka data go with it) to start afresh");
                }
                return new PhiKeys(keys, active, blind, false);
            }
            PhiKeys created = new PhiKeys("local1=" + randomKey(), "local1", randomKey(), true);
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, "phi-keys", ".tmp");
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Properties properties = new Properties();
            properties.setProperty("CARETHREAD_PHI_KEYS", created.keysSpec());
            properties.setProperty("CARETHREAD_PHI_ACTIVE_KEY", created.activeKeyId());
            properties.setProperty("CARETHREAD_BLIND_INDEX_KEY", created.blindIndexKey());
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(out, "CareThread local platform keys: the local databases hold data sealed with them."
                        + " Never reuse these outside this machine.");
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return created;
        } catch (IOException e) {
            throw new LaunchException("could not read or write the PHI keys in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String randomKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
