package org.carethread.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import org.carethread.localinfra.PostgresServer;
import org.carethread.localinfra.VonageApplicationKey;

/**
 * The whole CareThread platform on one machine, from real parts: PostgreSQL (the machine's or an embedded one),
 * a Kafka broker in KRaft mode, Keycloak with the {@code carethread} realm, the five services, the staff gateway on
 * {@code http://localhost:8080} and a sandbox carrier on {@code http://localhost:8090}. Everything it starts it owns
 * and stops by its own handle.
 *
 * <pre>{@code
 * try (LocalPlatform platform = LocalPlatform.start(LocalPlatform.Options.defaults().databasePrefix("e2e_"))) {
 *     // drive http://localhost:8080 and http://localhost:8090 ...
 *     platform.restartKafka();
 * }
 * }</pre>
 */
public final class LocalPlatform implements AutoCloseable {
    public static final int STAFF_PORT = StaffGateway.PORT;
    public static final int SANDBOX_CARRIER_PORT = 8090;
    public static final int KEYCLOAK_PORT = KeycloakProcess.PORT;
    public static final int KEYCLOAK_MANAGEMENT_PORT = KeycloakProcess.MANAGEMENT_PORT;
    public static final int KAFKA_PORT = KafkaProcess.PORT;
    public static final int KAFKA_CONTROLLER_PORT = KafkaProcess.CONTROLLER_PORT;

    public static final String REALM = KeycloakProcess.REALM;
    public static final String DEMO_PASSWORD = "carethread-demo";
    public static final String CLI_CLIENT = "carethread-cli";
    public static final String WEB_CLIENT = "staff-web";
    public static final String VONAGE_SIGNATURE_SECRET = "carethread-local-signature-secret";
    /** Signs the inbound e-mail webhook (HMAC-SHA256 of "timestamp.body"). */
    public static final String EMAIL_WEBHOOK_SECRET = "carethread-local-email-webhook-secret";
    public static final String VONAGE_API_KEY = "sandbox";
    public static final String VONAGE_API_SECRET = "sandbox-secret";

    /** A demo staff login of the shipped realm (deploy/keycloak/carethread-realm.json). */
    public record DemoLogin(String username, String role, List<String> locations) {
    }

    public static final List<DemoLogin> DEMO_LOGINS = List.of(
            new DemoLogin("frontdesk.north", "front-desk", List.of("north")),
            new DemoLogin("frontdesk.south", "front-desk", List.of("south")),
            new DemoLogin("scheduling", "scheduling", List.of("north", "south")),
            new DemoLogin("billing", "billing", List.of("north", "south")),
            new DemoLogin("nurse", "nurse", List.of("north", "south")),
            new DemoLogin("provider", "provider", List.of("north", "south")),
            new DemoLogin("supervisor", "supervisor", List.of("north", "south")),
            new DemoLogin("admin", "practice-admin", List.of("north", "south")),
            new DemoLogin("compliance", "compliance-officer", List.of("north", "south")));

