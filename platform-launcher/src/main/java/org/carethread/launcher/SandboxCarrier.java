package org.carethread.launcher;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.carethread.localinfra.VoicemailRecording;
import org.carethread.localinfra.VonageApplicationKey;
import org.carethread.localinfra.VonageWebhookSigner;

/**
 * A stand-in for the Vonage Messages API and Vonage Voice, so a newcomer can play the patient and tests can watch the
 * wire.
 * <ul>
 * <li>{@code POST /v1/messages} takes what the Vonage Java SDK's {@code MessagesClient} sends for an SMS (Basic auth
 * with the API key and secret), answers {@code 202 {"message_uuid": …}} and then calls the status webhook with
 * {@code submitted} and {@code delivered}, signed like Vonage signs them.</li>
 * <li>{@code GET /sandbox/messages} lists what was sent ({@code ?to=} filters by recipient);
 * {@code DELETE /sandbox/messages} forgets it.</li>
 * <li>{@code POST /sandbox/inbound} with {@code {"from","to","text"}} delivers an inbound SMS webhook as Vonage would,
 * retrying 5xx answers with backoff, and answers with the message uuid and the webhook's HTTP status;
 * {@code GET /sandbox/inbound} lists those. With {@code "photo"} (the picture's bytes, base64) it is an MMS: the
 * sandbox keeps the picture at {@code GET /v3/media/{id}}, as Vonage's media server does, and the text is its
 * caption.</li>
 * <li>{@code POST /sandbox/voicemail} with {@code {"from","to","transcript"}} plays a call: the signed answer webhook
 * (GET), then the recording event and the transcription event to the URLs the NCCO named. The platform fetches the
 * recording (a generated tone) and the transcript from {@code GET /v1/files/{id}}, reaching the sandbox as its SDK's
 * HTTP proxy, with a JWT signed by the Voice application's key; {@code GET /sandbox/voicemail} lists the calls.</li>
 * </ul>
 * It logs message ids and HTTP statuses only: never text or numbers.
 */
public final class SandboxCarrier implements AutoCloseable {
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{5,15}");
    /** Enough for a phone photo sent as base64 to {@code /sandbox/inbound}. */
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final String MEDIA_PATH = "/v3/media/";
    private static final String FILES = "/v1/files/";
    /** Where Vonage keeps a call's files; plain http so the platform's SDK can fetch them through the sandbox. */
    private static final String FILES_URL = "http://api.nexmo.com" + FILES;
    private static final int RECORDING_SECONDS = 3;
    private static final int WEBHOOK_CONNECTIONS = 50;
    private static final String ANSWER_PATH = "/webhooks/vonage/voice/answer";

    /** A file of a simulated call. */
    private record VonageFile(String contentType, byte[] contents) {
    }

    /** How the sandbox behaves; {@link #defaults()} is what the local platform uses. */
    public record Settings(String host, int port, String apiKey, String apiSecret, String signatureSecret,
            VonageApplicationKey voiceApplication, URI ingestionBaseUrl, Duration submittedAfter,
            Duration deliveredAfter, List<Duration> retryBackoff, Consumer<String> log) {

        public Settings {
            Objects.requireNonNull(host);
            Objects.requireNonNull(apiKey);
            Objects.requireNonNull(apiSecret);
            Objects.requireNonNull(signatureSecret);
            Objects.requireNonNull(voiceApplication);
            Objects.requireNonNull(ingestionBaseUrl);
            retryBackoff = List.copyOf(retryBackoff);
            log = log == null ? message -> { } : log;
        }

        /** @param voiceApplication the Voice application whose key signs the platform's downloads of recordings */
        public static Settings defaults(VonageApplicationKey voiceApplication) {
            return new Settings("127.0.0.1", LocalPlatform.SANDBOX_CARRIER_PORT, LocalPlatform.VONAGE_API_KEY,
                    LocalPlatform.VONAGE_API_SECRET, LocalPlatform.VONAGE_SIGNATURE_SECRET, voiceApplication,
                    URI.create(PlatformService.INGESTION.url()), Duration.ofMillis(300), Duration.ofSeconds(1),
                    List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                            Duration.ofSeconds(4)),
                    null);
        }

        public Settings withPort(int newPort) {
            return new Settings(host, newPort, apiKey, apiSecret, signatureSecret, voiceApplication, ingestionBaseUrl,
                    submittedAfter, deliveredAfter, retryBackoff, log);
        }

