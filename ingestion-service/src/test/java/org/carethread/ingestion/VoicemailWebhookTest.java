package org.carethread.ingestion;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.ingestion.VonageWebhooks.callAnswer;
import static org.carethread.ingestion.VonageWebhooks.newConversationUuid;
import static org.carethread.ingestion.VonageWebhooks.newMessageUuid;
import static org.carethread.ingestion.VonageWebhooks.patientNumber;
import static org.carethread.ingestion.VonageWebhooks.post;
import static org.carethread.ingestion.VonageWebhooks.postSigned;
import static org.carethread.ingestion.VonageWebhooks.recording;
import static org.carethread.ingestion.VonageWebhooks.transcript;
import static org.carethread.ingestion.VonageWebhooks.transcription;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.ingestion.messaging.CarrierEventPublisher;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.localinfra.VoicemailRecording;
import org.carethread.localinfra.VonageWebhookSigner;
import org.carethread.schemas.Channels;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.MediaReceived;
import org.carethread.schemas.events.MessageReceived;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Voicemail as Vonage Voice delivers it, against a real Kafka broker and PostgreSQL, with Vonage's file store played
 * by {@link VonageFilesStandIn}: the answer, the recording fetched through the SDK, the transcript, one published
 * voicemail whose recording opens to the very bytes Vonage served.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingestion"))
@QuarkusTestResource(value = VonageFilesStandIn.class, restrictToAnnotatedClass = true)
class VoicemailWebhookTest {
    private static final String ANSWER = "/webhooks/vonage/voice/answer";
    private static final String RECORDING = "/webhooks/vonage/voice/recording";
    private static final String TRANSCRIPTION = "/webhooks/vonage/voice/transcription";
    private static final String NORTH = "15550001001";
    private static final String SOUTH = "15550001002";
    private static final String SPOKEN = "This is about my chest pain since this morning, please call me back";

    @ConfigProperty(name = "carethread.vonage.signature-secret")
    String secret;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource database;

    @VonageFilesStandIn.Files
    VonageFilesStandIn vonage;

    @Test
    void theAnswerGreetsInTheCalledPracticesWordsThenRecordsWithTranscription() throws Exception {
        String caller = patientNumber();
        String north = newConversationUuid();

        String ncco = given().header("Authorization", new VonageWebhookSigner(secret).bearerFor(""))
                .queryParam("to", NORTH).queryParam("from", caller).queryParam("conversation_uuid", north)
                .queryParam("uuid", "63f61863-4a51-4f6b-86e1-46edebcf9356")
                .when().get(ANSWER).then().statusCode(200).contentType(ContentType.JSON).extract().asString();

        JsonNode actions = json.readTree(ncco);
        assertEquals("talk", actions.get(0).path("action").asText());
        assertEquals("You have reached North Clinic. Please leave a message after the tone. If this is an"
                + " emergency, hang up and dial 911.", actions.get(0).path("text").asText());
        JsonNode record = actions.get(1);
        assertEquals("record", record.path("action").asText());
        assertEquals("mp3", record.path("format").asText());
        assertTrue(record.path("beepStart").asBoolean(), "a tone before recording");
        assertEquals(180, record.path("timeOut").asInt());
        assertEquals(5, record.path("endOnSilence").asInt());
        assertEquals("http://localhost:8081" + RECORDING, record.path("eventUrl").get(0).asText());
        assertEquals("POST", record.path("eventMethod").asText());
        assertEquals("http://localhost:8081" + TRANSCRIPTION,
                record.path("transcription").path("eventUrl").get(0).asText());

        String south = newConversationUuid();
        String southNcco = postSigned(ANSWER, secret, callAnswer(south, caller, SOUTH)).statusCode(200)
                .extract().asString();
        assertEquals("You have reached the practice. Please leave a message after the tone. If this is an"
                + " emergency, hang up and dial 911.", json.readTree(southNcco).get(0).path("text").asText(),
                "a number without its own greeting gets the default");

        // Vonage may sign a GET, which has no body, without a payload hash; a body must always be hashed.
        String unhashed = new VonageWebhookSigner(secret).bearerWithoutBody();
        given().header("Authorization", unhashed).queryParam("to", NORTH).queryParam("from", caller)
                .queryParam("conversation_uuid", north).when().get(ANSWER).then().statusCode(200);
        post(ANSWER, unhashed, callAnswer(newConversationUuid(), caller, NORTH)).statusCode(401);

        List<String> row = heldCall(north);
        assertEquals(NORTH, row.get(1), "the practice number called is kept");
        assertEquals(caller, TestCrypto.CIPHER.open(row.get(0)), "the caller's number is kept, sealed");
        assertFalse(String.join("|", row).contains(caller), "never in clear");
    }

