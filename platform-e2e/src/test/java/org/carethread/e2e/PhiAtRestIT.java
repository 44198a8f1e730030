package org.carethread.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.carethread.launcher.LocalPlatform;
import org.carethread.launcher.PlatformService;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The proof that PHI never sits in clear at rest (45 CFR 164.312(a)(2)(iv)): a patient texts canary strings through
 * the sandbox carrier, staff read and reply with a canary through the gateway, the reply is delivered; then
 * PostgreSQL's files of the platform's databases and its WAL, Kafka's log segments and every log file are scanned
 * byte by byte and none may hold a canary. So that it cannot pass by scanning nothing, it also finds what must be
 * there in the same files: the event types in Kafka's segments and the conversation id in PostgreSQL's files.
 */
class PhiAtRestIT {
    private static final String NORTH_NUMBER = "15550001001";
    private static final String EVENT_RECEIVED = "carethread.message.received.v1";
    private static final String EVENT_REPLY_REQUESTED = "carethread.outbound.requested.v1";

    @Test
    void patientTextsStaffRepliesAndNoCanaryIsFoundInTheDatabasesKafkaOrTheLogs() throws Exception {
        RunningPlatform running = RunningPlatform.shared();
        LocalPlatform platform = running.platform;
        String canaryToken = "canary" + UUID.randomUUID().toString().replace("-", "");
        // 1555 then 7 random digits: a North American test number nobody else's data contains.
        String canaryNumber = "1555" + (1000000 + ThreadLocalRandom.current().nextInt(9000000));
        String patientText = "My rash is worse, code " + canaryToken + " please call";
        String replyToken = "reply" + UUID.randomUUID().toString().replace("-", "");
        String replyText = "Come in at 3pm today, ref " + replyToken;

        running.patientTexts(canaryNumber, NORTH_NUMBER, patientText);
        running.patientTexts(canaryNumber, NORTH_NUMBER, "and again " + canaryToken);
        String north = running.token("frontdesk.north");
        String conversationId = running.awaitConversationWith(north, canaryNumber, patientText);
        given().auth().oauth2(north).contentType(ContentType.JSON).body(Map.of("text", replyText))
                .post(running.staff + "/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202);
        await().atMost(RunningPlatform.PATIENCE).until(() -> running.sentTo(canaryNumber, replyText) != null);
        await().atMost(RunningPlatform.PATIENCE).untilAsserted(() -> {
            JsonPath detail = given().auth().oauth2(north).get(running.staff + "/api/conversations/" + conversationId)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("DELIVERED",
                    detail.getString("messages.find { it.text == '" + replyText + "' }.deliveryStatus"));
        });
        // Once the audit service has recorded the delivery status, every record that carried a canary (the inbound
        // message, the reply request) was written to Kafka and handled by the services before it.
        String compliance = running.token("compliance");
        await().atMost(RunningPlatform.PATIENCE).untilAsserted(() -> assertTrue(given().auth().oauth2(compliance)
                .queryParam("conversationId", conversationId).get(running.staff + "/api/audit/events")
                .then().statusCode(200).extract().jsonPath().getList("entries.action").contains("delivery.status")));

        List<String> canaries = List.of(canaryToken, replyToken, canaryNumber);

        // The conversation id is no PHI and sits in clear in the audit database: finding it shows the scan reads
        // the checkpointed data.
        Scan postgres = new Scan("PostgreSQL", canaries, List.of(conversationId));
        Path pgData;
        List<Path> pgDirectories = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + platform.dbHost() + ":" + platform.dbPort() + "/postgres",
                platform.dbUser(), platform.dbPassword()); Statement statement = connection.createStatement();
                PreparedStatement oid = connection.prepareStatement("select oid from pg_database where datname = ?")) {
            // Dirty pages reach the data files only at a checkpoint; the WAL already has everything committed.
            statement.execute("checkpoint");
            pgData = Path.of(single(statement.executeQuery("show data_directory"), "data_directory"));
            for (PlatformService service : PlatformService.values()) {
                oid.setString(1, platform.databaseName(service));
                pgDirectories.add(pgData.resolve("base").resolve(single(oid.executeQuery(), service.database())));
            }
        }
        if (platform.postgresEmbedded()) {
            assertTrue(pgData.toRealPath().startsWith(platform.dataDir().toRealPath()),
                    "the embedded PostgreSQL keeps its data elsewhere: " + pgData);
        }
        pgDirectories.add(pgData.resolve("pg_wal"));
        pgDirectories.forEach(postgres::scanTree);

