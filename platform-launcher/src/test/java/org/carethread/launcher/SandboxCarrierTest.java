package org.carethread.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import com.vonage.client.HttpConfig;
import com.vonage.client.VonageClient;
import com.vonage.client.messages.Channel;
import com.vonage.client.messages.InboundMessage;
import com.vonage.client.messages.MessageResponse;
import com.vonage.client.messages.MessageResponseException;
import com.vonage.client.messages.MessageStatus;
import com.vonage.client.messages.MessagesClient;
import com.vonage.client.messages.sms.SmsTextRequest;
import com.vonage.client.voice.EventWebhook;
import com.vonage.client.voice.VoiceClient;
import com.vonage.client.voice.VoiceResponseException;
import com.vonage.client.voice.ncco.EventMethod;
import com.vonage.client.voice.ncco.Ncco;
import com.vonage.client.voice.ncco.RecordAction;
import com.vonage.client.voice.ncco.RecordingFormat;
import com.vonage.client.voice.ncco.TalkAction;
import com.vonage.client.voice.ncco.TranscriptionSettings;

import org.carethread.localinfra.VonageApplicationKey;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox carrier against the real Vonage Java SDK on one side and a webhook receiver standing in for
 * ingestion-service on the other: what the SDK sends is accepted, every webhook is one the SDK parses and whose
 * signature and payload hash verify, and a voicemail's files reach the SDK through the sandbox as its proxy.
 */
class SandboxCarrierTest {
    private static final String SECRET = LocalPlatform.VONAGE_SIGNATURE_SECRET;

    /** One request the stand-in ingestion received. */
    record Received(String path, String query, String authorization, String body) {
    }

    private static final VonageApplicationKey VOICE_APPLICATION = new VonageApplicationKey();