    @Test
    void answerRecordingAndTranscriptionPublishOneVoicemailWithItsRecordingAndNothingTwice() throws Exception {
        String caller = patientNumber();
        String call = newConversationUuid();
        String recordingUuid = newMessageUuid();
        String transcriptId = newMessageUuid();
        byte[] audio = VoicemailRecording.tone(20);
        String recordingUrl = vonage.serve(recordingUuid, audio);
        String transcriptUrl = vonage.serve(transcriptId, transcript("This is about my chest pain since this"
                + " morning,", "please call me back").getBytes(StandardCharsets.UTF_8));
        String eventId = CarrierEventPublisher.eventIdOf(Channels.VOICEMAIL, recordingUuid);

        postSigned(ANSWER, secret, callAnswer(call, caller, NORTH)).statusCode(200);
        postSigned(RECORDING, secret, recording(call, recordingUuid, recordingUrl, audio.length))
                .statusCode(200).body("status", is("accepted"));

        List<String> held = heldCall(call);
        assertEquals(audio.length, TestCrypto.CIPHER.openBytes(held.get(2)).length, "the recording is held, sealed");
        assertTrue(TopicRecords.withEventId(Topics.INBOUND_MESSAGES, eventId).isEmpty(),
                "nothing is published before the transcript");

        postSigned(TRANSCRIPTION, secret, transcription(call, recordingUuid, transcriptUrl))
                .statusCode(200).body("status", is("accepted"));

        List<ConsumerRecord<String, String>> messages = TopicRecords.withEventId(Topics.INBOUND_MESSAGES, eventId);
        assertEquals(1, messages.size());
        String patientRef = TestCrypto.BLIND_INDEX.ofAddress(caller);
        assertEquals(patientRef, messages.get(0).key());
        MessageReceived voicemail = json.readValue(messages.get(0).value(), MessageReceived.class);
        assertEquals(Channels.VOICEMAIL, voicemail.channel());
        assertEquals(recordingUuid, voicemail.providerMessageId());
        assertEquals(patientRef, voicemail.patientRef());
        assertEquals(caller, TestCrypto.CIPHER.open(voicemail.sealedFrom()));
        assertEquals(NORTH, voicemail.practiceNumber(), "routed by the number the patient called");
        assertEquals(SPOKEN, TestCrypto.CIPHER.open(voicemail.sealedText()), "the transcript is the text");
        assertEquals(1, voicemail.attachments().size());
        MessageReceived.Attachment attachment = voicemail.attachments().get(0);
        String mediaId = CarrierEventPublisher.mediaIdOf(eventId, 0);
        assertEquals(mediaId, attachment.mediaId());
        assertTrue(attachment.contentType().startsWith("audio/"), attachment.contentType());
        assertEquals(audio.length, attachment.sizeBytes());
        assertEquals("voicemail.wav", TestCrypto.CIPHER.open(attachment.sealedFileName()));

        assertArrayEquals(audio, recordingFromKafka(mediaId), "the pieces open to the bytes Vonage served");

        List<VonageFilesStandIn.Request> fetched = new ArrayList<>(vonage.requestsFor(recordingUuid));
        fetched.addAll(vonage.requestsFor(transcriptId));
        assertEquals(2, fetched.size(), "the recording and the transcript, fetched once each");
        for (VonageFilesStandIn.Request request : fetched) {
            assertEquals("api.nexmo.com", request.host(), "the SDK asked for Vonage's own URL");
            assertTrue(request.signed(), "with a JWT signed by the Voice application's key");
        }
        assertTrue(heldCallRows(call).isEmpty(), "once published, the call and its recording leave the table");
        for (ConsumerRecord<String, String> record : rawRecordsOf(eventId)) {
            assertFalse(record.value().contains(caller), "the caller's number never reaches Kafka in clear");
            assertFalse(record.value().contains("chest pain"), "the transcript never reaches Kafka in clear");
        }

        // Vonage redelivers both events: answered, nothing fetched or published again.
        postSigned(RECORDING, secret, recording(call, recordingUuid, recordingUrl, audio.length))
                .statusCode(200).body("status", is("duplicate"));
        postSigned(TRANSCRIPTION, secret, transcription(call, recordingUuid, transcriptUrl))
                .statusCode(200).body("status", is("duplicate"));
        assertEquals(1, TopicRecords.withEventId(Topics.INBOUND_MESSAGES, eventId).size());
        assertEquals(pieces(mediaId).size(), ((audio.length - 1) / MediaReceived.PIECE_BYTES) + 1);
        assertEquals(1, vonage.requestsFor(recordingUuid).size());
    }

