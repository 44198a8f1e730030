package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.StaffTokens;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.MediaReceived;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.PhiAccessed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Files patients send: kept sealed piece by piece, listed on their message, opened only for staff in scope, audited. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class PatientFilesTest {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    ObjectMapper json;

    Practice practice;

    @BeforeEach
    void practice() {
        practice = new Practice(json);
    }

    @Test
    void filesArrivingBeforeAndAfterTheirMessageAreListedDownloadableAndAudited() throws Exception {
        String address = "p@" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        String messageEventId = UUID.randomUUID().toString();
        String photoId = UUID.randomUUID().toString();
        String pdfId = UUID.randomUUID().toString();
        byte[] photo = jpeg(1200, 800);
        // The photo's pieces come before the message that names it, the PDF's after.
        practice.publishFile(address, photoId, messageEventId, "image/jpeg", photo);
        practice.decision(address, "north", "Here is the rash and my lab report").messageEventId(messageEventId)
                .email("Rash", UUID.randomUUID() + "@mail.example.org")
                .attachments(
                        new MessageReceived.Attachment(TestCrypto.CIPHER.seal("rash-pat-doe.jpg"), "image/jpeg",
                                photo.length, photoId),
                        new MessageReceived.Attachment(TestCrypto.CIPHER.seal("labs.pdf"), "application/pdf",
                                PDF.length, pdfId),
                        new MessageReceived.Attachment(TestCrypto.CIPHER.seal("setup.exe"),
                                "application/x-msdownload", 4096, null,
                                "its type (application/x-msdownload) is not one CareThread keeps"))
                .publish();
        practice.publishFile(address, pdfId, messageEventId, "application/pdf", PDF);
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), address).get("id");

        String path = "/api/conversations/" + conversationId;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get(path)
                .then().statusCode(200)
                .body("messages[0].subject", equalTo("Rash"))
                .body("messages[0].attachments.fileName", equalTo(List.of("rash-pat-doe.jpg", "labs.pdf", "setup.exe")))
                .body("messages[0].attachments.state", equalTo(List.of("ready", "ready", "not-kept")))
                .body("messages[0].attachments.mediaId", equalTo(Arrays.asList(photoId, pdfId, null)))
                .body("messages[0].attachments.thumbnail", equalTo(List.of(true, false, false)))
                .body("messages[0].attachments[2].notKeptReason", containsString("not one CareThread keeps")));

        Response download = given().auth().oauth2(Practice.northFrontDesk())
                .when().get(path + "/attachments/" + photoId);
        assertEquals(200, download.statusCode());
        assertArrayEquals(photo, download.asByteArray(), "the bytes the patient sent, exactly");
        assertEquals("image/jpeg", download.contentType());
        assertTrue(download.header("Content-Disposition").startsWith("attachment;"));
        assertTrue(download.header("Content-Disposition").contains("rash-pat-doe.jpg"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        assertEquals("no-store", download.header("Cache-Control"));
        assertArrayEquals(PDF, given().auth().oauth2(Practice.northFrontDesk())
                .when().get(path + "/attachments/" + pdfId).then().statusCode(200).extract().asByteArray());

        byte[] thumbnail = given().auth().oauth2(Practice.northFrontDesk())
                .when().get(path + "/attachments/" + photoId + "/thumbnail")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertNotNull(small, "the thumbnail is a picture");
        assertEquals(240, Math.max(small.getWidth(), small.getHeight()), "longest side 240 px");
        assertEquals(160, Math.min(small.getWidth(), small.getHeight()), "in proportion");
        given().auth().oauth2(Practice.northFrontDesk()).when().get(path + "/attachments/" + pdfId + "/thumbnail")
                .then().statusCode(404).contentType("application/problem+json");

        // Outside the reader's locations, the file is answered exactly like one that does not exist.
        for (String outside : List.of(path + "/attachments/" + photoId, path + "/attachments/" + photoId + "/thumbnail",
                path + "/attachments/" + UUID.randomUUID(), path + "/attachments/not-a-uuid")) {
            given().auth().oauth2(Practice.southFrontDesk()).when().get(outside)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.not(containsString("rash")));
        }

        // Two downloads of the photo's and PDF's contents and one thumbnail view, each audited; nothing for the 404s.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> actions = Practice.recordsAbout(Topics.AUDIT_ACCESS, conversationId).stream()
                    .map(record -> practice.read(record, PhiAccessed.class).action()).toList();
            assertEquals(2, actions.stream().filter("attachment.downloaded"::equals).count(), actions.toString());
            assertEquals(1, actions.stream().filter("attachment.thumbnail-viewed"::equals).count(), actions.toString());
        });

        // At rest every piece and the thumbnail are sealed: what is stored opens to the file only with the key, and
        // holds neither the file's bytes nor their Base64. (A short word such as "PDF" turns up by chance in sealed
        // Base64 this long, so the check is on the file's own opening bytes, encoded as they would be if stored clear.)
        Map<UUID, byte[]> sent = Map.of(UUID.fromString(photoId), photo, UUID.fromString(pdfId), PDF);
        try (var db = Practice.database(); var query = db.prepareStatement("select media_id, p.sealed_bytes,"
                + " f.sealed_thumbnail from media_piece p join media_file f using (media_id) where media_id in (?, ?)")) {
            query.setObject(1, UUID.fromString(photoId));
            query.setObject(2, UUID.fromString(pdfId));
            ResultSet rows = query.executeQuery();
            int count = 0;
            while (rows.next()) {
                count++;
                byte[] contents = sent.get(rows.getObject(1, UUID.class));
                String sealed = rows.getString(2);
                assertTrue(sealed.startsWith("v1.test1."), "pieces sealed with the active key");
                assertArrayEquals(contents, TestCrypto.CIPHER.openBytes(sealed), "the piece opens to the file");
                String clearOpening = Base64.getEncoder().encodeToString(Arrays.copyOf(contents, 30));
                assertFalse(sealed.contains(clearOpening), "the file's bytes are not stored in clear");
                String sealedThumbnail = rows.getString(3);
                assertTrue(sealedThumbnail == null || sealedThumbnail.startsWith("v1.test1."));
            }
            assertEquals(2, count);
        }
    }

    @Test
    void aMegabyteInPiecesIsJoinedOnceWhateverTheOrderOrRedeliveryAndNotServedBeforeItIsWhole() throws Exception {
        String number = Practice.newPatientNumber();
        String messageEventId = UUID.randomUUID().toString();
        String mediaId = UUID.randomUUID().toString();
        byte[] scan = new byte[1024 * 1024 + 777];
        new Random(3).nextBytes(scan);
        List<MediaReceived> pieces = Practice.pieces(number, mediaId, messageEventId, "application/pdf", scan);
        assertEquals(5, pieces.size());

        String redelivered = UUID.randomUUID().toString();
        practice.publishPiece(pieces.get(3), redelivered);
        practice.publishPiece(pieces.get(3), redelivered);
        practice.publishPiece(pieces.get(3), UUID.randomUUID().toString());
        practice.publishPiece(pieces.get(0), UUID.randomUUID().toString());
        practice.publishPiece(pieces.get(2), UUID.randomUUID().toString());
        practice.publishPiece(pieces.get(1), UUID.randomUUID().toString());
        practice.decision(number, "north", "my scan").messageEventId(messageEventId)
                .attachments(new MessageReceived.Attachment(TestCrypto.CIPHER.seal("scan.pdf"), "application/pdf",
                        scan.length, mediaId))
                .publish();
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), number).get("id");
        String path = "/api/conversations/" + conversationId;

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get(path).then().statusCode(200)
                .body("messages[0].attachments.state", equalTo(List.of("arriving"))));
        given().auth().oauth2(Practice.northFrontDesk()).when().get(path + "/attachments/" + mediaId)
                .then().statusCode(409).contentType("application/problem+json");

        practice.publishPiece(pieces.get(4), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get(path).then().statusCode(200)
                .body("messages[0].attachments.state", equalTo(List.of("ready"))));
        assertArrayEquals(scan, given().auth().oauth2(Practice.northFrontDesk())
                .when().get(path + "/attachments/" + mediaId).then().statusCode(200).extract().asByteArray());

        try (var db = Practice.database(); var query = db.prepareStatement(
                "select count(*) from media_piece where media_id = ?")) {
            query.setObject(1, UUID.fromString(mediaId));
            ResultSet rows = query.executeQuery();
            rows.next();
            assertEquals(5, rows.getInt(1), "each piece kept once, however often it came");
        }
    }

    @Test
    void aWebpPhotoFromAnAndroidPhoneGetsAThumbnailToo() throws Exception {
        String number = Practice.newPatientNumber();
        String messageEventId = UUID.randomUUID().toString();
        String mediaId = UUID.randomUUID().toString();
        byte[] photo;
        try (var webp = PatientFilesTest.class.getResourceAsStream("/files/rash.webp")) {
            photo = webp.readAllBytes();
        }
        practice.publishFile(number, mediaId, messageEventId, "image/webp", photo);
        practice.decision(number, "north", "the rash today").messageEventId(messageEventId)
                .attachments(new MessageReceived.Attachment(null, "image/webp", photo.length, mediaId))
                .publish();
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), number).get("id");
        String path = "/api/conversations/" + conversationId;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get(path).then().statusCode(200)
                .body("messages[0].attachments.state", equalTo(List.of("ready")))
                .body("messages[0].attachments.thumbnail", equalTo(List.of(true))));

        byte[] thumbnail = given().auth().oauth2(Practice.northFrontDesk())
                .when().get(path + "/attachments/" + mediaId + "/thumbnail")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertNotNull(small, "the thumbnail is a picture");
        assertEquals(240, small.getWidth(), "the 600 x 400 photo's longest side at 240 px");
        assertEquals(160, small.getHeight());
        Color corner = new Color(small.getRGB(5, 5));
        assertTrue(Math.abs(corner.getRed() - 232) < 16 && Math.abs(corner.getGreen() - 154) < 16
                && Math.abs(corner.getBlue() - 140) < 16, "the photo's own colour, near enough for lossy WebP: " + corner);
    }

    @Test
    void anotherLocationsStaffOpenAFileOnlyThroughBreakGlassAndTheDownloadSaysWhy() throws Exception {
        String number = Practice.newPatientNumber();
        String messageEventId = UUID.randomUUID().toString();
        String mediaId = UUID.randomUUID().toString();
        byte[] photo = jpeg(320, 200);
        practice.publishFile(number, mediaId, messageEventId, "image/jpeg", photo);
        practice.decision(number, "north", "my swollen ankle").messageEventId(messageEventId)
                .attachments(new MessageReceived.Attachment(null, "image/jpeg", photo.length, mediaId))
                .publish();
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), number).get("id");
        String file = "/api/conversations/" + conversationId + "/attachments/" + mediaId;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get(file).then().statusCode(200));
        String southNurse = StaffTokens.issue("nell.south", List.of("nurse"), List.of("south"));
        given().auth().oauth2(southNurse).when().get(file).then().statusCode(404);

        String reason = "Covering North's nurse line tonight";
        given().auth().oauth2(southNurse).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().post("/api/conversations/" + conversationId + "/break-glass").then().statusCode(201);
        Response download = given().auth().oauth2(southNurse).when().get(file);
        assertEquals(200, download.statusCode());
        assertArrayEquals(photo, download.asByteArray());
        assertTrue(download.header("Content-Disposition").contains("filename=\"attachment\""),
                "a file sent without a name gets a plain one");

        PhiAccessed access = await().atMost(Duration.ofSeconds(20)).until(() -> Practice.recordsAbout(
                Topics.AUDIT_ACCESS, conversationId).stream().map(r -> practice.read(r, PhiAccessed.class))
                .filter(a -> "attachment.downloaded".equals(a.action())
                        && Practice.staffId("nell.south").equals(a.staffUserId()))
                .findFirst().orElse(null), a -> a != null);
        assertEquals(reason, TestCrypto.CIPHER.open(access.purpose()), "the break-glass reason goes with the download");
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0xE8, 0x9A, 0x8C));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.RED);
        graphics.fillOval(width / 3, height / 3, width / 4, height / 4);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
