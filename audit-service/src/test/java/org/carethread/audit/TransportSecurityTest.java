package org.carethread.audit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.LocationHoursSet;
import org.carethread.schemas.practice.OpeningHours;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The production {@code tls} profile, as shipped in shared-messaging, on a service that uses all three kinds of
 * connection: HTTPS only, Kafka over TLS with a client certificate, and PostgreSQL over verified TLS, against a broker
 * and a database server that refuse anything else.
 */
@QuarkusTest
@TestProfile(TransportSecurityTest.TlsEverywhere.class)
class TransportSecurityTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The shipped profile on top of the test one; a broker and a database of its own that speak TLS only. */
    public static class TlsEverywhere implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test,tls";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-ssl-port", "0");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CareThreadTestResource.class,
                    Map.of("service", "audit_tls", "tls", "true")));
        }
    }

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @Inject
    ObjectMapper json;

    @Test
    void theApiAnswersOverVerifiedHttpsAndNotInPlainText() throws Exception {
        HttpResponse<String> health = trustingTheCa().send(HttpRequest.newBuilder(https.toURI().resolve("q/health/ready"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\": \"UP\""), health.body());

        // The same port spoken to in plain HTTP gives no HTTP answer: the server waits for a TLS handshake
        String plain = plainHttpGet(https.getPort(), "/q/health/ready");
        assertTrue(!plain.startsWith("HTTP/"), "a plain HTTP request was answered: " + plain);

        // A client that does not trust the practice's CA refuses the server
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(https.toURI().resolve("q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void eventsArriveOverKafkaTlsAndAreStoredOverPostgresTls() throws Exception {
        String admin = "ada.admin" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = UUID.randomUUID().toString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OpeningHours weekdays = new OpeningHours(ZoneId.of("America/New_York"), Map.of(DayOfWeek.MONDAY,
                List.of(new OpeningHours.Interval(LocalTime.of(8, 0), LocalTime.of(17, 0)))), Map.of());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(serviceKafkaSettings(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(CloudEventRecords.record(json, Topics.PRACTICE_SCHEDULE, "north", eventId,
                    EventTypes.LOCATION_HOURS_SET, "/carethread/routing-service", "north", at,
                    LocationHoursSet.of("north", weekdays, admin, at))).get();
        }

        HttpClient client = trustingTheCa();
        URI search = https.toURI().resolve("api/audit/events?actor=" + admin);
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> found = client.send(HttpRequest.newBuilder(search)
                    .header("Authorization", Staff.complianceOfficer("carol.compliance")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, found.statusCode(), found.body());
            assertTrue(found.body().contains(eventId), found.body());
        });

        try (Connection connection = verifiedDatabaseConnection()) {
            ResultSet sessions = connection.createStatement().executeQuery("""
                    select count(*) filter (where s.ssl), count(*)
                    from pg_stat_activity a join pg_stat_ssl s on s.pid = a.pid
                    where a.datname = current_database() and a.pid <> pg_backend_pid()""");
            sessions.next();
            assertTrue(sessions.getInt(2) > 0, "the service holds no connection to its database");
            assertEquals(sessions.getInt(2), sessions.getInt(1), "a service connection to PostgreSQL is not TLS");
        }
        Properties plain = databaseLogin();
        plain.setProperty("sslmode", "disable");
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(config().getValue("quarkus.datasource.jdbc.url", String.class), plain)
                        .close());
        assertTrue(refused.getMessage().contains("no encryption") || refused.getMessage().contains("pg_hba"),
                refused.getMessage());
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    /** What the service itself was configured with for Kafka: bootstrap servers and the tls profile's settings. */
    private static Map<String, Object> serviceKafkaSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config().getValue("kafka.bootstrap.servers", String.class));
        for (String key : List.of("security.protocol", "ssl.truststore.type", "ssl.truststore.location",
                "ssl.keystore.type", "ssl.keystore.location")) {
            settings.put(key, config().getValue("kafka." + key, String.class));
        }
        assertEquals("SSL", settings.get("security.protocol"));
        return settings;
    }

    private static Connection verifiedDatabaseConnection() throws SQLException {
        Properties login = databaseLogin();
        login.setProperty("sslmode", "verify-full");
        login.setProperty("sslrootcert", config().getValue("CARETHREAD_TLS_CA", String.class));
        return DriverManager.getConnection(config().getValue("quarkus.datasource.jdbc.url", String.class), login);
    }

    private static Properties databaseLogin() {
        Properties login = new Properties();
        login.setProperty("user", config().getValue("quarkus.datasource.username", String.class));
        login.setProperty("password", config().getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        return login;
    }

    private static HttpClient trustingTheCa() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream ca = Files.newInputStream(Path.of(config().getValue("CARETHREAD_TLS_CA", String.class)))) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private static String plainHttpGet(int port, String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(3000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
            return "";
        }
    }
}