        // KafkaProcess keeps the broker's log.dirs at <data dir>/kafka/data, one directory per topic partition. The
        // CloudEvent types travel in clear record headers: finding them shows the segments are read uncompressed.
        Scan kafka = new Scan("Kafka", canaries, List.of(EVENT_RECEIVED, EVENT_REPLY_REQUESTED));
        kafka.scanTree(platform.dataDir().resolve("kafka").resolve("data"));

        Scan logs = new Scan("logs", canaries, List.of());
        for (PlatformService service : PlatformService.values()) {
            Path log = platform.serviceLog(service);
            assertTrue(Files.isRegularFile(log), "no log file " + log);
        }
        logs.scanTree(platform.logDir());

        List<Scan> scans = List.of(postgres, kafka, logs);
        scans.forEach(scan -> System.out.println(scan.summary()));
        for (Scan scan : scans) {
            assertTrue(scan.files > 0 && scan.bytes > 0, scan.name + " scanned nothing");
            assertTrue(scan.leaks.isEmpty(), "PHI in clear in " + scan.name + ": " + scan.leaks);
            assertEquals(Set.copyOf(scan.expected), scan.seen, scan.name + " lacks what must be there: "
                    + scan.summary());
        }
        assertTrue(logs.files >= PlatformService.values().length, logs.summary());
    }

    private static String single(ResultSet result, String what) throws SQLException {
        try (result) {
            assertTrue(result.next(), "PostgreSQL does not know " + what);
            return result.getString(1);
        }
    }

    /** Where a needle was found; the needle is a canary and named here only as its position in the list. */
    private record Hit(int needle, Path file) {
        @Override
        public String toString() {
            return "canary #" + needle + " in " + file;
        }
    }

    /**
     * Reads every regular file under the given trees and records where a forbidden needle occurs and which expected
     * needles occur at all, each needle searched as its UTF-8 bytes.
     */
    private static final class Scan {
        final String name;
        final List<String> forbidden;
        final List<String> expected;
        final List<Hit> leaks = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        long files;
        long bytes;

        Scan(String name, List<String> forbidden, List<String> expected) {
            this.name = name;
            this.forbidden = forbidden;
            this.expected = expected;
        }

        void scanTree(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.filter(Files::isRegularFile).forEach(this::scanFile);
            } catch (IOException e) {
                throw new UncheckedIOException("could not walk " + root, e);
            }
        }

        private void scanFile(Path file) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException gone) {
                // A temporary file (a WAL segment being recycled, a Kafka index swap) vanished while walking.
                return;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
            files++;
            bytes += content.length;
            // ISO-8859-1 maps each byte to one char: searching for a needle's UTF-8 bytes mapped the same way is a
            // byte search.
            String asBytes = new String(content, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < forbidden.size(); i++) {
                if (asBytes.contains(bytesOf(forbidden.get(i)))) {
                    leaks.add(new Hit(i, file));
                }
            }
            for (String needle : expected) {
                if (asBytes.contains(bytesOf(needle))) {
                    seen.add(needle);
                }
            }
        }

        private static String bytesOf(String needle) {
            return new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        }

        String summary() {
            return name + ": " + files + " files, " + bytes + " bytes scanned, " + leaks.size() + " canary hits, "
                    + seen.size() + " of " + expected.size() + " expected strings found";
        }
    }
}