    static {
        // The launcher's own console is for progress lines; its libraries' chatter (Kafka admin client, embedded
        // PostgreSQL) stays at warnings unless the caller decided otherwise.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // The readiness probe expects refused connections while the broker starts.
        if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        }
    }

    /** What to start and where. Every setter returns the options, so they chain. */
    public static final class Options {
        private Path projectRoot;
        private Path dataDir;
        private String databasePrefix = "";
        private boolean startServices = true;
        private boolean startKeycloak = true;
        private boolean freshData;
        private Path keycloakHome;
        private Path keycloakJavaHome;
        private Path realmFile;
        private PrintStream out = System.out;
        private boolean stopOnJvmExit = true;
        private Duration componentTimeout = Duration.ofMinutes(5);
        private List<String> serviceJvmOptions = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");
        private final Map<PlatformService, Map<String, String>> serviceEnvironment = new EnumMap<>(PlatformService.class);

        public static Options defaults() {
            return new Options();
        }

        /** The repository root (holding the root pom.xml); found from the working directory when unset. */
        public Options projectRoot(Path root) {
            this.projectRoot = root;
            return this;
        }

        /** Where keys, Kafka data, an embedded PostgreSQL's data and logs live; default
         * {@code <root>/platform-launcher/target/local-platform}. */
        public Options dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Prepended to every database name ({@code [a-z0-9_]*}), so tests can run against fresh databases. */
        public Options databasePrefix(String prefix) {
            if (!prefix.matches("[a-z0-9_]*") || prefix.length() > 30) {
                throw new IllegalArgumentException("a database prefix is at most 30 of [a-z0-9_]: " + prefix);
            }
            this.databasePrefix = prefix;
            return this;
        }

        /** Start the five services (default) or only the infrastructure, gateway and sandbox carrier. */
        public Options startServices(boolean start) {
            this.startServices = start;
            return this;
        }

        public Options skipServices() {
            return startServices(false);
        }

        public Options startKeycloak(boolean start) {
            this.startKeycloak = start;
            return this;
        }

        /** Drop and recreate the databases and empty Kafka before starting (the PHI keys stay). */
        public Options freshData(boolean fresh) {
            this.freshData = fresh;
            return this;
        }

        /** The unpacked keycloak-quarkus-dist; default {@code <root>/platform-launcher/target/keycloak}. */
        public Options keycloakHome(Path home) {
            this.keycloakHome = home;
            return this;
        }

        /** A JDK 21+ for Keycloak; default {@code KEYCLOAK_JAVA_HOME}, Temurin 25, or any JDK 21+ found. */
        public Options keycloakJavaHome(Path home) {
            this.keycloakJavaHome = home;
            return this;
        }

        /** Default {@code <root>/deploy/keycloak/carethread-realm.json}. */
        public Options realmFile(Path file) {
            this.realmFile = file;
            return this;
        }

        /** Where progress lines go; {@code null} for none. */
        public Options out(PrintStream stream) {
            this.out = stream;
            return this;
        }

        /** Stop everything if the JVM exits without {@link LocalPlatform#stop()} (default on). */
        public Options stopOnJvmExit(boolean stop) {
            this.stopOnJvmExit = stop;
            return this;
        }

        /** How long one component (Kafka, Keycloak, one service) may take to become ready; default 5 minutes. */
        public Options componentTimeout(Duration timeout) {
            this.componentTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** JVM options for each service's {@code java -jar}; default {@code -Xms64m -Xmx384m -XX:+UseSerialGC}. */
        public Options serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        /** An extra (or overriding) environment variable for one service. */
        public Options serviceEnv(PlatformService service, String name, String value) {
            serviceEnvironment.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Path projectRoot() {
            return projectRoot;
        }

        public Path dataDir() {
            return dataDir;
        }

        public String databasePrefix() {
            return databasePrefix;
        }

        public boolean startServices() {
            return startServices;
        }

        public boolean startKeycloak() {
            return startKeycloak;
        }

        public boolean freshData() {
            return freshData;
        }
    }

    private final Options options;
    private final Path root;
    private final Path dataDir;
    private final Path logDir;
    private final PrintStream out;
    private final ProcessRegistry registry;
    private final Map<PlatformService, ManagedProcess> services = new EnumMap<>(PlatformService.class);
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "carethread-launcher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;
    private Thread shutdownHook;
    private PhiKeys keys;
    /** The sandbox's Vonage Voice application: ingestion signs its downloads of recordings with this key. */
    private final VonageApplicationKey voiceApplication = new VonageApplicationKey();
    private PostgresServer postgres;
    private KafkaProcess kafka;
    private KeycloakProcess keycloak;
    private Vertx vertx;
    private SandboxCarrier carrier;
    private SandboxMailServer mailServer;
    private StaffGateway gateway;
    private int step;
    private int steps;

    private LocalPlatform(Options options) {
        this.options = options;
        this.root = (options.projectRoot != null ? options.projectRoot : findProjectRoot()).toAbsolutePath().normalize();
        this.dataDir = (options.dataDir != null ? options.dataDir
                : root.resolve("platform-launcher/target/local-platform")).toAbsolutePath().normalize();
        this.logDir = dataDir.resolve("logs");
        this.out = options.out != null ? options.out : new PrintStream(OutputStream.nullOutputStream());
        this.registry = new ProcessRegistry(dataDir);
    }

    /** Starts everything and returns once all of it is ready; on failure stops what it started and throws. */
    public static LocalPlatform start(Options options) {
        LocalPlatform platform = new LocalPlatform(options);
        try {
            platform.launch();
            return platform;
        } catch (RuntimeException | Error e) {
            platform.stop();
            throw e;
        }
    }

    // ---- what runs where ----

    /** {@code http://localhost:8080}: the staff web origin (gateway to the staff API). */
    public String staffUrl() {
        return "http://localhost:" + STAFF_PORT;
    }

    /** {@code http://localhost:8180} */
    public String keycloakUrl() {
        return KeycloakProcess.URL;
    }

    /** {@code http://localhost:8180/realms/carethread}: the {@code iss} of every staff token. */
    public String issuerUrl() {
        return KeycloakProcess.ISSUER;
    }

    public String tokenUrl() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    /** {@code http://localhost:8090} */
    public String sandboxCarrierUrl() {
        return "http://localhost:" + SANDBOX_CARRIER_PORT;
    }

    /** The sandbox carrier itself, e.g. to read what was sent without HTTP. */
    public SandboxCarrier sandboxCarrier() {
        return carrier;
    }

    /** {@code 127.0.0.1:9092} */
    public String kafkaBootstrap() {
        return KafkaProcess.BOOTSTRAP;
    }

    public String serviceUrl(PlatformService service) {
        return service.url();
    }

    public String serviceUrl(String service) {
        return serviceUrl(PlatformService.of(service));
    }

    /** The database a service uses here, with the options' prefix, e.g. {@code carethread_routing}. */
    public String databaseName(PlatformService service) {
        return options.databasePrefix + service.database();
    }

    /** Accepts {@code routing-service}, {@code routing} or {@code ROUTING}. */
    public String databaseName(String service) {
        return databaseName(PlatformService.of(service));
    }

    public String jdbcUrl(PlatformService service) {
        return "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + databaseName(service);
    }

    public String dbHost() {
        return postgres.host();
    }

    public int dbPort() {
        return postgres.port();
    }

    public String dbUser() {
        return postgres.user();
    }

    public String dbPassword() {
        return postgres.password();
    }

    /** The environment a service was (or would be) started with: database, Kafka, keys, OIDC, carrier. */
    public Map<String, String> serviceEnvironment(PlatformService service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
        // Local services answer this machine only; the staff gateway is the way in.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("DB_HOST", postgres.host());
        env.put("DB_PORT", String.valueOf(postgres.port()));
        env.put("DB_NAME", databaseName(service));
        env.put("DB_USER", postgres.user());
        // Quarkus treats an empty variable as unset and then fails on ${DB_PASSWORD}; the local servers use trust
        // authentication, which ignores whatever password is sent.
        env.put("DB_PASSWORD", postgres.password().isEmpty() ? "local-trust-auth" : postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        env.put("CARETHREAD_PHI_KEYS", keys.keysSpec());
        env.put("CARETHREAD_PHI_ACTIVE_KEY", keys.activeKeyId());
        env.put("CARETHREAD_BLIND_INDEX_KEY", keys.blindIndexKey());
        env.put("OIDC_AUTH_SERVER_URL", issuerUrl());
        if (service == PlatformService.INGESTION) {
            env.put("VONAGE_SIGNATURE_SECRET", VONAGE_SIGNATURE_SECRET);
            env.put("EMAIL_WEBHOOK_SECRET", EMAIL_WEBHOOK_SECRET);
            env.put("EMAIL_IMAP_ENABLED", "true");
            env.put("EMAIL_IMAP_HOST", "127.0.0.1");
            env.put("EMAIL_IMAP_PORT", String.valueOf(SandboxMailServer.IMAP_PORT));
            env.put("EMAIL_IMAP_TLS", "false");
            env.put("EMAIL_IMAP_USER", SandboxMailServer.NORTH_MAILBOX);
            env.put("EMAIL_IMAP_PASSWORD", SandboxMailServer.MAILBOX_PASSWORD);
            env.put("EMAIL_IMAP_POLL_INTERVAL", "5s");
            // Voicemail: the sandbox answers for Vonage's file URLs as the SDK's proxy.
            env.put("VONAGE_APPLICATION_ID", voiceApplication.applicationId());
            env.put("VONAGE_PRIVATE_KEY", voiceApplication.privateKeyPem());
            env.put("VONAGE_HTTP_PROXY", sandboxCarrierUrl());
            env.put("VOICEMAIL_PUBLIC_URL", PlatformService.INGESTION.url());
            env.put("CARETHREAD_VOICEMAIL_GREETINGS_15550001001", "You have reached North Clinic. Please leave a"
                    + " message after the tone. If this is an emergency, hang up and dial 911.");
            env.put("CARETHREAD_VOICEMAIL_GREETINGS_15550001002", "You have reached South Clinic. Please leave a"
                    + " message after the tone. If this is an emergency, hang up and dial 911.");
            // Photos of sandbox MMS are fetched from the sandbox carrier, over plain HTTP on this machine.
            env.put("VONAGE_MEDIA_HOSTS", "localhost");
            env.put("VONAGE_MEDIA_PLAIN_HTTP", "true");
        }
        if (service == PlatformService.NOTIFICATION) {
            env.put("VONAGE_API_BASE_URL", sandboxCarrierUrl());
            // The most a carrier allows a number (the production default is 1): after hours every new patient draws
            // an automatic reply, and a run of many texts would otherwise hold staff replies back for minutes.
            env.put("CARETHREAD_SMS_THROUGHPUT_MESSAGES_PER_SECOND", "10");
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(SandboxMailServer.SMTP_PORT));
            env.put("VONAGE_API_KEY", VONAGE_API_KEY);
            env.put("VONAGE_API_SECRET", VONAGE_API_SECRET);
        }
        env.putAll(options.serviceEnvironment.getOrDefault(service, Map.of()));
        return env;
    }

    public String signatureSecret() {
        return VONAGE_SIGNATURE_SECRET;
    }

    public Path projectRoot() {
        return root;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logDir() {
        return logDir;
    }

    /** The log file of a service ({@code <data dir>/logs/<module>.log}). */
    public Path serviceLog(PlatformService service) {
        return logDir.resolve(service.module() + ".log");
    }

    /**
     * A service's own {@code java -jar} process (its pid, to read its memory in {@code /proc}); empty when services
     * were not started or it is no longer running.
     */
    public Optional<ProcessHandle> serviceProcess(PlatformService service) {
        synchronized (services) {
            ManagedProcess process = services.get(service);
            return process == null || !process.isAlive() ? Optional.empty() : Optional.of(process.handle());
        }
    }

    public boolean postgresEmbedded() {
        return postgres != null && postgres.isEmbedded();
    }

    // ---- life cycle ----

    /** Stops the broker process and starts it again on the same port and data directory; returns once it is ready. */
    public void restartKafka() {
        if (kafka == null || stopping) {
            throw new IllegalStateException("Kafka is not running under this launcher");
        }
        long started = System.nanoTime();
        kafka.restart(options.componentTimeout);
        watch(kafka.current(), "Kafka");
        out.println("Kafka restarted in " + seconds(started) + " s");
    }

    /** Stops everything this launcher started, services first, PostgreSQL last. Safe to call more than once. */
    public void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        registry.close();
        out.println("Stopping CareThread …");
        quietly(() -> {
            if (gateway != null) {
                gateway.close();
            }
        });
        quietly(() -> {
            if (carrier != null) {
                carrier.close();
            }
        });
        quietly(() -> {
            if (mailServer != null) {
                mailServer.close();
            }
        });
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        synchronized (services) {
            for (Map.Entry<PlatformService, ManagedProcess> entry : services.entrySet()) {
                ManagedProcess process = entry.getValue();
                registry.forget(process);
                stopping.add(CompletableFuture.runAsync(() -> process.stop(Duration.ofSeconds(20)), background));
            }
        }
        stopping.forEach(future -> quietly(future::join));
        CompletableFuture<Void> keycloakStopped = CompletableFuture.runAsync(() -> {
            if (keycloak != null) {
                keycloak.stop();
            }
        }, background);
        quietly(() -> {
            if (kafka != null) {
                kafka.stop();
            }
        });
        quietly(keycloakStopped::join);
        quietly(registry::stopAll);
        quietly(() -> {
            if (vertx != null) {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        });
        quietly(() -> {
            if (postgres != null) {
                postgres.close();
            }
        });
        background.shutdownNow();
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            quietly(() -> Runtime.getRuntime().removeShutdownHook(shutdownHook));
        }
        out.println("CareThread stopped.");
        out.flush();
    }

    @Override
    public void close() {
        stop();
    }

    private void launch() {
        out.println("Starting CareThread locally: project " + root + ", data in " + dataDir);
        preflight();
        if (options.stopOnJvmExit) {
            shutdownHook = new Thread(this::stop, "carethread-launcher-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        keys = PhiKeys.loadOrCreate(dataDir);
        steps = 4 + (options.startKeycloak ? 1 : 0) + (options.startServices ? PlatformService.values().length : 0);

        CompletableFuture<Long> keycloakLaunched = null;
        if (options.startKeycloak) {
            // Keycloak's one-time build and its start overlap PostgreSQL and Kafka.
            long launchedAt = System.nanoTime();
            keycloakLaunched = CompletableFuture.supplyAsync(() -> {
                keycloak.launch();
                return launchedAt;
            }, background);
        }

        boolean[] databasesNew = new boolean[1];
        step("PostgreSQL", () -> {
            postgres = PostgresServer.machineOrEmbedded(dataDir.resolve("postgres"));
            databasesNew[0] = prepareDatabases(options.freshData || keys.newlyCreated());
            return (postgres.isEmbedded() ? "embedded" : "the machine's") + ", " + postgres.host() + ":"
                    + postgres.port() + ", databases " + options.databasePrefix + "carethread_*"
                    + (databasesNew[0] ? " (new)" : "");
        });
        step("Kafka", () -> {
            boolean fresh = options.freshData || databasesNew[0];
            kafka.start(fresh, options.componentTimeout);
            watch(kafka.current(), "Kafka");
            return kafkaBootstrap() + (fresh ? ", empty" : ", data kept from the last run");
        });
        if (options.startKeycloak) {
            CompletableFuture<Long> launched = keycloakLaunched;
            stepTimed("Keycloak", () -> {
                long since = join(launched);
                keycloak.awaitReady(options.componentTimeout);
                watch(keycloak.current(), "Keycloak");
                return since;
            }, () -> keycloakUrl() + ", realm " + REALM + (keycloak.builtNow() ? ", server built once first" : ""));
        }
        step("Sandbox mail server", () -> {
            mailServer = new SandboxMailServer();
            mailServer.start();
            return "SMTP localhost:" + SandboxMailServer.SMTP_PORT + ", IMAP localhost:" + SandboxMailServer.IMAP_PORT
                    + ", mailboxes " + SandboxMailServer.NORTH_MAILBOX + " and " + SandboxMailServer.SOUTH_MAILBOX;
        });
        if (options.startServices) {
            for (PlatformService service : PlatformService.values()) {
                step(service.module(), () -> {
                    startService(service);
                    return service.url();
                });
            }
        }
        step("Staff gateway and sandbox carrier", () -> {
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4));
            carrier = new SandboxCarrier(vertx, SandboxCarrier.Settings.defaults(voiceApplication)
                    .withLog(line -> out.println("  sandbox carrier: " + line)));
            carrier.start();
            gateway = new StaffGateway(vertx, STAFF_PORT, PlatformService.CONVERSATION.port(),
                    PlatformService.AUDIT.port(), PlatformService.ROUTING.port(), LandingPage.html(),
                    root.resolve("staff-web/target/dist"), KeycloakProcess.URL);
            gateway.start();
            return staffUrl() + " and " + sandboxCarrierUrl();
        });
    }

    /** Everything that can fail before anything starts fails here, with what to do about it. */
    private void preflight() {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new LaunchException("cannot create " + logDir + ": " + e.getMessage(), e);
        }
        registry.stopLeftovers(line -> out.println("  " + line));
        if (options.startServices) {
            List<String> missing = new ArrayList<>();
            for (PlatformService service : PlatformService.values()) {
                if (!Files.isRegularFile(serviceJar(service))) {
                    missing.add(serviceJar(service).toString());
                }
            }
            if (!missing.isEmpty()) {
                throw new LaunchException("service builds are missing (" + String.join(", ", missing)
                        + "): run ./mvnw install -DskipTests first");
            }
        }
        Path javaForKeycloak = null;
        if (options.startKeycloak) {
            Path home = options.keycloakHome != null ? options.keycloakHome
                    : root.resolve("platform-launcher/target/keycloak");
            Path realm = options.realmFile != null ? options.realmFile
                    : root.resolve("deploy/keycloak/carethread-realm.json");
            KeycloakProcess.checkInstalled(home, realm);
            javaForKeycloak = JavaRuntimes.forKeycloak(options.keycloakJavaHome);
            keycloak = new KeycloakProcess(home, javaForKeycloak, realm, logDir.resolve("keycloak.log"), registry);
        }
        kafka = new KafkaProcess(dataDir.resolve("kafka"), logDir.resolve("kafka.log"), Classpaths.forKafka(root),
                registry);
        List<Integer> ports = new ArrayList<>(List.of(KAFKA_PORT, KAFKA_CONTROLLER_PORT, STAFF_PORT,
                SANDBOX_CARRIER_PORT));
        if (options.startKeycloak) {
            ports.addAll(List.of(KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT));
        }
        if (options.startServices) {
            for (PlatformService service : PlatformService.values()) {
                ports.add(service.port());
            }
        }
        List<Integer> busy = ports.stream().filter(HttpProbe::portInUse).toList();
        if (!busy.isEmpty()) {
            throw new LaunchException("port(s) " + busy + " are already in use on this machine. Is CareThread already"
                    + " running (stop it with Ctrl+C), or does another program hold them?");
        }
    }

    /** Creates the five databases; drops them first when {@code fresh}. Returns whether any is new. */
    private boolean prepareDatabases(boolean fresh) {
        List<String> names = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            names.add(databaseName(service));
        }
        Set<String> existing = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(),
                postgres.password())) {
            if (fresh) {
                try (Statement statement = connection.createStatement()) {
                    for (String name : names) {
                        // Only the launcher's own databases, and the names are checked: [a-z0-9_] and fixed suffixes.
                        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT datname FROM pg_database WHERE datname = ANY (?)")) {
                query.setArray(1, connection.createArrayOf("text", names.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        existing.add(rows.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new LaunchException("could not prepare the databases on " + postgres.host() + ":" + postgres.port()
                    + ": " + e.getMessage(), e);
        }
        for (String name : names) {
            postgres.createDatabase(name);
        }
        return !existing.containsAll(names);
    }

    private void startService(PlatformService service) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options.serviceJvmOptions);
        command.add("-jar");
        command.add(serviceJar(service).toString());
        Map<String, String> env = new LinkedHashMap<>();
        // The caller's shell may carry Quarkus or database settings meant for something else.
        for (String inherited : System.getenv().keySet()) {
            if (inherited.startsWith("QUARKUS_") || inherited.startsWith("DB_") || inherited.startsWith("KAFKA_")
                    || inherited.startsWith("CARETHREAD_") || inherited.startsWith("OIDC_")
                    || inherited.startsWith("VONAGE_") || inherited.equals("JAVA_TOOL_OPTIONS")) {
                env.put(inherited, null);
            }
        }
        env.putAll(serviceEnvironment(service));
        ManagedProcess process = ManagedProcess.start(service.module(), command, env, root.resolve(service.module()),
                serviceLog(service));
        registry.remember(process);
        synchronized (services) {
            services.put(service, process);
        }
        HttpProbe.awaitReady(service.module(), service.url() + "/q/health/ready",
                answer -> answer.status() == 200 && answer.body().contains("UP"), process, options.componentTimeout);
        watch(process, service.module());
    }

    private Path serviceJar(PlatformService service) {
        return root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Says so on the console when something dies that nobody asked to stop. */
    private void watch(ManagedProcess process, String what) {
        if (process == null) {
            return;
        }
        process.handle().onExit().thenRun(() -> {
            if (!stopping && registry.isTracked(process)) {
                out.println("!! " + what + " stopped unexpectedly (exit " + process.exitCode() + "); see "
                        + process.logFile());
            }
        });
    }

    // ---- progress lines ----

    private void step(String name, Supplier<String> work) {
        long started = System.nanoTime();
        String[] detail = new String[1];
        stepTimed(name, () -> {
            detail[0] = work.get();
            return started;
        }, () -> detail[0]);
    }

    /** Runs {@code work}, which returns when its timing began, and prints "[n/N] name … ready in s s (detail)". */
    private void stepTimed(String name, Supplier<Long> work, Supplier<String> detail) {
        if (stopping) {
            throw new LaunchException("stopped while starting");
        }
        step++;
        out.print("[" + step + "/" + steps + "] " + name + " … ");
        out.flush();
        try {
            long since = work.get();
            out.println("ready in " + seconds(since) + " s (" + detail.get() + ")");
        } catch (RuntimeException e) {
            if (stopping) {
                out.println("stopped");
                throw new LaunchException("stopped while starting", e);
            }
            out.println("FAILED");
            throw e;
        }
    }

    private static long seconds(long sinceNanos) {
        return Math.round((System.nanoTime() - sinceNanos) / 1e9);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private void quietly(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            out.println("  (while stopping: " + e.getMessage() + ")");
        }
    }

    // ---- the summary ----

    /** What a person needs to use the running platform: URLs, logins, the sandbox, logs. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append("\nCareThread is running.\n\n");
        text.append("  Staff origin     ").append(staffUrl())
                .append("   (staff API under /api, patient directory under /api/routing, audit API under /api/audit)\n");
        if (options.startKeycloak) {
            text.append("  Keycloak         ").append(keycloakUrl()).append("   realm ").append(REALM)
                    .append(", issuer ").append(issuerUrl()).append("\n");
            text.append("                   admin console ").append(keycloakUrl()).append("/admin (")
                    .append(KeycloakProcess.ADMIN_USER).append(" / ").append(KeycloakProcess.ADMIN_PASSWORD)
                    .append(")\n");
            text.append("\n  Demo logins, password '").append(DEMO_PASSWORD).append("':\n");
            for (DemoLogin login : DEMO_LOGINS) {
                text.append(String.format("    %-16s %-19s %s%n", login.username(), login.role(),
                        String.join(", ", login.locations())));
            }
            text.append("  A token for scripts (client ").append(CLI_CLIENT).append("):\n");
            text.append("    curl -s -d grant_type=password -d client_id=").append(CLI_CLIENT)
                    .append(" -d username=frontdesk.north -d password=").append(DEMO_PASSWORD).append(" \\\n      ")
                    .append(tokenUrl()).append("\n");
        }
        text.append("\n  Sandbox carrier  ").append(sandboxCarrierUrl())
                .append("   (stands in for Vonage; North Clinic 15550001001, South Clinic 15550001002)\n");
        text.append("  Play the patient:\n");
        text.append("    curl -s -X POST ").append(sandboxCarrierUrl())
                .append("/sandbox/inbound -H 'Content-Type: application/json' \\\n")
                .append("      -d '{\"from\":\"15557654321\",\"to\":\"15550001001\",")
                .append("\"text\":\"Hi, can I move my appointment to Friday?\"}'\n");
        text.append("  See the practice's replies:\n");
        text.append("    curl -s ").append(sandboxCarrierUrl()).append("/sandbox/messages\n");
        text.append("  Leave a voicemail (a tone for the recording, your words for the transcript):\n");
        text.append("    curl -s -X POST ").append(sandboxCarrierUrl())
                .append("/sandbox/voicemail -H 'Content-Type: application/json' \\\n")
                .append("      -d '{\"from\":\"15557654321\",\"to\":\"15550001001\",")
                .append("\"transcript\":\"Please call me back about my lab results\"}'\n");
        text.append("  Webhook signature secret  ").append(VONAGE_SIGNATURE_SECRET).append("\n");
        text.append("\n  Sandbox mail server  SMTP localhost:").append(SandboxMailServer.SMTP_PORT)
                .append(", IMAP localhost:").append(SandboxMailServer.IMAP_PORT).append(" (North Clinic ")
                .append(SandboxMailServer.NORTH_MAILBOX).append(", polled by ingestion-service)\n");
        text.append("  E-mail the practice, then read its answer (the patient's password is their address):\n");
        text.append("    printf 'From: pat@example.org\\r\\nTo: ").append(SandboxMailServer.NORTH_MAILBOX)
                .append("\\r\\nSubject: Friday\\r\\nMessage-ID: <1@example.org>\\r\\n\\r\\nCan I come Friday?\\r\\n'")
                .append(" > mail.txt\n");
        text.append("    curl -s smtp://localhost:").append(SandboxMailServer.SMTP_PORT)
                .append(" --mail-from pat@example.org --mail-rcpt ").append(SandboxMailServer.NORTH_MAILBOX)
                .append(" -T mail.txt\n");
        text.append("    curl -s 'imap://localhost:").append(SandboxMailServer.IMAP_PORT)
                .append("/INBOX;UID=1' -u pat@example.org:pat@example.org\n");
        text.append("  E-mail webhook secret  ").append(EMAIL_WEBHOOK_SECRET).append("\n\n");
        if (options.startServices) {
            text.append("  Services         ").append(java.util.Arrays.stream(PlatformService.values())
                    .map(s -> s.module() + " " + s.port()).collect(Collectors.joining(", "))).append("\n");
        } else {
            text.append("  Services         not started (infrastructure only)\n");
        }
        text.append("  Kafka            ").append(kafkaBootstrap()).append("\n");
        if (postgres != null) {
            text.append("  PostgreSQL       ").append(postgres.host()).append(":").append(postgres.port())
                    .append(postgres.isEmbedded() ? " (embedded)" : " (this machine's)").append(", databases ")
                    .append(options.databasePrefix).append("carethread_*\n");
        }
        text.append("  Logs             ").append(logDir).append("\n");
        text.append("\nCtrl+C stops everything.\n");
        return text.toString();
    }

    // ---- project root ----

    static Path findProjectRoot() {
        String explicit = System.getProperty("carethread.root", System.getenv("CARETHREAD_ROOT"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            Path pom = candidate.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.isDirectory(candidate.resolve("platform-launcher"))
                        && Files.readString(pom, StandardCharsets.UTF_8)
                                .contains("<artifactId>carethread-parent</artifactId>")
                        && Files.isRegularFile(candidate.resolve("platform-launcher/pom.xml"))) {
                    return candidate;
                }
            } catch (IOException e) {
                // keep looking
            }
        }
        throw new LaunchException("cannot find the CareThread project root above " + dir
                + ": run from the repository, or set -Dcarethread.root=/path/to/carethread");
    }
}