    private Vertx vertx;
    private HttpServer ingestion;
    private SandboxCarrier carrier;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inboundFailuresLeft = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        ingestion = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            received.add(new Received(request.path(), request.query(), request.getHeader("Authorization"),
                    body.toString()));
            boolean fail = request.path().endsWith("/inbound") && inboundFailuresLeft.getAndDecrement() > 0;
            if (request.path().equals("/webhooks/vonage/voice/answer")) {
                request.response().putHeader("Content-Type", "application/json").end(ncco());
                return;
            }
            request.response().setStatusCode(fail ? 503 : 200).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        carrier = new SandboxCarrier(vertx, SandboxCarrier.Settings.defaults(VOICE_APPLICATION)
                .withPort(0)
                .withIngestionBaseUrl(URI.create("http://127.0.0.1:" + ingestion.actualPort()))
                .withTiming(Duration.ofMillis(10), Duration.ofMillis(50),
                        List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200))));
        carrier.start();
    }

    @AfterEach
    void stop() throws Exception {
        carrier.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void inboundSmsReachesIngestionSignedLikeVonageAndIsRetriedAfterA5xx() throws Exception {
        inboundFailuresLeft.set(1);

        HttpResponse<String> answer = post("/sandbox/inbound",
                "{\"from\":\"+15557654321\",\"to\":\"15550001001\",\"text\":\"Can I move my appointment?\"}");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject result = new JsonObject(answer.body());
        assertEquals(200, result.getInteger("webhook_status"));
        assertEquals(2, result.getInteger("attempts"), "the 503 was retried once");
        List<Received> inbound = received.stream().filter(r -> r.path().equals("/webhooks/vonage/inbound")).toList();
        assertEquals(2, inbound.size());
        for (Received webhook : inbound) {
            assertSignedByVonage(webhook);
        }
        assertEquals(inbound.get(0).body(), inbound.get(1).body(), "a retry sends the same event");

        InboundMessage message = InboundMessage.fromJson(inbound.get(1).body());
        assertEquals(result.getString("message_uuid"), message.getMessageUuid().toString());
        assertEquals(Channel.SMS, message.getChannel());
        assertEquals("15557654321", message.getFrom(), "E.164 without the plus, as Vonage writes numbers");
        assertEquals("15550001001", message.getTo());
        assertEquals("Can I move my appointment?", message.getText());
        assertNotNull(message.getTimestamp());
        assertEquals(1, message.getSmsMetadata().getNumMessages());
    }

    @Test
    void inboundGivesUpAfterItsRetriesAndSaysSo() throws Exception {
        inboundFailuresLeft.set(100);

        HttpResponse<String> answer = post("/sandbox/inbound",
                "{\"from\":\"15557654321\",\"to\":\"15550001002\",\"text\":\"Hello?\"}");

        assertEquals(502, answer.statusCode());
        JsonObject result = new JsonObject(answer.body());
        assertEquals(503, result.getInteger("webhook_status"));
        assertEquals(4, result.getInteger("attempts"), "the first try and three retries");
    }

    @Test
    void theVonageSdkSendsAnSmsAndStatusCallbacksFollowInOrder() throws Exception {
        MessagesClient messages = sdk("sandbox-secret");

        MessageResponse response = messages.sendMessage(SmsTextRequest.builder()
                .from("15550001001").to("15557654321").text("Friday 10:00 works.").clientRef("reply-42").build());

        String uuid = response.getMessageUuid().toString();
        List<Received> statuses = await(() -> received.stream()
                .filter(r -> r.path().equals("/webhooks/vonage/status")).toList(), 2);
        List<MessageStatus> parsed = statuses.stream().map(r -> MessageStatus.fromJson(r.body())).toList();
        assertEquals(List.of(MessageStatus.Status.SUBMITTED, MessageStatus.Status.DELIVERED),
                parsed.stream().map(MessageStatus::getStatus).toList());
        for (int i = 0; i < parsed.size(); i++) {
            assertSignedByVonage(statuses.get(i));
            MessageStatus status = parsed.get(i);
            assertEquals(uuid, status.getMessageUuid().toString());
            assertEquals("15557654321", status.getTo());
            assertEquals("15550001001", status.getFrom());
            assertEquals(Channel.SMS, status.getChannel());
            assertEquals("reply-42", status.getClientRef());
            assertNotNull(status.getTimestamp());
        }

        JsonArray listed = new JsonArray(get("/sandbox/messages?to=15557654321").body());
        assertEquals(1, listed.size());
        JsonObject sent = listed.getJsonObject(0);
        assertEquals(uuid, sent.getString("message_uuid"));
        assertEquals("Friday 10:00 works.", sent.getString("text"));
        assertEquals("delivered", sent.getString("status"));
        assertEquals(0, new JsonArray(get("/sandbox/messages?to=15550009999").body()).size());
    }

    @Test
    void aPhotoGoesInAsAnMmsWhosePictureTheWebhookNamesAndTheSandboxServes() throws Exception {
        byte[] photo = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4 };
        HttpResponse<String> answer = post("/sandbox/inbound", new JsonObject().put("from", "15557654321")
                .put("to", "15550001001").put("text", "Is this infected?")
                .put("photo", Base64.getEncoder().encodeToString(photo)).encode());
        assertEquals(200, answer.statusCode(), answer.body());

        Received webhook = await(() -> received.stream()
                .filter(r -> r.path().equals("/webhooks/vonage/inbound")).toList(), 1).get(0);
        assertSignedByVonage(webhook);
        InboundMessage parsed = InboundMessage.fromJson(webhook.body());
        assertEquals(Channel.MMS, parsed.getChannel());
        assertEquals("Is this infected?", parsed.getImageCaption());
        URI picture = parsed.getImageUrl();
        assertTrue(picture.getPath().startsWith("/v3/media/"));
        HttpResponse<byte[]> fetched = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + carrier.port() + picture.getPath())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertTrue(java.util.Arrays.equals(photo, fetched.body()), "the bytes the patient sent");
        assertEquals(404, get("/v3/media/not-there").statusCode());
    }

    @Test
    void wrongApiCredentialsAreRefusedAndNothingIsSent() {
        MessagesClient messages = sdk("not-the-secret");

        MessageResponseException refused = assertThrows(MessageResponseException.class, () -> messages.sendMessage(
                SmsTextRequest.builder().from("15550001001").to("15557654321").text("hi").build()));

        assertEquals(401, refused.getStatusCode());
        assertTrue(carrier.outboundMessages().isEmpty());
    }

    @Test
    void aVoicemailIsPlayedAsVonageVoiceWouldAndItsFilesAreServedToTheApplicationsSdkOnly() throws Exception {
        HttpResponse<String> answer = post("/sandbox/voicemail",
                "{\"from\":\"+15557654321\",\"to\":\"15550001001\",\"transcript\":\"Please call me back\"}");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject call = new JsonObject(answer.body());
        assertEquals("Greetings from the stand-in", call.getString("greeting"), "the greeting the NCCO spoke");
        Received answered = only("/webhooks/vonage/voice/answer");
        assertSignedByVonage(answered);
        Map<String, String> query = queryOf(answered.query());
        assertEquals("15557654321", query.get("from"));
        assertEquals("15550001001", query.get("to"));
        assertEquals(call.getString("conversation_uuid"), query.get("conversation_uuid"));

        Received recordingEvent = only("/voice/recording");
        assertSignedByVonage(recordingEvent);
        EventWebhook recorded = EventWebhook.fromJson(recordingEvent.body());
        assertEquals(call.getString("conversation_uuid"), recorded.getConversationUuid());
        assertEquals(call.getString("recording_uuid"), recorded.getRecordingUuid());
        Received transcriptionEvent = only("/voice/transcription");
        assertSignedByVonage(transcriptionEvent);
        JsonObject transcribed = new JsonObject(transcriptionEvent.body());
        assertEquals("completed", transcribed.getString("status"));
        assertEquals(recorded.getRecordingUuid(), transcribed.getString("recording_uuid"));

        // The platform's SDK, its proxy the sandbox, fetches both files from Vonage's URLs.
        VoiceClient voice = voice(VOICE_APPLICATION);
        byte[] recording = voice.downloadRecordingRaw(recorded.getRecordingUrl().toString());
        assertEquals(recorded.getSize(), recording.length);
        assertEquals("RIFF", new String(recording, 0, 4, StandardCharsets.US_ASCII), "a playable WAV");
        JsonObject transcript = new JsonObject(new String(voice.downloadRecordingRaw(
                transcribed.getString("transcription_url")), StandardCharsets.UTF_8));
        assertEquals("Please call me back", transcript.getJsonArray("channels").getJsonObject(0)
                .getJsonArray("transcript").getJsonObject(0).getString("sentence"));
        VoiceResponseException refused = assertThrows(VoiceResponseException.class,
                () -> voice(new VonageApplicationKey()).downloadRecordingRaw(recorded.getRecordingUrl().toString()));
        assertEquals(401, refused.getStatusCode(), "another application's key gets nothing");

        JsonArray calls = new JsonArray(get("/sandbox/voicemail").body());
        assertEquals(1, calls.size());
        assertEquals(200, calls.getJsonObject(0).getInteger("transcription_status"));
    }

    @Test
    void aVoicemailWithoutTranscriptSendsNoTranscriptionEvent() throws Exception {
        HttpResponse<String> answer = post("/sandbox/voicemail", "{\"from\":\"15557654321\",\"to\":\"15550001002\"}");

        assertEquals(200, answer.statusCode(), answer.body());
        only("/voice/recording");
        assertTrue(received.stream().noneMatch(r -> r.path().endsWith("/voice/transcription")));
        assertEquals(422, post("/sandbox/voicemail", "{\"from\":\"nobody\",\"to\":\"15550001002\"}").statusCode());
    }

    /** What ingestion answers: greet, record, transcribe, with events back to this stand-in. */
    private String ncco() {
        String base = "http://127.0.0.1:" + ingestion.actualPort();
        return new Ncco(TalkAction.builder("Greetings from the stand-in").build(),
                RecordAction.builder().format(RecordingFormat.MP3).beepStart(true)
                        .eventUrl(base + "/voice/recording").eventMethod(EventMethod.POST)
                        .transcription(TranscriptionSettings.builder().eventUrl(base + "/voice/transcription")
                                .eventMethod(EventMethod.POST).build())
                        .build()).toJson();
    }

    private VoiceClient voice(VonageApplicationKey application) {
        return VonageClient.builder().applicationId(application.applicationId())
                .privateKeyContents(application.privateKeyPem())
                .httpConfig(HttpConfig.builder().proxy("http://127.0.0.1:" + carrier.port()).build())
                .build().getVoiceClient();
    }

    private Received only(String pathEnd) throws InterruptedException {
        return await(() -> received.stream().filter(r -> r.path().endsWith(pathEnd)).toList(), 1).get(0);
    }

    private static Map<String, String> queryOf(String query) {
        Map<String, String> values = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return values;
    }

    private MessagesClient sdk(String apiSecret) {
        return VonageClient.builder().apiKey("sandbox").apiSecret(apiSecret)
                .httpConfig(HttpConfig.builder().apiBaseUri("http://127.0.0.1:" + carrier.port()).build())
                .build().getMessagesClient();
    }

    /** As ingestion must check it: the SDK verifies the HS256 JWT; the payload hash is compared by hand. */
    private static void assertSignedByVonage(Received webhook) throws Exception {
        assertNotNull(webhook.authorization());
        assertTrue(webhook.authorization().startsWith("Bearer "));
        String jwt = webhook.authorization().substring("Bearer ".length());
        assertTrue(MessagesClient.verifySignature(jwt, SECRET), "signed with the signature secret");
        assertFalse(MessagesClient.verifySignature(jwt, "another-secret"));
        Map<String, Object> claims = new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                StandardCharsets.UTF_8)).getMap();
        String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(webhook.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals(bodyHash, claims.get("payload_hash"));
        assertEquals("Vonage", claims.get("iss"));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + carrier.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + carrier.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static <T> List<T> await(Supplier<List<T>> items, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<T> now = items.get();
        while (now.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = items.get();
        }
        assertEquals(count, now.size());
        return now;
    }
}