        public Settings withIngestionBaseUrl(URI url) {
            return new Settings(host, port, apiKey, apiSecret, signatureSecret, voiceApplication, url, submittedAfter,
                    deliveredAfter, retryBackoff, log);
        }

        public Settings withTiming(Duration submitted, Duration delivered, List<Duration> backoff) {
            return new Settings(host, port, apiKey, apiSecret, signatureSecret, voiceApplication, ingestionBaseUrl,
                    submitted, delivered, backoff, log);
        }

        public Settings withLog(Consumer<String> newLog) {
            return new Settings(host, port, apiKey, apiSecret, signatureSecret, voiceApplication, ingestionBaseUrl,
                    submittedAfter, deliveredAfter, retryBackoff, newLog);
        }
    }

    /** One SMS the platform sent through the sandbox. */
    public static final class OutboundMessage {
        final String messageUuid;
        final String to;
        final String from;
        final String text;
        final String clientRef;
        final Instant receivedAt;
        volatile String status = "accepted";
        final List<JsonObject> callbacks = new CopyOnWriteArrayList<>();

        OutboundMessage(String messageUuid, String to, String from, String text, String clientRef, Instant receivedAt) {
            this.messageUuid = messageUuid;
            this.to = to;
            this.from = from;
            this.text = text;
            this.clientRef = clientRef;
            this.receivedAt = receivedAt;
        }

        public String messageUuid() {
            return messageUuid;
        }

        public String to() {
            return to;
        }

        public String from() {
            return from;
        }

        public String text() {
            return text;
        }

        public String clientRef() {
            return clientRef;
        }

        public Instant receivedAt() {
            return receivedAt;
        }

        /** The last status the sandbox reported to the platform ({@code accepted} before the first callback). */
        public String status() {
            return status;
        }

        JsonObject toJson() {
            JsonObject json = new JsonObject()
                    .put("message_uuid", messageUuid)
                    .put("to", to)
                    .put("from", from)
                    .put("text", text);
            if (clientRef != null) {
                json.put("client_ref", clientRef);
            }
            return json.put("received_at", timestamp(receivedAt))
                    .put("status", status)
                    .put("status_callbacks", new JsonArray(new ArrayList<>(callbacks)));
        }
    }

    /** Outcome of delivering one webhook, after any retries. */
    /** @param millis how long the platform took to answer the last attempt (from sending it to its answer) */
    record Delivery(Integer httpStatus, int attempts, String error, long millis) {
        boolean ok() {
            return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    private final Vertx vertx;
    private final Settings settings;
    private final VonageWebhookSigner signer;
    private final HttpClient client;
    private final byte[] expectedBasic;
    private final List<OutboundMessage> outbound = new CopyOnWriteArrayList<>();
    private final List<JsonObject> inbound = new CopyOnWriteArrayList<>();
    private final List<JsonObject> voicemails = new CopyOnWriteArrayList<>();
    /** Recordings and transcripts of simulated calls, by file id, as Vonage keeps them for the application. */
    private final Map<String, VonageFile> files = new ConcurrentHashMap<>();
    /** The pictures patients "sent", by media id, for ingestion to fetch. */
    private final Map<String, byte[]> media = new ConcurrentHashMap<>();
    private HttpServer server;

    public SandboxCarrier(Vertx vertx, Settings settings) {
        this.vertx = vertx;
        this.settings = settings;
        this.signer = new VonageWebhookSigner(settings.signatureSecret());
        // Vonage sends webhooks over many connections at once: Vert.x's default pool of 5 would queue a burst of
        // patients' texts here, in the stand-in, rather than where the platform can be judged.
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(3000),
                new PoolOptions().setHttp1MaxSize(WEBHOOK_CONNECTIONS));
        this.expectedBasic = ("Basic " + Base64.getEncoder().encodeToString(
                (settings.apiKey() + ":" + settings.apiSecret()).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Starts listening and returns the port (the settings' port, or a free one when it is 0). */
    public int start() {
        server = vertx.createHttpServer(new HttpServerOptions().setHost(settings.host()).setPort(settings.port()))
                .requestHandler(this::handle);
        try {
            return server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new LaunchException("the sandbox carrier could not listen on " + settings.host() + ":"
                    + settings.port() + ": " + rootMessage(e), e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    /** What the platform has sent so far, oldest first. */
    public List<OutboundMessage> outboundMessages() {
        return List.copyOf(outbound);
    }

    @Override
    public void close() {
        if (server != null) {
            await(server.close());
        }
        await(client.close());
    }

    private void handle(HttpServerRequest request) {
        // As the SDK's HTTP proxy the sandbox is asked for whole URLs (http://api.nexmo.com/v1/files/…).
        String path = request.uri().startsWith("http") ? URI.create(request.uri()).getPath() : request.path();
        HttpMethod method = request.method();
        if (path.startsWith(FILES) && method == HttpMethod.GET) {
            serveFile(request, path.substring(FILES.length()));
        } else if (path.equals("/sandbox/voicemail") && method == HttpMethod.POST) {
            withBody(request, body -> leaveVoicemail(request, body));
        } else if (path.equals("/sandbox/voicemail") && method == HttpMethod.GET) {
            json(request, 200, new JsonArray(new ArrayList<>(voicemails)).encodePrettily());
        } else if (path.equals("/v1/messages") && method == HttpMethod.POST) {
            withBody(request, body -> acceptOutbound(request, body));
        } else if (path.equals("/sandbox/messages") && method == HttpMethod.GET) {
            String to = request.getParam("to");
            JsonArray list = new JsonArray();
            for (OutboundMessage message : outbound) {
                if (to == null || normalise(to).equals(message.to)) {
                    list.add(message.toJson());
                }
            }
            json(request, 200, list.encodePrettily());
        } else if (path.equals("/sandbox/messages") && method == HttpMethod.DELETE) {
            outbound.clear();
            request.response().setStatusCode(204).end();
        } else if (path.equals("/sandbox/inbound") && method == HttpMethod.POST) {
            withBody(request, body -> sendInbound(request, body));
        } else if (path.equals("/sandbox/inbound") && method == HttpMethod.GET) {
            json(request, 200, new JsonArray(new ArrayList<>(inbound)).encodePrettily());
        } else if (path.startsWith(MEDIA_PATH) && method == HttpMethod.GET) {
            byte[] picture = media.get(path.substring(MEDIA_PATH.length()));
            if (picture == null) {
                json(request, 404, problem("Not found", "No such media").encode());
            } else {
                request.response().putHeader("Content-Type", "application/octet-stream").end(Buffer.buffer(picture));
            }
        } else if (path.equals("/") && method == HttpMethod.GET) {
            request.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(usage());
        } else {
            json(request, 404, problem("Not found", "No sandbox carrier endpoint " + method + " " + path).encode());
        }
    }

    private void withBody(HttpServerRequest request, Consumer<Buffer> then) {
        String length = request.getHeader("Content-Length");
        if (length != null && length.matches("\\d+") && Long.parseLong(length) > MAX_BODY_BYTES) {
            json(request, 413, problem("Payload too large", "at most " + MAX_BODY_BYTES + " bytes").encode());
            return;
        }
        request.body().onSuccess(body -> {
                    if (body.length() == 0) {
                        json(request, 400, problem("Bad request", "The request body is empty.").encode());
                    } else {
                        then.accept(body);
                    }
                })
                .onFailure(e -> json(request, 400, problem("Bad request", "could not read the body").encode()));
    }

    // ---- outbound: the platform sends an SMS ----

    private void acceptOutbound(HttpServerRequest request, Buffer body) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !MessageDigest.isEqual(expectedBasic,
                authorization.trim().getBytes(StandardCharsets.UTF_8))) {
            request.response().putHeader("WWW-Authenticate", "Basic realm=\"Vonage sandbox\"");
            json(request, 401, problem("Unauthorized", "You did not provide correct credentials.").encode());
            return;
        }
        JsonObject message;
        try {
            message = body.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            json(request, 400, problem("Malformed JSON", "The request body is not a JSON object.").encode());
            return;
        }
        String invalid = firstProblem(message);
        if (invalid != null) {
            json(request, 422, problem("Invalid params", invalid).encode());
            return;
        }
        OutboundMessage sent = new OutboundMessage(UUID.randomUUID().toString(), normalise(message.getString("to")),
                message.getString("from"), message.getString("text"), message.getString("client_ref"), Instant.now());
        outbound.add(sent);
        json(request, 202, new JsonObject().put("message_uuid", sent.messageUuid).encode());
        settings.log().accept("outbound SMS " + sent.messageUuid + " accepted; see GET " + url() + "/sandbox/messages");
        vertx.setTimer(millis(settings.submittedAfter()), timer -> reportStatus(sent, "submitted")
                .onComplete(done -> vertx.setTimer(millis(settings.deliveredAfter()),
                        again -> reportStatus(sent, "delivered"))));
    }

    private static String firstProblem(JsonObject message) {
        if (!"text".equals(message.getValue("message_type"))) {
            return "The sandbox supports message_type 'text' only.";
        }
        if (!"sms".equals(message.getValue("channel"))) {
            return "The sandbox supports channel 'sms' only.";
        }
        for (String field : List.of("to", "from", "text")) {
            if (!(message.getValue(field) instanceof String value) || value.isBlank()) {
                return "The field '" + field + "' is required.";
            }
        }
        if (!NUMBER.matcher(message.getString("to")).matches()) {
            return "'to' must be a phone number in E.164 format.";
        }
        Object clientRef = message.getValue("client_ref");
        if (clientRef != null && (!(clientRef instanceof String ref) || ref.length() > 100)) {
            return "'client_ref' must be a string of at most 100 characters.";
        }
        if (message.getString("text").length() > 1000) {
            return "'text' must be at most 1000 characters.";
        }
        return null;
    }

    /** A Vonage Messages API status webhook for {@code sent}, as Vonage shapes it. */
    private Future<Delivery> reportStatus(OutboundMessage sent, String status) {
        JsonObject webhook = new JsonObject()
                .put("message_uuid", sent.messageUuid)
                .put("to", sent.to)
                .put("from", sent.from)
                .put("timestamp", timestamp(Instant.now()))
                .put("status", status)
                .put("channel", "sms");
        if (sent.clientRef != null) {
            webhook.put("client_ref", sent.clientRef);
        }
        if (status.equals("delivered")) {
            webhook.put("usage", new JsonObject().put("currency", "EUR").put("price", "0.0057"));
            webhook.put("destination", new JsonObject().put("network_code", "310260"));
            webhook.put("sms", new JsonObject().put("count_total", String.valueOf(segments(sent.text))));
        }
        sent.status = status;
        return deliver("/webhooks/vonage/status", webhook.encode()).onComplete(result -> {
            Delivery delivery = result.result();
            sent.callbacks.add(new JsonObject().put("status", status).put("webhook_status", delivery.httpStatus())
                    .put("attempts", delivery.attempts()));
            settings.log().accept("status '" + status + "' for " + sent.messageUuid + " -> ingestion "
                    + describe(delivery));
        });
    }

    // ---- inbound: the patient texts the practice ----

    private void sendInbound(HttpServerRequest request, Buffer body) {
        JsonObject in;
        try {
            in = body.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            json(request, 400, problem("Malformed JSON", "Send {\"from\": \"15557654321\", \"to\": \"15550001001\","
                    + " \"text\": \"…\"}").encode());
            return;
        }
        for (String field : List.of("from", "to", "text")) {
            if (!(in.getValue(field) instanceof String value) || value.isBlank()) {
                json(request, 422, problem("Invalid params", "The field '" + field + "' is required.").encode());
                return;
            }
        }
        if (!NUMBER.matcher(in.getString("from")).matches() || !NUMBER.matcher(in.getString("to")).matches()) {
            json(request, 422, problem("Invalid params", "'from' and 'to' must be phone numbers, e.g. 15557654321")
                    .encode());
            return;
        }
        String messageUuid = UUID.randomUUID().toString();
        String text = in.getString("text");
        byte[] photo;
        try {
            photo = in.getValue("photo") instanceof String base64 ? Base64.getDecoder().decode(base64) : null;
        } catch (IllegalArgumentException e) {
            json(request, 422, problem("Invalid params", "'photo' must be the picture's bytes in base64.").encode());
            return;
        }
        JsonObject webhook = new JsonObject()
                .put("channel", photo == null ? "sms" : "mms")
                .put("message_uuid", messageUuid)
                .put("to", normalise(in.getString("to")))
                .put("from", normalise(in.getString("from")))
                .put("timestamp", timestamp(Instant.now()));
        if (photo == null) {
            webhook.put("text", text)
                    .put("sms", new JsonObject().put("num_messages", String.valueOf(segments(text))))
                    .put("message_type", "text");
        } else {
            String mediaId = UUID.randomUUID().toString();
            media.put(mediaId, photo);
            webhook.put("message_type", "image")
                    .put("image", new JsonObject().put("url", url() + MEDIA_PATH + mediaId).put("caption", text));
        }
        deliver("/webhooks/vonage/inbound", webhook.encode()).onComplete(result -> {
            Delivery delivery = result.result();
            settings.log().accept("inbound " + webhook.getString("channel").toUpperCase(Locale.ROOT) + " " + messageUuid
                    + " -> ingestion " + describe(delivery));
            inbound.add(new JsonObject().put("message_uuid", messageUuid).put("from", webhook.getString("from"))
                    .put("to", webhook.getString("to")).put("text", text)
                    .put("sent_at", webhook.getString("timestamp"))
                    .put("webhook_status", delivery.httpStatus()).put("attempts", delivery.attempts()));
            JsonObject answer = new JsonObject().put("message_uuid", messageUuid)
                    .put("webhook_status", delivery.httpStatus()).put("attempts", delivery.attempts())
                    .put("webhook_ms", delivery.millis());
            if (delivery.error() != null) {
                answer.put("error", delivery.error());
            }
            json(request, delivery.ok() ? 200 : 502, answer.encodePrettily());
        });
    }

    // ---- voicemail: the patient calls and leaves a message ----

    /**
     * Plays Vonage Voice for one call: asks the answer webhook for its NCCO, records (a tone stands in for the
     * caller's voice) and sends the recording event to the NCCO's {@code eventUrl}, then, when a transcript is
     * given, the transcription event to the transcription's {@code eventUrl}. Without one no transcription event
     * comes, as when Vonage's transcription fails.
     */
    private void leaveVoicemail(HttpServerRequest request, Buffer body) {
        JsonObject in;
        try {
            in = body.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            json(request, 400, problem("Malformed JSON", "Send {\"from\": \"15557654321\", \"to\": \"15550001001\","
                    + " \"transcript\": \"…\"}").encode());
            return;
        }
        for (String field : List.of("from", "to")) {
            if (!(in.getValue(field) instanceof String value) || !NUMBER.matcher(value.trim()).matches()) {
                json(request, 422, problem("Invalid params", "'" + field + "' must be a phone number, e.g."
                        + " 15557654321").encode());
                return;
            }
        }
        if (in.getValue("transcript") != null && !(in.getValue("transcript") instanceof String)) {
            json(request, 422, problem("Invalid params", "'transcript' must be text.").encode());
            return;
        }
        String from = normalise(in.getString("from"));
        String to = normalise(in.getString("to"));
        String transcript = in.getString("transcript");
        String conversationUuid = "CON-" + UUID.randomUUID();
        JsonObject call = new JsonObject().put("conversation_uuid", conversationUuid).put("from", from).put("to", to)
                .put("called_at", timestamp(Instant.now()));
        answerCall(conversationUuid, from, to).compose(ncco -> {
            call.put("answer_status", 200).put("greeting", greetingOf(ncco));
            JsonObject record = recordActionOf(ncco);
            String recordingUuid = UUID.randomUUID().toString();
            byte[] recording = VoicemailRecording.tone(RECORDING_SECONDS);
            files.put(recordingUuid, new VonageFile("audio/wav", recording));
            call.put("recording_uuid", recordingUuid);
            Instant now = Instant.now();
            JsonObject recorded = new JsonObject()
                    .put("start_time", timestamp(now.minusSeconds(RECORDING_SECONDS)))
                    .put("recording_url", FILES_URL + recordingUuid)
                    .put("size", recording.length)
                    .put("recording_uuid", recordingUuid)
                    .put("end_time", timestamp(now))
                    .put("conversation_uuid", conversationUuid)
                    .put("timestamp", timestamp(now));
            return deliverTo(URI.create(record.getJsonArray("eventUrl").getString(0)), recorded.encode())
                    .compose(delivery -> {
                        call.put("recording_status", delivery.httpStatus());
                        if (transcript == null || transcript.isBlank() || !delivery.ok()) {
                            return Future.succeededFuture(call);
                        }
                        return transcribe(record, conversationUuid, recordingUuid, transcript)
                                .map(transcribed -> call.put("transcription_status", transcribed.httpStatus()));
                    });
        }).onComplete(result -> {
            if (result.failed()) {
                call.put("error", rootMessage(result.cause()));
            }
            voicemails.add(call);
            settings.log().accept("voicemail " + conversationUuid + " -> ingestion answer "
                    + call.getValue("answer_status") + ", recording " + call.getValue("recording_status")
                    + ", transcription " + call.getValue("transcription_status"));
            json(request, result.succeeded() && Integer.valueOf(200).equals(call.getValue("recording_status"))
                    ? 200 : 502, call.encodePrettily());
        });
    }

    private Future<Delivery> transcribe(JsonObject record, String conversationUuid, String recordingUuid,
            String transcript) {
        String transcriptId = UUID.randomUUID().toString();
        JsonObject file = new JsonObject().put("ver", "1.0.21").put("request_id", UUID.randomUUID().toString())
                .put("channels", new JsonArray().add(new JsonObject().put("duration", RECORDING_SECONDS)
                        .put("transcript", new JsonArray().add(new JsonObject().put("sentence", transcript)
                                .put("raw_sentence", transcript.toLowerCase()).put("duration", RECORDING_SECONDS * 1000)
                                .put("timestamp", 0).put("words", new JsonArray())))));
        files.put(transcriptId, new VonageFile("application/json", file.encode().getBytes(StandardCharsets.UTF_8)));
        JsonObject transcribed = new JsonObject()
                .put("conversation_uuid", conversationUuid)
                .put("type", "transcription")
                .put("recording_uuid", recordingUuid)
                .put("status", "completed")
                .put("transcription_url", FILES_URL + transcriptId);
        return deliverTo(URI.create(record.getJsonObject("transcription").getJsonArray("eventUrl").getString(0)),
                transcribed.encode());
    }

    /** The answer webhook, as Vonage calls it by default: a signed GET; its answer is the NCCO. */
    private Future<JsonArray> answerCall(String conversationUuid, String from, String to) {
        String query = "?to=" + to + "&from=" + from + "&uuid=" + UUID.randomUUID().toString().replace("-", "")
                + "&conversation_uuid=" + conversationUuid + "&region_url=https://api-us-3.vonage.com";
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(settings.ingestionBaseUrl().resolve(ANSWER_PATH) + query)
                .putHeader("User-Agent", "CareThread-Sandbox-Carrier/1.0")
                .putHeader("Authorization", signer.bearerFor(""))
                .setIdleTimeout(10_000);
        return client.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(answer -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the answer webhook said HTTP " + response.statusCode());
                    }
                    return answer.toJsonArray();
                }));
    }

    private static String greetingOf(JsonArray ncco) {
        return actionOf(ncco, "talk").getString("text");
    }

    private static JsonObject recordActionOf(JsonArray ncco) {
        JsonObject record = actionOf(ncco, "record");
        if (record.getJsonArray("eventUrl") == null || record.getJsonObject("transcription") == null) {
            throw new IllegalStateException("the NCCO's record action names no eventUrl or no transcription");
        }
        return record;
    }

    private static JsonObject actionOf(JsonArray ncco, String action) {
        for (int i = 0; i < ncco.size(); i++) {
            if (action.equals(ncco.getJsonObject(i).getString("action"))) {
                return ncco.getJsonObject(i);
            }
        }
        throw new IllegalStateException("the NCCO has no " + action + " action");
    }

    /** Vonage's file store: a file of a call, to a JWT signed with the Voice application's key only. */
    private void serveFile(HttpServerRequest request, String id) {
        if (!settings.voiceApplication().signed(request.getHeader("Authorization"))) {
            json(request, 401, problem("Unauthorized", "A JWT signed with the application's private key is"
                    + " required.").encode());
            return;
        }
        VonageFile file = files.get(id);
        if (file == null) {
            json(request, 404, problem("Not found", "No file " + id).encode());
            return;
        }
        request.response().putHeader("Content-Type", file.contentType()).end(Buffer.buffer(file.contents()));
    }

    // ---- webhook delivery ----

    /** POSTs a signed webhook; a 5xx, 429 or no answer is retried with backoff, as a carrier does. Never fails. */
    Future<Delivery> deliver(String path, String body) {
        return deliverTo(settings.ingestionBaseUrl().resolve(path), body);
    }

    /** As {@link #deliver}, to a URL the platform named itself (an NCCO's {@code eventUrl}). */
    Future<Delivery> deliverTo(URI url, String body) {
        Promise<Delivery> promise = Promise.promise();
        attempt(url, body, 1, promise);
        return promise.future();
    }

    private void attempt(URI url, String body, int attempt, Promise<Delivery> promise) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url.toString())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "CareThread-Sandbox-Carrier/1.0")
                // Each attempt carries a fresh token, as Vonage's retries do.
                .putHeader("Authorization", signer.bearerFor(body))
                .setIdleTimeout(10_000);
        long sent = System.nanoTime();
        client.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(result -> {
                    Integer status = result.succeeded() ? result.result() : null;
                    boolean retryable = status == null || status >= 500 || status == 429;
                    if (retryable && attempt <= settings.retryBackoff().size()) {
                        vertx.setTimer(millis(settings.retryBackoff().get(attempt - 1)),
                                timer -> attempt(url, body, attempt + 1, promise));
                    } else {
                        promise.complete(new Delivery(status, attempt,
                                result.failed() ? rootMessage(result.cause()) : null,
                                (System.nanoTime() - sent) / 1_000_000));
                    }
                });
    }

    // ---- helpers ----

    private static String describe(Delivery delivery) {
        return (delivery.httpStatus() == null ? "no answer (" + delivery.error() + ")" : "HTTP " + delivery.httpStatus())
                + (delivery.attempts() > 1 ? " after " + delivery.attempts() + " attempts" : "");
    }

    /** Vonage writes numbers in E.164 without the plus. */
    private static String normalise(String number) {
        String trimmed = number.trim();
        return trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
    }

    /** SMS parts: 160 GSM-7 characters in one, 153 per part when concatenated; 70 / 67 with anything beyond ASCII. */
    static int segments(String text) {
        boolean ascii = text.chars().allMatch(c -> c < 128);
        int single = ascii ? 160 : 70;
        int part = ascii ? 153 : 67;
        int length = text.codePointCount(0, text.length());
        return length <= single ? 1 : (length + part - 1) / part;
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static JsonObject problem(String title, String detail) {
        return new JsonObject()
                .put("type", "https://developer.vonage.com/api-errors/messages")
                .put("title", title)
                .put("detail", detail)
                .put("instance", UUID.randomUUID().toString());
    }

    private static void json(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status)
                .putHeader("Content-Type", status >= 400 && status != 502 ? "application/problem+json"
                        : "application/json")
                .end(body);
    }

    private static long millis(Duration duration) {
        return Math.max(1, duration.toMillis());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void await(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
    }

    private String usage() {
        return """
                CareThread sandbox carrier (a stand-in for the Vonage Messages API and Vonage Voice)

                Play the patient (an inbound SMS to the North Clinic):
                  curl -s -X POST %1$s/sandbox/inbound -H 'Content-Type: application/json' \\
                       -d '{"from":"15557654321","to":"15550001001","text":"Hi, can I move my appointment?"}'

                See what the practice texted back:
                  curl -s %1$s/sandbox/messages

                Call and leave a voicemail (the sandbox plays Vonage Voice: answer, a recorded tone, the transcript):
                  curl -s -X POST %1$s/sandbox/voicemail -H 'Content-Type: application/json' \\
                       -d '{"from":"15557654321","to":"15550001001","transcript":"Please call me back about my results"}'

                POST /v1/messages        what the Vonage SDK sends (Basic auth %2$s / ****)
                GET  /sandbox/messages   outbound SMS, with delivery status (?to=15557654321 filters)
                DELETE /sandbox/messages forget them
                POST /sandbox/inbound    deliver an inbound SMS webhook to ingestion; with "photo" (base64) an MMS
                GET  /v3/media/{id}      the photos of inbound MMS, as Vonage's media server keeps them
                GET  /sandbox/inbound    inbound SMS sent so far
                POST /sandbox/voicemail  call a practice number and leave a voicemail (transcript optional)
                GET  /sandbox/voicemail  calls made so far, with the webhooks' HTTP statuses
                GET  /v1/files/{id}      a call's recording or transcript (JWT of the Voice application)
                """.formatted(url(), settings.apiKey());
    }
}
