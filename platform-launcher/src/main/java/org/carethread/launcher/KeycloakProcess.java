package org.carethread.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak server from the {@code keycloak-quarkus-dist} the build unpacked, on an in-memory database with
 * the CareThread realm imported at every start. Always addressed as {@code localhost}, so a token's {@code iss} is
 * {@code http://localhost:8180/realms/carethread} for browsers and services alike.
 */
final class KeycloakProcess {
    static final int PORT = 8180;
    static final int MANAGEMENT_PORT = 8181;
    static final String URL = "http://localhost:" + PORT;
    static final String REALM = "carethread";
    static final String ISSUER = URL + "/realms/" + REALM;
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--health-enabled=true");
    private static final String BUILD_MARKER = ".carethread-build";

    private final Path home;
    private final Path javaHome;
    private final Path realmFile;
    private final Path logFile;
    private final ProcessRegistry registry;
    private volatile ManagedProcess server;
    private volatile boolean builtNow;

    KeycloakProcess(Path home, Path javaHome, Path realmFile, Path logFile, ProcessRegistry registry) {
        this.home = home;
        this.javaHome = javaHome;
        this.realmFile = realmFile;
        this.logFile = logFile;
        this.registry = registry;
    }

    /** Checks what can be checked before anything starts, so a missing piece fails the launch at once. */
    static void checkInstalled(Path home, Path realmFile) {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new LaunchException("the Keycloak server is not unpacked at " + home
                    + ": run ./mvnw install -DskipTests first (platform-launcher unpacks it)");
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new LaunchException("the realm file " + realmFile + " is missing");
        }
    }

    ManagedProcess current() {
        return server;
    }

    boolean builtNow() {
        return builtNow;
    }

    /** Builds the server once (a marker remembers the build options), then starts it; does not wait. */
    void launch() {
        buildIfNeeded();
        try {
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Files.copy(realmFile, importDir.resolve("carethread-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LaunchException("could not place the realm for import in " + home.resolve("data/import"), e);
        }
        ManagedProcess started = ManagedProcess.start("keycloak", List.of("/bin/bash", home.resolve("bin/kc.sh").toString(),
                "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + PORT,
                "--http-management-port=" + MANAGEMENT_PORT,
                "--hostname=" + URL, "--hostname-strict=false",
                "--cache=local", "--import-realm"), environment(), home, logFile);
        registry.remember(started);
        server = started;
    }

    void awaitReady(Duration timeout) {
        ManagedProcess current = server;
        HttpProbe.awaitReady("Keycloak", "http://localhost:" + MANAGEMENT_PORT + "/health/ready",
                answer -> answer.status() == 200 && answer.body().contains("UP"), current, timeout);
        HttpProbe.awaitReady("the Keycloak realm '" + REALM + "'", ISSUER + "/.well-known/openid-configuration",
                answer -> answer.status() == 200 && answer.body().contains("\"issuer\":\"" + ISSUER + "\""), current,
                Duration.ofSeconds(30));
    }

    void stop() {
        ManagedProcess current = server;
        if (current != null) {
            registry.forget(current);
            current.stop(Duration.ofSeconds(20));
            server = null;
        }
    }

    private void buildIfNeeded() {
        Path marker = home.resolve(BUILD_MARKER);
        String wanted = String.join(" ", BUILD_OPTIONS);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).trim().equals(wanted)) {
                return;
            }
        } catch (IOException e) {
            // rebuild
        }
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", home.resolve("bin/kc.sh").toString(),
                "build"));
        command.addAll(BUILD_OPTIONS);
        ManagedProcess build = ManagedProcess.start("keycloak-build", command, environment(), home, logFile);
        registry.remember(build);
        int exit = build.waitFor(Duration.ofMinutes(5));
        registry.forget(build);
        if (exit != 0) {
            throw new LaunchException("building Keycloak failed (exit " + exit + "). Last lines of " + logFile + ":\n"
                    + build.logTail(25));
        }
        try {
            Files.writeString(marker, wanted + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchException("could not write " + marker, e);
        }
        builtNow = true;
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        // Keycloak reads KC_* and its start script JAVA_OPTS*: a caller's shell settings must not leak in.
        for (String inherited : System.getenv().keySet()) {
            if (inherited.startsWith("KC_") || inherited.startsWith("QUARKUS_") || inherited.startsWith("JAVA_OPTS")
                    || inherited.equals("JAVA_ADD_OPENS") || inherited.equals("JAVA_TOOL_OPTIONS")) {
                env.put(inherited, null);
            }
        }
        env.put("JAVA_HOME", javaHome.toString());
        env.put("PATH", javaHome.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return env;
    }
}