    @Test
    void unsignedForgedOrAlteredVoiceWebhooksAreRefusedAndNothingIsStoredFetchedOrPublished() throws Exception {
        String caller = patientNumber();
        String call = newConversationUuid();
        String recordingUuid = newMessageUuid();
        String recordingUrl = vonage.serve(recordingUuid, VoicemailRecording.tone(1));

        post(ANSWER, null, callAnswer(call, caller, NORTH)).statusCode(401)
                .contentType("application/problem+json");
        postSigned(ANSWER, "not-the-practice-secret-0123456789abcdef", callAnswer(call, caller, NORTH))
                .statusCode(401);
        given().when().get(ANSWER + "?to=" + NORTH + "&from=" + caller + "&conversation_uuid=" + call)
                .then().statusCode(401);
        assertTrue(heldCallRows(call).isEmpty(), "a refused answer keeps no call");

        postSigned(ANSWER, secret, callAnswer(call, caller, NORTH)).statusCode(200);
        String signedFor = recording(call, recordingUuid, recordingUrl, 100);
        String altered = recording(call, recordingUuid, "https://evil.example/steal", 100);
        post(RECORDING, new VonageWebhookSigner(secret).bearerFor(signedFor), altered).statusCode(401);
        post(RECORDING, null, signedFor).statusCode(401);
        postSigned(TRANSCRIPTION, "not-the-practice-secret-0123456789abcdef",
                transcription(call, recordingUuid, recordingUrl)).statusCode(401);

        assertTrue(vonage.requestsFor(recordingUuid).isEmpty(), "nothing fetched for a refused webhook");
        assertEquals(null, heldCall(call).get(2), "no recording held");
        assertTrue(TopicRecords.withEventId(Topics.INBOUND_MESSAGES,
                CarrierEventPublisher.eventIdOf(Channels.VOICEMAIL, recordingUuid)).isEmpty());
    }

    @Test
    void badBodiesAndForeignUrlsAreRefusedWithProblemsThatQuoteNothing() throws Exception {
        String caller = patientNumber();
        String call = newConversationUuid();
        postSigned(ANSWER, secret, callAnswer(call, "anonymous", NORTH)).statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("'from'"));
        postSigned(ANSWER, secret, callAnswer(call, caller, NORTH)).statusCode(200);

