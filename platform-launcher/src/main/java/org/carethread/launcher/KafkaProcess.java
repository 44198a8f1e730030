package org.carethread.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.carethread.schemas.Topics;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), run as a child JVM from the
 * {@code kafka_2.13} jars on the launcher's classpath. Its data lives under {@code <dir>/data}, so a restart keeps it.
 */
final class KafkaProcess {
    static final int PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final String BOOTSTRAP = "127.0.0.1:" + PORT;

    private final Path dir;
    private final Path logFile;
    private final List<String> classpath;
    private final Path javaBin;
    private final ProcessRegistry registry;
    private volatile ManagedProcess broker;

    KafkaProcess(Path dir, Path logFile, List<String> classpath, ProcessRegistry registry) {
        this.dir = dir;
        this.logFile = logFile;
        this.classpath = classpath;
        this.registry = registry;
        this.javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    /** Writes the configuration, formats the storage unless it is formatted already, starts, and waits until ready. */
    void start(boolean fresh, Duration timeout) {
        try {
            Files.createDirectories(dir);
            if (fresh) {
                deleteRecursively(dataDir());
            }
            Files.createDirectories(dataDir());
            writeServerProperties();
            writeArgFile();
            if (!Files.isRegularFile(dataDir().resolve("meta.properties"))) {
                format();
            }
        } catch (IOException e) {
            throw new LaunchException("could not prepare Kafka's directory " + dir + ": " + e.getMessage(), e);
        }
        launchAndAwait(timeout);
    }

    /** Stops the broker and starts it again on the same port and data, as after a crash or a rolling restart. */
    void restart(Duration timeout) {
        stop();
        launchAndAwait(timeout);
    }

    void stop() {
        ManagedProcess current = broker;
        if (current != null) {
            // Forgotten first: its exit is expected, not something to warn about.
            registry.forget(current);
            current.stop(Duration.ofSeconds(30));
            broker = null;
        }
    }

    ManagedProcess current() {
        return broker;
    }

    boolean isRunning() {
        ManagedProcess current = broker;
        return current != null && current.isAlive();
    }

    private void launchAndAwait(Duration timeout) {
        ManagedProcess started = ManagedProcess.start("kafka",
                List.of(javaBin.toString(), "@" + dir.resolve("java.args"), "kafka.Kafka",
                        dir.resolve("server.properties").toString()),
                Map.of(), dir, logFile);
        registry.remember(started);
        broker = started;
        awaitBroker(started, timeout);
    }

    private void format() {
        String clusterId = clusterId();
        ManagedProcess formatter = ManagedProcess.start("kafka-storage-format",
                List.of(javaBin.toString(), "@" + dir.resolve("java.args"), "kafka.tools.StorageTool", "format",
                        "-t", clusterId, "-c", dir.resolve("server.properties").toString(), "--standalone"),
                Map.of(), dir, logFile);
        registry.remember(formatter);
        int exit = formatter.waitFor(Duration.ofSeconds(60));
        registry.forget(formatter);
        if (exit != 0) {
            throw new LaunchException("formatting Kafka's storage failed (exit " + exit + "). Last lines of " + logFile
                    + ":\n" + formatter.logTail(20));
        }
    }

    /**
     * A new KRaft cluster id, kept beside the data for reference. Kafka's own generator never starts an id with '-',
     * which the storage tool's argument parser would take for an option.
     */
    private String clusterId() {
        String id = Uuid.randomUuid().toString();
        try {
            Files.writeString(dir.resolve("cluster-id"), id + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchException("could not write " + dir.resolve("cluster-id") + ": " + e.getMessage(), e);
        }
        return id;
    }

    /**
     * Every platform topic exists before the services start: a consumer subscribed to a topic that does not exist yet
     * (audit-service's all-events, say, before the first read creates audit.access) notices it only at its next
     * metadata refresh, up to five minutes later.
     */
    private static void createTopics(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = Topics.ALL.stream().filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        }
    }

    private void awaitBroker(ManagedProcess process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "carethread-launcher-probe");
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new LaunchException("Kafka exited with code " + process.exitCode() + " while starting. Last"
                            + " lines of " + logFile + ":\n" + process.logTail(25));
                }
                try {
                    int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                            .get(4, TimeUnit.SECONDS).size();
                    if (brokers > 0) {
                        createTopics(admin);
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LaunchException("interrupted while waiting for Kafka", e);
                } catch (Exception e) {
                    // not yet
                }
                if (System.nanoTime() > deadline) {
                    throw new LaunchException("Kafka did not accept connections on " + BOOTSTRAP + " within "
                            + timeout.toSeconds() + " s. Last lines of " + logFile + ":\n" + process.logTail(25));
                }
                HttpProbe.sleep(Duration.ofMillis(300));
            }
        }
    }

    private void writeServerProperties() throws IOException {
        String properties = """
                # Generated by the CareThread launcher: one combined KRaft broker and controller on loopback.
                node.id=1
                process.roles=broker,controller
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                controller.listener.names=CONTROLLER
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                log.dirs=%3$s
                # A single node: every replication factor is 1.
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=10
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                default.replication.factor=1
                min.insync.replicas=1
                auto.create.topics.enable=true
                num.partitions=3
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(PORT, CONTROLLER_PORT, dataDir().toAbsolutePath());
        Files.writeString(dir.resolve("server.properties"), properties, StandardCharsets.UTF_8);
    }

    /** JVM options and classpath in a Java argument file: a long classpath stays off the command line. */
    private void writeArgFile() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-cp"));
        lines.add(quote(String.join(java.io.File.pathSeparator, classpath)));
        Files.write(dir.resolve("java.args"), lines, StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
