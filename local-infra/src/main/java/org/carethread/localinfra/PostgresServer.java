package org.carethread.localinfra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server: the machine's own on 127.0.0.1:5432 when one answers (as on developer and CI machines),
 * otherwise an embedded PostgreSQL started from Maven Central binaries. Each service gets its own database.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String MACHINE_HOST = "127.0.0.1";
    private static final int MACHINE_PORT = 5432;
    private static PostgresServer shared;

    private final String host;
    private final int port;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.embedded = embedded;
    }

    /** The JVM's server, found or started on first use and stopped (when embedded) at JVM exit. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = machineOrEmbedded(null);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-stop"));
        }
        return shared;
    }

    /**
     * @param embeddedDataDirectory where an embedded server keeps its data between runs; {@code null} for a
     *                              throw-away directory
     */
    public static PostgresServer machineOrEmbedded(Path embeddedDataDirectory) {
        if (machineServerAnswers()) {
            return new PostgresServer(MACHINE_HOST, MACHINE_PORT, null);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (embeddedDataDirectory != null) {
                builder.setDataDirectory(embeddedDataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres embedded = builder.start();
            return new PostgresServer("127.0.0.1", embedded.getPort(), embedded);
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL on 127.0.0.1:5432 and the embedded one did not start", e);
        }
    }

    /**
     * An embedded server that accepts TLS connections only (a plain one is refused by {@code pg_hba.conf}), with the
     * material's certificate, as a production database would. The caller stops it.
     */
    public static PostgresServer embeddedWithTls(TlsMaterial tls) {
        try {
            Path hba = Files.createTempFile("carethread-pg-hba", ".conf");
            Files.writeString(hba, """
                    local     all all              trust
                    hostssl   all all 127.0.0.1/32 trust
                    hostnossl all all 0.0.0.0/0    reject
                    """);
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", tls.certificate().toString())
                    .setServerConfig("ssl_key_file", tls.privateKey().toString())
                    .setServerConfig("hba_file", hba.toString())
                    .start();
            return new PostgresServer("127.0.0.1", embedded.getPort(), embedded);
        } catch (IOException e) {
            throw new IllegalStateException("the embedded PostgreSQL with TLS did not start", e);
        }
    }

    private static boolean machineServerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(MACHINE_HOST, MACHINE_PORT), 500);
        } catch (IOException e) {
            return false;
        }
        try (Connection ignored = DriverManager.getConnection(jdbcUrl(MACHINE_HOST, MACHINE_PORT, "postgres"),
                "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(host, port, database);
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names are lower-case letters, digits and _: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** Drops the database, closing whatever connections are still open to it. */
    public void dropDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names are lower-case letters, digits and _: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + name, e);
        }
    }

    /** A new, empty database whose name starts with {@code prefix}: tests never depend on leftovers. */
    public String createFreshDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createDatabase(name);
        return name;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException("the embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    private static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