        String recordingUuid = newMessageUuid();
        postSigned(RECORDING, secret, recording(call, recordingUuid, "https://files.evil.example/v1/files/x", 100))
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("recording_url"));
        postSigned(RECORDING, secret, recording(newConversationUuid(), recordingUuid,
                VonageFilesStandIn.FILES + recordingUuid, 100)).statusCode(400);
        postSigned(RECORDING, secret, "{\"recording_uuid\":").statusCode(400);
        assertEquals(null, heldCall(call).get(2));
    }

    @Test
    void aRecordingThatIsNotAudioOrTooLargeIsNotKeptButItsVoicemailStillGoesOut() throws Exception {
        String page = newConversationUuid();
        String pageRecording = newMessageUuid();
        String pageUrl = vonage.serve(pageRecording, "<html><body>not a recording</body></html>"
                .getBytes(StandardCharsets.UTF_8));
        String huge = newConversationUuid();
        String hugeRecording = newMessageUuid();
        String hugeUrl = vonage.serve(hugeRecording, VoicemailRecording.tone(1));

        for (String[] call : new String[][] { { page, pageRecording, pageUrl, "100" },
                { huge, hugeRecording, hugeUrl, "30000000" } }) {
            postSigned(ANSWER, secret, callAnswer(call[0], patientNumber(), NORTH)).statusCode(200);
            postSigned(RECORDING, secret, recording(call[0], call[1], call[2], Long.parseLong(call[3])))
                    .statusCode(200).body("status", is("accepted"));
            assertEquals(null, heldCall(call[0]).get(2), "nothing held of a recording that cannot be kept");
            String transcriptId = newMessageUuid();
            postSigned(TRANSCRIPTION, secret, transcription(call[0], call[1], vonage.serve(transcriptId,
                    transcript("Call me back").getBytes(StandardCharsets.UTF_8)))).statusCode(200);

            List<ConsumerRecord<String, String>> messages = TopicRecords.withEventId(Topics.INBOUND_MESSAGES,
                    CarrierEventPublisher.eventIdOf(Channels.VOICEMAIL, call[1]));
            assertEquals(1, messages.size());
            MessageReceived voicemail = json.readValue(messages.get(0).value(), MessageReceived.class);
            assertEquals("Call me back", TestCrypto.CIPHER.open(voicemail.sealedText()));
            assertTrue(voicemail.attachments().isEmpty(), "no recording to attach");
        }
        assertEquals(1, vonage.requestsFor(pageRecording).size(), "the page was fetched, then refused by its bytes");
        assertTrue(vonage.requestsFor(hugeRecording).isEmpty(), "an announced size over the limit is not fetched");
    }

    @Test
    void aRecordingWhoseTranscriptNeverComesIsPublishedWithoutOneAndALateTranscriptIsADuplicate() throws Exception {
        String caller = patientNumber();
        String call = newConversationUuid();
        String recordingUuid = newMessageUuid();
        byte[] audio = VoicemailRecording.tone(2);
        String recordingUrl = vonage.serve(recordingUuid, audio);
        String eventId = CarrierEventPublisher.eventIdOf(Channels.VOICEMAIL, recordingUuid);

        postSigned(ANSWER, secret, callAnswer(call, caller, SOUTH)).statusCode(200);
        postSigned(RECORDING, secret, recording(call, recordingUuid, recordingUrl, audio.length)).statusCode(200);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !TopicRecords.withEventId(Topics.INBOUND_MESSAGES, eventId).isEmpty());
        List<ConsumerRecord<String, String>> messages = TopicRecords.withEventId(Topics.INBOUND_MESSAGES, eventId);
        assertEquals(1, messages.size());
        MessageReceived voicemail = json.readValue(messages.get(0).value(), MessageReceived.class);
        assertEquals("Voicemail (no transcript)", TestCrypto.CIPHER.open(voicemail.sealedText()));
        assertEquals(SOUTH, voicemail.practiceNumber());
        assertArrayEquals(audio, recordingFromKafka(voicemail.attachments().get(0).mediaId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> heldCallRows(call).isEmpty());

        String transcriptId = newMessageUuid();
        postSigned(TRANSCRIPTION, secret, transcription(call, recordingUuid,
                vonage.serve(transcriptId, transcript("Too late").getBytes(StandardCharsets.UTF_8))))
                .statusCode(200).body("status", equalTo("duplicate"));
        assertEquals(1, TopicRecords.withEventId(Topics.INBOUND_MESSAGES, eventId).size());
    }

    @Test
    void aCallerWhoHangsUpWithoutAMessageLeavesNothing() throws Exception {
        String silent = newConversationUuid();
        String hungUp = newConversationUuid();
        String silentRecording = newMessageUuid();

        postSigned(ANSWER, secret, callAnswer(silent, patientNumber(), NORTH)).statusCode(200);
        postSigned(RECORDING, secret, recording(silent, silentRecording, VonageFilesStandIn.FILES + silentRecording,
                0)).statusCode(200);
        assertTrue(heldCallRows(silent).isEmpty(), "an empty recording ends the call's keeping");
        assertTrue(vonage.requestsFor(silentRecording).isEmpty(), "and nothing is fetched");

        postSigned(ANSWER, secret, callAnswer(hungUp, patientNumber(), NORTH)).statusCode(200);
        assertFalse(heldCallRows(hungUp).isEmpty());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> heldCallRows(hungUp).isEmpty());
        assertTrue(TopicRecords.withEventId(Topics.INBOUND_MESSAGES,
                CarrierEventPublisher.eventIdOf(Channels.VOICEMAIL, silentRecording)).isEmpty());
    }

    /** The recording as a peer service gets it: the file's pieces in order, opened. */
    private byte[] recordingFromKafka(String mediaId) throws Exception {
        List<MediaReceived> pieces = pieces(mediaId);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (MediaReceived piece : pieces) {
            assertEquals(pieces.size(), piece.pieces());
            file.writeBytes(TestCrypto.CIPHER.openBytes(piece.sealedBytes()));
        }
        return file.toByteArray();
    }

    private List<MediaReceived> pieces(String mediaId) throws Exception {
        List<MediaReceived> pieces = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicRecords.readToEnd(Topics.INBOUND_MEDIA)) {
            MediaReceived piece = json.readValue(record.value(), MediaReceived.class);
            if (mediaId.equals(piece.mediaId())) {
                pieces.add(piece);
            }
        }
        pieces.sort(Comparator.comparing(MediaReceived::piece));
        return pieces;
    }

    private List<ConsumerRecord<String, String>> rawRecordsOf(String eventId) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(
                TopicRecords.withEventId(Topics.INBOUND_MESSAGES, eventId));
        TopicRecords.readToEnd(Topics.INBOUND_MEDIA).stream()
                .filter(r -> r.value().contains(eventId) || eventId.equals(TopicRecords.header(r, CloudEventHeaders.ID)))
                .forEach(records::add);
        return records;
    }

    /** sealed_caller, practice_number, sealed_recording of a held call (the row must exist). */
    private List<String> heldCall(String conversationUuid) throws Exception {
        List<List<String>> rows = heldCallRows(conversationUuid);
        assertEquals(1, rows.size(), "the call is held");
        return rows.get(0);
    }

    private List<List<String>> heldCallRows(String conversationUuid) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("select sealed_caller, practice_number,"
                        + " sealed_recording, patient_ref from voicemail_call where conversation_uuid = ?")) {
            select.setString(1, conversationUuid);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= 4; column++) {
                        row.add(result.getString(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
