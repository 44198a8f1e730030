package org.carethread.launcher;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds a classpath holding the Kafka broker ({@code kafka.Kafka}) for the broker's child JVM: the launcher's own
 * {@code java.class.path} (with manifest-only jars such as Surefire's booter expanded), or else the classpath file
 * the launcher's build writes ({@code platform-launcher/target/launcher.classpath}), e.g. under {@code exec:java}.
 */
final class Classpaths {
    private static final String KAFKA_MAIN = "kafka/Kafka.class";

    private Classpaths() {
    }

    static List<String> forKafka(Path projectRoot) {
        List<String> own = expand(System.getProperty("java.class.path", ""));
        if (containsEntry(own, KAFKA_MAIN)) {
            return own;
        }
        Path file = projectRoot.resolve("platform-launcher/target/launcher.classpath");
        if (Files.isRegularFile(file)) {
            try {
                List<String> written = expand(Files.readString(file, StandardCharsets.UTF_8).trim());
                if (containsEntry(written, KAFKA_MAIN)) {
                    return written;
                }
            } catch (IOException e) {
                throw new LaunchException("could not read " + file + ": " + e.getMessage(), e);
            }
        }
        throw new LaunchException("the Kafka broker (org.apache.kafka:kafka_2.13) is not on the launcher's classpath"
                + " and " + file + " is missing: run ./mvnw install -DskipTests first");
    }

    static List<String> expand(String classpath) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addWithManifestClassPath(Path.of(entry).toAbsolutePath().normalize(), entries);
            }
        }
        return new ArrayList<>(entries);
    }

    private static void addWithManifestClassPath(Path entry, Set<String> entries) {
        if (!entries.add(entry.toString()) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return;
            }
            URI base = entry.getParent().toUri();
            for (String reference : classPath.trim().split("\\s+")) {
                try {
                    addWithManifestClassPath(Path.of(base.resolve(reference)).normalize(), entries);
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    // not a local file: nothing a child JVM could use
                }
            }
        } catch (IOException e) {
            // unreadable jar: leave it as it is
        }
    }

    private static boolean containsEntry(List<String> classpath, String resource) {
        for (String entry : classpath) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) && Files.isRegularFile(path.resolve(resource))) {
                return true;
            }
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    if (jar.getEntry(resource) != null) {
                        return true;
                    }
                } catch (IOException e) {
                    // skip it
                }
            }
        }
        return false;
    }
}
