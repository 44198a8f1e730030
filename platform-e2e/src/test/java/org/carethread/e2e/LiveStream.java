package org.carethread.e2e;

import static org.awaitility.Awaitility.await;
import static org.carethread.e2e.RunningPlatform.PATIENCE;
import static org.carethread.e2e.RunningPlatform.randomPatientNumber;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The live stream ({@code GET /api/live}, server-sent events through the gateway) as one staff member reads it, as
 * the web app does: every data line, with when it arrived, from the moment it is opened until it is closed.
 */
final class LiveStream implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A data line of the stream: when it arrived ({@link System#nanoTime()}, so it can time an arrival) and what it
     * says, read once as it arrives: opened, message-added, … or heartbeat, and the conversation (null for a heartbeat).
     */
    record Heard(long at, String type, String conversationId) {
        static Heard of(long at, String line) {
            JsonNode data = readJson(line.substring("data:".length()));
            return new Heard(at, data.path("type").asText(null), data.path("conversationId").asText(null));
        }
    }

    private final List<Heard> heard = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> reading;
    private volatile Stream<String> lines;

    private LiveStream(String staffUrl, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(staffUrl + "/api/live"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        reading = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            lines = response.body();
            response.body().filter(line -> line.startsWith("data:"))
                    .forEach(line -> heard.add(Heard.of(System.nanoTime(), line)));
        });
    }

    /** Opens the stream as the staff member whose token this is, and returns once it has said it is connected. */
    static LiveStream open(RunningPlatform running, String token) {
        LiveStream stream = new LiveStream(running.staff, token);
        // The first heartbeat comes at once.
        await().atMost(PATIENCE).until(() -> !stream.heard.isEmpty());
        return stream;
    }

    /**
     * Texts the practice until the stream hears a message added: it follows changes from the newest on once Kafka has
     * assigned conversation-service's live consumer its partitions, which takes a while after the service starts.
     */
    void awaitFollowing(RunningPlatform running, String practiceNumber) {
        AtomicInteger warmUps = new AtomicInteger();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            running.patientTexts(randomPatientNumber(), practiceNumber, "warm-up " + warmUps.incrementAndGet());
            return heard.stream().anyMatch(h -> "message-added".equals(h.type()));
        });
    }

    /** What was heard so far, oldest first: a copy, which later lines leave as it is. */
    List<Heard> heard() {
        return List.copyOf(heard);
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the live stream sent a line that is not JSON", e);
        }
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        reading.cancel(true);
    }
}
