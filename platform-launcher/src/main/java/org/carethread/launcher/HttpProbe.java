package org.carethread.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Small blocking HTTP and port checks used while starting things. */
final class HttpProbe {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpProbe() {
    }

    /** Status and body of a GET, or status -1 when nothing answered. */
    record Answer(int status, String body) {
    }

    static Answer get(String url) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while probing " + url, e);
        }
    }

    /**
     * Polls {@code url} until {@code ready} accepts the answer; fails when {@code process} (if any) exits first or the
     * time runs out.
     */
    static void awaitReady(String what, String url, Predicate<Answer> ready, ManagedProcess process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new LaunchException(what + " exited with code " + process.exitCode() + " before it was ready."
                        + " Last lines of " + process.logFile() + ":\n" + process.logTail(25));
            }
            last = get(url);
            if (ready.test(last)) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new LaunchException(what + " was not ready within " + timeout.toSeconds() + " s (" + url + " answered "
                + (last == null ? "nothing" : last.status()) + ")"
                + (process == null ? "" : ". Last lines of " + process.logFile() + ":\n" + process.logTail(25)));
    }

    static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            // nothing listening on loopback; make sure nothing holds the wildcard address either
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted", e);
        }
    }
}
