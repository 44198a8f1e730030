package org.carethread.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.e2e.RunningPlatform.PATIENCE;
import static org.carethread.e2e.RunningPlatform.randomPatientNumber;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

import org.carethread.launcher.PlatformService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * How fast a patient's text lands in the staff inbox (the product promises "within a second"), and how much memory
 * each service uses, on the whole platform: it prints figures and asserts only that every text landed exactly once
 * (speed and memory are shown by benchmarks that print figures, never by timed tests).
 *
 * <p>Each text comes from a fresh patient number to North Clinic through the sandbox carrier, as a signed Vonage
 * webhook into ingestion-service, and is timed from just before the carrier is asked to send it until North's front
 * desk hears of its new conversation on the live stream. A live event carries no PHI, so once the clock has stopped
 * the conversation is read to tell whose it is. Three samples: one text at a time; a burst sent all at once; and one
 * at a time again, timed until the inbox list shows the conversation (polled, and so in a sample of its own: the
 * polling would slow down the first).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxLatencyBenchmarkIT {
    private static final String NORTH_NUMBER = "15550001001";
    private static final long PROMISE_MILLIS = 1000;
    /**
     * Sent first, one after another through the webhook only, neither timed nor checked: on a platform just started
     * the JVMs still interpret and compile the code a text runs through, which a practice's platform, up for days,
     * long since did. Without them the figures also measure the JIT compilers.
     */
    private static final int SETTLE_IN = 150;
    private static final int SETTLE_IN_PATIENTS = 10;
    /** Then sent one at a time and not counted, so that the stream and the samples start from a quiet platform. */
    private static final int WARM_UP = 5;
    private static final int ONE_AT_A_TIME = 40;
    private static final int BURST = 20;
    private static final int LISTED_ONE_AT_A_TIME = 10;
    /** The web app asks for this many rows. */
    private static final int INBOX_ROWS = 200;
    private static final Duration INBOX_POLL_PAUSE = Duration.ofMillis(25);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(10);
    private static final int CHECKERS = 4;
    private static final HttpClient CARRIER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Linux's USER_HZ, the unit of /proc/stat. */
    private static final long TICK_MILLIS = 10;

    private RunningPlatform running;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> patientsUsed = ConcurrentHashMap.newKeySet();
    /** Conversations already told apart: this run's and any other the stream or the inbox showed meanwhile. */
    private final Set<String> known = new HashSet<>();
    private final List<Sent> sent = new ArrayList<>();
    private final Map<Sent, Landing> landings = new LinkedHashMap<>();
    private String frontDesk;
    private String settledIn;
    private Spent spentOneAtATime;
    private Spent spentBurst;

    /**
     * A patient's text: which one of the run, from whom, the words, when it left and when the sandbox carrier said
     * ingestion-service had answered its webhook (both {@link System#nanoTime()}), and how long that answer took as
     * the carrier saw it, from sending the webhook.
     */
    private record Sent(String label, String patient, String text, long at, long accepted, long carrierSawMillis) {
        long webhookMillis() {
            return Duration.ofNanos(accepted - at).toMillis();
        }
    }

    /** Where a text landed and when North's front desk saw it there. */
    private record Landing(Sent sent, String conversationId, long at) {
        long millis() {
            return Duration.ofNanos(at - sent.at()).toMillis();
        }
    }

    /** A service's resident memory (VmRSS of its process) and its JVM's heap in use (Micrometer), in bytes. */
    private record Memory(long resident, long heapUsed) {
    }

    /**
     * Counters read between samples, so that a sample's share is the difference: the CPU used by each service's
     * process and by the whole machine (busy and all time over every processor, from {@code /proc/stat}, in clock
     * ticks of 10 ms), and ingestion-service's count and total seconds of waiting for Kafka's acknowledgement of a
     * patient message's event ({@code carethread.webhooks.publish}).
     */
    private record Reading(Map<PlatformService, Duration> services, long machineBusyTicks, long machineTicks,
            double publishes, double publishSeconds) {
    }

    /** What a sample of {@code texts} cost between two readings. */
    private record Spent(int texts, Reading before, Reading after) {
        long perTextMillis(PlatformService service) {
            return after.services().get(service).minus(before.services().get(service)).toMillis() / texts;
        }

        long servicesPerTextMillis() {
            return Arrays.stream(PlatformService.values()).mapToLong(this::perTextMillis).sum();
        }

        long machinePerTextMillis() {
            return (after.machineBusyTicks() - before.machineBusyTicks()) * TICK_MILLIS / texts;
        }

        int machineBusyPercent() {
            long all = after.machineTicks() - before.machineTicks();
            return all == 0 ? 0 : (int) Math.round(100.0 * (after.machineBusyTicks() - before.machineBusyTicks()) / all);
        }

        long publishMeanMillis() {
            double count = after.publishes() - before.publishes();
            return count == 0 ? 0 : Math.round((after.publishSeconds() - before.publishSeconds()) * 1000 / count);
        }
    }

    @BeforeAll
    void useTheRunningPlatform() {
        running = RunningPlatform.shared();
    }

    @Test
    void everyTextLandsInTheInboxOnceAndTheFiguresArePrinted() throws Exception {
        Map<PlatformService, Memory> memoryBefore = memory();
        frontDesk = running.token("frontdesk.north");
        List<Landing> oneAtATime;
        List<Landing> burst;
        long started = System.nanoTime();
        long following;
        try (LiveStream north = LiveStream.open(running, frontDesk)) {
            north.awaitFollowing(running, NORTH_NUMBER);
            following = System.nanoTime();
            settledIn = settleIn();
            heardOneAtATime(north, "warm-up", WARM_UP);
            Reading start = reading();
            oneAtATime = heardOneAtATime(north, "one at a time", ONE_AT_A_TIME);
            Reading between = reading();
            burst = heardAllAtOnce(north, "burst", BURST);
            Reading end = reading();
            spentOneAtATime = new Spent(ONE_AT_A_TIME, start, between);
            spentBurst = new Spent(BURST, between, end);
        }
        List<Landing> listed = listedOneAtATime("listed", LISTED_ONE_AT_A_TIME);
        long sampled = System.nanoTime();
        Map<PlatformService, Memory> memoryAfter = memory();
        List<String> wrong = notLandedExactlyOnce();
        long checked = System.nanoTime();

        System.out.println(figures(oneAtATime, burst, listed, memoryBefore, memoryAfter));
        System.out.printf("Wall time: %.1f s until the live stream followed (long only on a platform just started),"
                + " %.1f s for the samples, %.1f s to check that every text landed once.%n%n",
                (following - started) / 1e9, (sampled - following) / 1e9, (checked - sampled) / 1e9);
        assertTrue(wrong.isEmpty(), "not every text landed in the inbox exactly once:\n  " + String.join("\n  ", wrong));
    }

    // ---- the samples ----

    /**
     * Sends {@link #SETTLE_IN} texts, from {@link #SETTLE_IN_PATIENTS} patients in turn, and waits until every one is in
     * its patient's conversation; says how long it took. Few patients, because after hours each new patient draws an
     * automatic reply, and North's number sends one SMS a second: 150 replies queued there held the later tests' own
     * replies back for minutes. Worded as the timed texts, so that triage ranks them alike ("Settling in 12" was taken
     * for an urgent clinical question).
     */
    private String settleIn() {
        long started = System.nanoTime();
        List<String> patients = new ArrayList<>();
        while (patients.size() < SETTLE_IN_PATIENTS) {
            String patient = randomPatientNumber();
            if (patientsUsed.add(patient)) {
                patients.add(patient);
            }
        }
        List<Long> webhooks = new ArrayList<>();
        for (int i = 1; i <= SETTLE_IN; i++) {
            long at = System.nanoTime();
            throughTheCarrier(patients.get(i % SETTLE_IN_PATIENTS), "Can I move my appointment to next week? (benchmark "
                    + run + ", settling in " + i + ")");
            webhooks.add(Duration.ofNanos(System.nanoTime() - at).toMillis());
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> patients.stream().allMatch(patient -> inboundTextsOf(patient) == SETTLE_IN / SETTLE_IN_PATIENTS));
        return String.format("Settling in: %d texts from %d patients sent one after another first, their webhooks answered"
                + " in %d ms on average for the first 10 and %d ms for the last 10; %.1f s until all were in their"
                + " conversations.%n", SETTLE_IN, SETTLE_IN_PATIENTS, average(webhooks.subList(0, 10)),
                average(webhooks.subList(SETTLE_IN - 10, SETTLE_IN)), (System.nanoTime() - started) / 1e9);
    }

    /** How many texts the patient's one conversation holds from them; 0 while there is none, -1 if there are more. */
    private int inboundTextsOf(String patient) {
        List<String> conversations = running.conversationsOf(frontDesk, patient);
        return conversations.isEmpty() ? 0 : conversations.size() > 1 ? -1 : patientTexts(conversations.get(0)).size();
    }

    private static long average(List<Long> millis) {
        return Math.round(millis.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    private List<Landing> heardOneAtATime(LiveStream stream, String label, int count) {
        List<Landing> landed = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int from = stream.heard().size();
            landed.addAll(heardOf(stream, from, List.of(send(label + " " + i))));
        }
        return landed;
    }

    /** All sent together, each from its own thread, released at once. */
    private List<Landing> heardAllAtOnce(LiveStream stream, String label, int count) throws Exception {
        int from = stream.heard().size();
        ExecutorService senders = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Sent>> sending = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String which = label + " " + i;
                sending.add(senders.submit(() -> {
                    go.await();
                    return send(which);
                }));
            }
            go.countDown();
            List<Sent> texts = new ArrayList<>();
            for (Future<Sent> one : sending) {
                texts.add(one.get());
            }
            return heardOf(stream, from, texts);
        } finally {
            senders.shutdownNow();
        }
    }

    /**
     * The texts' conversations among those the stream heard of from {@code from} on, each timed by its first event. The
     * new conversations are read only once there are as many as texts waiting (or patience ran out), so that reading
     * does not slow down texts still on their way.
     */
    private List<Landing> heardOf(LiveStream stream, int from, List<Sent> texts) {
        Set<String> before = new HashSet<>();
        stream.heard().subList(0, from).forEach(h -> before.add(h.conversationId()));
        Map<String, Sent> waiting = new LinkedHashMap<>();
        texts.forEach(text -> waiting.put(text.text(), text));
        List<Landing> landed = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!waiting.isEmpty()) {
            Map<String, Long> fresh = new LinkedHashMap<>();
            List<LiveStream.Heard> heard = stream.heard();
            for (LiveStream.Heard one : heard.subList(from, heard.size())) {
                String id = one.conversationId();
                if (id != null && !before.contains(id) && !known.contains(id)) {
                    fresh.putIfAbsent(id, one.at());
                }
            }
            boolean late = System.nanoTime() > deadline;
            if (fresh.size() < waiting.size() && !late) {
                pause(LOOK_AGAIN);
                continue;
            }
            fresh.forEach((id, at) -> whoseIs(id).forEach(text -> {
                Sent found = waiting.remove(text);
                if (found != null) {
                    landed.add(new Landing(found, id, at));
                }
            }));
            if (late) {
                break;
            }
        }
        landed.forEach(landing -> landings.put(landing.sent(), landing));
        return landed;
    }

    private List<Landing> listedOneAtATime(String label, int count) {
        known.addAll(inbox());
        List<Landing> landed = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Sent text = send(label + " " + i);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            Landing found = null;
            while (found == null && System.nanoTime() < deadline) {
                List<String> rows = inbox();
                long at = System.nanoTime();
                for (String id : rows) {
                    if (found == null && !known.contains(id) && whoseIs(id).contains(text.text())) {
                        found = new Landing(text, id, at);
                    }
                }
                if (found == null) {
                    pause(INBOX_POLL_PAUSE);
                }
            }
            if (found != null) {
                landed.add(found);
                landings.put(text, found);
            }
        }
        return landed;
    }

    // ---- acting as the patient and as North's front desk ----

    private Sent send(String label) {
        String patient;
        do {
            patient = randomPatientNumber();
        } while (!patientsUsed.add(patient));
        String text = "Can I move my appointment to next week? (benchmark " + run + ", " + label + ")";
        long at = System.nanoTime();
        long carrierSaw = throughTheCarrier(patient, text);
        Sent sent = new Sent(label, patient, text, at, System.nanoTime(), carrierSaw);
        synchronized (this.sent) {
            this.sent.add(sent);
        }
        return sent;
    }

    /**
     * As {@link RunningPlatform#patientTexts}, on a plain HTTP client that costs little: sent at once from twenty
     * threads through REST Assured, texts waited about 1.6 s longer in the test itself (p50 until the carrier answered:
     * 2178 against 541 ms), which is not the platform's time. Returns how long ingestion-service took to answer the
     * carrier.
     */
    private long throughTheCarrier(String patient, String text) {
        try {
            String body = JSON.writeValueAsString(Map.of("from", patient, "to", NORTH_NUMBER, "text", text));
            HttpResponse<String> response = CARRIER.send(HttpRequest.newBuilder(URI.create(running.carrier + "/sandbox/inbound"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200 || answer.path("webhook_status").asInt() != 200) {
                throw new IllegalStateException("the sandbox carrier did not deliver a text: HTTP " + response.statusCode()
                        + ", ingestion " + answer.path("webhook_status").asText());
            }
            return answer.path("webhook_ms").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while texting", e);
        }
    }

    /** The patient's texts in a conversation, read as North's front desk; from now on it is known. */
    private List<String> whoseIs(String conversationId) {
        known.add(conversationId);
        return patientTexts(conversationId);
    }

    /** None if North's front desk may not read it. */
    private List<String> patientTexts(String conversationId) {
        Response detail = given().auth().oauth2(frontDesk).get(running.staff + "/api/conversations/" + conversationId);
        return detail.statusCode() == 200 ? detail.jsonPath().getList("messages.findAll { it.direction == 'inbound' }.text")
                : List.of();
    }

    /** The conversations of North's front desk's inbox, as the web app lists them. */
    private List<String> inbox() {
        return given().auth().oauth2(frontDesk).queryParam("limit", INBOX_ROWS).get(running.staff + "/api/conversations")
                .then().statusCode(200).extract().jsonPath().getList("id");
    }

    /** What is wrong with how each text landed, checked a few at a time: the samples are over by now. */
    private List<String> notLandedExactlyOnce() throws Exception {
        ExecutorService checkers = Executors.newFixedThreadPool(CHECKERS);
        try {
            List<Future<List<String>>> checks = new ArrayList<>();
            for (Sent text : sent) {
                checks.add(checkers.submit(() -> notLandedExactlyOnce(text)));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> check : checks) {
                wrong.addAll(check.get());
            }
            return wrong;
        } finally {
            checkers.shutdownNow();
        }
    }

    /**
     * Nothing, if the text is in exactly one conversation of its patient's, the one it was seen landing in, as the only
     * patient message there (an automatic after-hours reply is the practice's, not the patient's).
     */
    private List<String> notLandedExactlyOnce(Sent text) {
        Landing landing = landings.get(text);
        List<String> conversations = running.conversationsOf(frontDesk, text.patient());
        if (landing == null) {
            return List.of(text.label() + ": not seen in the inbox within " + PATIENCE.toSeconds() + " s (the patient"
                    + " has " + conversations.size() + " conversations now)");
        }
        List<String> wrong = new ArrayList<>();
        if (!conversations.equals(List.of(landing.conversationId()))) {
            wrong.add(text.label() + ": the patient's conversations are " + conversations + ", expected only "
                    + landing.conversationId());
        }
        List<String> texts = patientTexts(landing.conversationId());
        if (!texts.equals(List.of(text.text()))) {
            wrong.add(text.label() + ": its conversation holds " + texts.size() + " patient messages, "
                    + texts.stream().filter(text.text()::equals).count() + " of them this text; expected it alone, once");
        }
        return wrong;
    }

    // ---- memory ----

    private Map<PlatformService, Memory> memory() {
        Map<PlatformService, Memory> memory = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            long pid = running.platform.serviceProcess(service)
                    .orElseThrow(() -> new IllegalStateException(service.module() + " is not running")).pid();
            memory.put(service, new Memory(residentBytes(pid), heapUsedBytes(service)));
        }
        return memory;
    }

    /** VmRSS from {@code /proc/<pid>/status}, which Linux gives in kB. */
    private static long residentBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no VmRSS for pid " + pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sum over the heap's pools of Micrometer's {@code jvm_memory_used_bytes}, from the service's /q/metrics. */
    private static long heapUsedBytes(PlatformService service) {
        String metrics = given().get(service.url() + "/q/metrics").then().statusCode(200).extract().asString();
        double used = metrics.lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        if (used == 0) {
            throw new IllegalStateException(service.module() + " reports no heap in use at /q/metrics");
        }
        return (long) used;
    }

    // ---- CPU and Kafka's acknowledgements ----

    private Reading reading() {
        Map<PlatformService, Duration> services = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            services.put(service, running.platform.serviceProcess(service).flatMap(p -> p.info().totalCpuDuration())
                    .orElseThrow(() -> new IllegalStateException("no CPU time for " + service.module())));
        }
        try {
            // "cpu  user nice system idle iowait irq softirq steal ...": idle and iowait are the time not busy.
            long[] ticks = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"))
                    .skip(1).limit(8).mapToLong(Long::parseLong).toArray();
            long all = Arrays.stream(ticks).sum();
            String metrics = given().get(PlatformService.INGESTION.url() + "/q/metrics").then().statusCode(200)
                    .extract().asString();
            return new Reading(services, all - ticks[3] - ticks[4], all,
                    metric(metrics, "carethread_webhooks_publish_seconds_count"),
                    metric(metrics, "carethread_webhooks_publish_seconds_sum"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An inbound webhooks' series of a Prometheus text; 0 before the first. */
    private static double metric(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") && line.contains("kind=\"inbound\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    // ---- the figures ----

    private String figures(List<Landing> oneAtATime, List<Landing> burst, List<Landing> listed,
            Map<PlatformService, Memory> before, Map<PlatformService, Memory> after) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n==== Inbox latency benchmark, %s, %d processors ====%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors()));
        out.append("The promise: a patient's message lands in the staff inbox within a second.\n");
        out.append("Timed from just before the sandbox carrier sends the signed webhook to ingestion-service until North's"
                + " front desk sees the new conversation (" + WARM_UP + " warm-up texts first, not counted).\n");
        out.append(settledIn).append('\n');
        out.append(String.format("%-44s %5s %6s %6s %6s %6s%n", "ms", "count", "p50", "p90", "p99", "max"));
        out.append(latencies("on the live stream, one text at a time", oneAtATime, ONE_AT_A_TIME));
        out.append(latencies("on the live stream, " + BURST + " texts at once", burst, BURST));
        out.append(latencies("in the inbox list, one text at a time", listed, LISTED_ONE_AT_A_TIME));
        if (!burst.isEmpty()) {
            long first = burst.stream().mapToLong(landing -> landing.sent().at()).min().orElseThrow();
            long last = burst.stream().mapToLong(Landing::at).max().orElseThrow();
            double seconds = (last - first) / 1e9;
            out.append(String.format("%nBurst: %d texts in %.2f s from the first webhook to the last live event:"
                    + " %.1f texts/s%n", burst.size(), seconds, burst.size() / seconds));
        }
        out.append(String.format("(the inbox list polled every %d ms, %d rows as the web app asks; it is timed when the"
                + " list that shows it arrives)%n", INBOX_POLL_PAUSE.toMillis(), INBOX_ROWS));
        out.append(String.format("Of which the webhook alone (until the sandbox carrier said ingestion-service answered"
                + " 200): one at a time %s, at once %s;%n", webhooks(oneAtATime, Sent::webhookMillis),
                webhooks(burst, Sent::webhookMillis)));
        out.append(String.format("of that, ingestion-service's answer as the carrier timed it: one at a time %s, at once"
                + " %s (the rest is the carrier's and this test's own HTTP);%n", webhooks(oneAtATime, Sent::carrierSawMillis),
                webhooks(burst, Sent::carrierSawMillis)));
        out.append(String.format("and of that, waiting for Kafka to acknowledge the event (ingestion's"
                + " carethread.webhooks.publish): one at a time mean %d ms, at once mean %d ms.%n%n",
                spentOneAtATime.publishMeanMillis(), spentBurst.publishMeanMillis()));
        out.append(String.format("%-22s %14s %14s%n", "CPU ms per text", "one at a time", BURST + " at once"));
        for (PlatformService service : PlatformService.values()) {
            out.append(String.format("%-22s %14d %14d%n", service.module(), spentOneAtATime.perTextMillis(service),
                    spentBurst.perTextMillis(service)));
        }
        out.append(String.format("%-22s %14d %14d%n", "all five", spentOneAtATime.servicesPerTextMillis(),
                spentBurst.servicesPerTextMillis()));
        out.append(String.format("%-22s %14d %14d%n", "the whole machine", spentOneAtATime.machinePerTextMillis(),
                spentBurst.machinePerTextMillis()));
        out.append(String.format("The machine was %d%% busy one at a time and %d%% during the burst, over %d processors"
                + " (the whole machine also runs Kafka, PostgreSQL, Keycloak, the launcher and this test).%n%n",
                spentOneAtATime.machineBusyPercent(), spentBurst.machineBusyPercent(),
                Runtime.getRuntime().availableProcessors()));
        out.append(String.format("%-22s %10s %10s %16s %16s%n", "MiB", "RSS before", "RSS after", "heap used before",
                "heap used after"));
        for (PlatformService service : PlatformService.values()) {
            out.append(String.format("%-22s %10d %10d %16d %16d%n", service.module(), mib(before.get(service).resident()),
                    mib(after.get(service).resident()), mib(before.get(service).heapUsed()),
                    mib(after.get(service).heapUsed())));
        }
        long totalBefore = before.values().stream().mapToLong(Memory::resident).sum();
        long totalAfter = after.values().stream().mapToLong(Memory::resident).sum();
        out.append(String.format("%-22s %10d %10d%n", "all five", mib(totalBefore), mib(totalAfter)));
        out.append("(each service: java -jar with -Xms64m -Xmx384m -XX:+UseSerialGC; RSS from /proc/<pid>/status,"
                + " heap from its /q/metrics)\n");
        return out.toString();
    }

    /** count, p50, p90, p99 and max (nearest rank), then the p99 against the promise. */
    private static String latencies(String what, List<Landing> landed, int sent) {
        if (landed.isEmpty()) {
            return String.format("%-44s %5d   none landed%n", what, 0);
        }
        List<Long> millis = landed.stream().map(Landing::millis).sorted(Comparator.naturalOrder()).toList();
        long p99 = percentile(millis, 99);
        return String.format("%-44s %5s %6d %6d %6d %6d   p99 %s a second%n", what,
                landed.size() == sent ? String.valueOf(sent) : landed.size() + "/" + sent, percentile(millis, 50),
                percentile(millis, 90), p99, millis.get(millis.size() - 1),
                p99 <= PROMISE_MILLIS ? "within" : "NOT within");
    }

    private static String webhooks(List<Landing> landed, ToLongFunction<Sent> timed) {
        List<Long> millis = landed.stream().map(landing -> timed.applyAsLong(landing.sent())).sorted().toList();
        return millis.isEmpty() ? "none"
                : "p50 " + percentile(millis, 50) + " ms, max " + millis.get(millis.size() - 1) + " ms";
    }

    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static long mib(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the inbox", e);
        }
    }
}
