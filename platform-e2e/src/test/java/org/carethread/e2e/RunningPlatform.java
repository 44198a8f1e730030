package org.carethread.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.carethread.launcher.LocalPlatform;
import org.carethread.launcher.PlatformService;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The one platform every IT class of this JVM drives: it takes ~40 s to start and holds fixed ports, so it is started
 * on first use and stopped, with its databases dropped, when the JVM exits. Also how a patient (through the sandbox
 * carrier) and staff (through the gateway, with Keycloak tokens) act on it.
 */
final class RunningPlatform {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static RunningPlatform shared;

    final LocalPlatform platform;
    final String staff;
    final String webhooks;
    final String carrier;

    private RunningPlatform(LocalPlatform platform) {
        this.platform = platform;
        this.staff = platform.staffUrl();
        this.webhooks = platform.serviceUrl("ingestion");
        this.carrier = platform.sandboxCarrierUrl();
    }

    static synchronized RunningPlatform shared() {
        if (shared == null) {
            LocalPlatform platform = LocalPlatform.start(LocalPlatform.Options.defaults()
                    .projectRoot(Path.of("..").toAbsolutePath().normalize())
                    .dataDir(Path.of("target/e2e-platform").toAbsolutePath())
                    .databasePrefix("e2e_" + Long.toHexString(System.nanoTime()) + "_")
                    // The launcher's own JVM-exit hook stays on: it also covers an exit in the middle of starting.
                    .freshData(true));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndClean(platform), "e2e-platform-stop"));
            shared = new RunningPlatform(platform);
        }
        return shared;
    }

    private static void stopAndClean(LocalPlatform platform) {
        // Returns at once if the launcher's hook is already stopping it; the drop below then forces the services'
        // last connections closed.
        platform.stop();
        if (platform.postgresEmbedded()) {
            return;
        }
        // The run's databases are its own; leave the machine's PostgreSQL as it was.
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + platform.dbHost() + ":" + platform.dbPort() + "/postgres",
                platform.dbUser(), platform.dbPassword()); Statement statement = connection.createStatement()) {
            for (PlatformService service : PlatformService.values()) {
                statement.execute("drop database if exists " + platform.databaseName(service) + " with (force)");
            }
        } catch (java.sql.SQLException e) {
            System.err.println("could not drop the e2e databases: " + e.getMessage());
        }
    }

    /**
     * The sandbox carrier signs and delivers the webhook, retrying 5xx with the same message uuid as Vonage does.
     * Returns how long ingestion-service took to answer the carrier's webhook, in ms.
     */
    long patientTexts(String from, String to, String text) {
        return given().contentType(ContentType.JSON).body(Map.of("from", from, "to", to, "text", text))
                .post(carrier + "/sandbox/inbound")
                .then().statusCode(200).body("webhook_status", equalTo(200))
                .extract().jsonPath().getLong("webhook_ms");
    }

    /** An MMS: the photo (its bytes) with {@code caption} as the text, as Vonage delivers one through the sandbox. */
    void patientSendsPhoto(String from, String to, String caption, byte[] photo) {
        given().contentType(ContentType.JSON)
                .body(Map.of("from", from, "to", to, "text", caption, "photo", Base64.getEncoder().encodeToString(photo)))
                .post(carrier + "/sandbox/inbound")
                .then().statusCode(200).body("webhook_status", equalTo(200));
    }

    /** A small PNG, drawn here: the platform keeps it, thumbnails it and serves it back. */
    static byte[] photo() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xcc3333);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** A North American number no demo patient has, different on every call. */
    static String randomPatientNumber() {
        return "1555" + (2000000 + ThreadLocalRandom.current().nextInt(7000000));
    }

    /** What the carrier was asked to send to {@code patient} with exactly {@code text}, or null while there is none. */
    JsonPath sentTo(String patient, String text) {
        JsonPath all = given().get(carrier + "/sandbox/messages").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> matching = all.getList("findAll { it.to == '" + patient + "' && it.text == '" + text
                + "' }");
        return matching.size() == 1 ? new JsonPath(toJson(matching.get(0))) : null;
    }

    /**
     * The conversation holding {@code text} from {@code patient} (digits, as the carrier writes them), once it is
     * there. Found by a search for the patient's number, so however many other conversations rank above it.
     */
    String awaitConversationWith(String token, String patient, String text) {
        return await().atMost(PATIENCE).until(() -> {
            for (String id : conversationsOf(token, patient)) {
                if (messageTexts(token, id).contains(text)) {
                    return id;
                }
            }
            return null;
        }, id -> id != null);
    }

    /** The ids of the patient's conversations the token's holder may see, by a search for their number (digits). */
    List<String> conversationsOf(String token, String patient) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("phone", "+" + patient)).post(staff + "/api/conversations/search")
                .then().statusCode(200).extract().jsonPath().getList("id");
    }

    List<String> messageTexts(String token, String conversationId) {
        return given().auth().oauth2(token).get(staff + "/api/conversations/" + conversationId)
                .then().statusCode(200).extract().jsonPath().getList("messages.text");
    }

    String token(String username) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", LocalPlatform.CLI_CLIENT)
                .formParam("username", username)
                .formParam("password", LocalPlatform.DEMO_PASSWORD)
                .post(platform.tokenUrl())
                .then().statusCode(200).extract().path("access_token");
    }

    static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
