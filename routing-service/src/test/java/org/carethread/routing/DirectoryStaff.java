package org.carethread.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.PeerEvents;
import org.carethread.localinfra.StaffTokens;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.events.PhiAccessed;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;

/**
 * Plays the practice's staff against the directory API (tokens shaped like Keycloak's), invents patients, and looks
 * where a peer or an auditor would: the service's own database, and the topics on the broker.
 */
final class DirectoryStaff {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private DirectoryStaff() {
    }

    static String token(String username, String role, String... locations) {
        return StaffTokens.issue(username, List.of(role), Arrays.asList(locations));
    }

    static String northFrontDesk() {
        return token("nora.north", "front-desk", "north");
    }

    static String southFrontDesk() {
        return token("sam.south", "front-desk", "south");
    }

    static String admin() {
        return token("ada.admin", "practice-admin", "north", "south");
    }

    static String staffId(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes()).toString();
    }

    /** Seven digits no other test of the JVM uses, for a number in the 555 area. */
    static String newSubscriber() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000));
    }

    /** The number as a person writes it: "(555) 123-4567". */
    static String written(String subscriber) {
        return "(555) " + subscriber.substring(0, 3) + "-" + subscriber.substring(3);
    }

    /** The number as a carrier delivers it: "15551234567". */
    static String carrierDigits(String subscriber) {
        return "1555" + subscriber;
    }

    static String e164(String subscriber) {
        return "+1555" + subscriber;
    }

    static String newMrn() {
        return "MRN-" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    /** A valid patient for the API, at a location, with a phone number; tweak the map as a test needs. */
    static Map<String, Object> patient(String given, String family, String mrn, String homeLocation,
            String... phones) {
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", given);
        body.put("familyName", family);
        body.put("birthDate", "1984-02-29");
        body.put("mrn", mrn);
        body.put("phones", List.of(phones));
        body.put("emails", List.of());
        body.put("homeLocation", homeLocation);
        body.put("primaryProvider", "provider");
        body.put("careTeam", homeLocation + "-team-a");
        body.put("preferredLanguage", "en");
        return body;
    }

    /** Creates the patient as the staff member and returns their id. */
    static String create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/routing/patients")
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
    }

    /** The service's own test database, to check what is at rest. */
    static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** Every row a query returns, as column → value text. */
    static List<Map<String, String>> rows(String sql, Object... parameters) {
        try (Connection db = database(); var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                List<Map<String, String>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, String> row = new HashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(result.getMetaData().getColumnName(c), result.getString(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String mrnIndex(String mrn) {
        return TestCrypto.BLIND_INDEX.of("mrn", mrn.toUpperCase());
    }

    /** Records on the topic with this Kafka key, oldest first. */
    static List<ConsumerRecord<String, String>> recordsKeyed(String topic, String key) {
        return KafkaBroker.shared().readAll(topic, Duration.ofMillis(500)).stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    /** Waits until the topic holds at least {@code count} records with this key. */
    static List<ConsumerRecord<String, String>> awaitKeyed(String topic, String key, int count) {
        return await().atMost(PATIENCE).until(() -> recordsKeyed(topic, key), r -> r.size() >= count);
    }

    static String type(ConsumerRecord<String, String> record) {
        return PeerEvents.header(record, CloudEventHeaders.TYPE);
    }

    static PhiAccessed access(ConsumerRecord<String, String> record) {
        return read(record, PhiAccessed.class);
    }

    static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return InboundMessages.JSON.readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("unreadable event on " + record.topic(), e);
        }
    }

    /** Hibernate Reactive runs on a Vert.x context; tests call the services from JUnit's thread through this. */
    static <T> T onVertx(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }
}
