package org.carethread.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Finds a JDK new enough for Keycloak 26 (Java 21+), which the services' Java 17 may not be. */
final class JavaRuntimes {
    static final int KEYCLOAK_MINIMUM = 21;
    private static final Path PREFERRED = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private JavaRuntimes() {
    }

    /** {@code explicit}, else {@code KEYCLOAK_JAVA_HOME}, else Temurin 25, else any JDK 21+ here; or a clear failure. */
    static Path forKeycloak(Path explicit) {
        List<Path> tried = new ArrayList<>();
        String fromEnv = System.getenv("KEYCLOAK_JAVA_HOME");
        if (explicit != null || (fromEnv != null && !fromEnv.isBlank())) {
            Path home = explicit != null ? explicit : Path.of(fromEnv);
            int version = featureVersion(home).orElse(0);
            if (version >= KEYCLOAK_MINIMUM) {
                return home;
            }
            throw new LaunchException("Keycloak needs Java " + KEYCLOAK_MINIMUM + "+, but " + home
                    + (version == 0 ? " is not a JDK" : " is Java " + version)
                    + " (set KEYCLOAK_JAVA_HOME to a JDK 21 or newer)");
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(PREFERRED);
        candidates.add(Path.of(System.getProperty("java.home")));
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        if (Files.isDirectory(JVM_DIR)) {
            try (Stream<Path> homes = Files.list(JVM_DIR)) {
                homes.sorted(Comparator.comparing((Path p) -> featureVersion(p).orElse(0)).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                // nothing more to try
            }
        }
        for (Path home : candidates) {
            tried.add(home);
            if (featureVersion(home).orElse(0) >= KEYCLOAK_MINIMUM) {
                return home;
            }
        }
        throw new LaunchException("Keycloak 26 needs Java " + KEYCLOAK_MINIMUM + " or newer and none was found (looked at "
                + tried + "). Install one (e.g. apt-get install openjdk-21-jdk-headless) or set KEYCLOAK_JAVA_HOME.");
    }

    /** The feature version of the JDK at {@code home} (from its {@code release} file), if it is one. */
    static Optional<Integer> featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try (var in = Files.newBufferedReader(release)) {
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "").trim();
            String feature = version.startsWith("1.") ? version.substring(2) : version;
            int end = 0;
            while (end < feature.length() && Character.isDigit(feature.charAt(end))) {
                end++;
            }
            return end == 0 ? Optional.empty() : Optional.of(Integer.parseInt(feature.substring(0, end)));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
