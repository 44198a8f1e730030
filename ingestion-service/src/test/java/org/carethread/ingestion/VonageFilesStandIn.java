package org.carethread.ingestion;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.carethread.localinfra.VonageApplicationKey;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local stand-in for Vonage's file store ({@code GET https://api.nexmo.com/v1/files/{id}}), where recordings and
 * transcripts are fetched. The service's SDK reaches it as its HTTP proxy, so the URLs in the webhooks stay
 * Vonage's; it serves a file only to a JWT signed with the Voice application's key, as Vonage does.
 */
public class VonageFilesStandIn implements QuarkusTestResourceLifecycleManager {
    /** Vonage's file URLs the tests put in their webhooks (plain http: the stand-in proxies no TLS). */
    static final String FILES = "http://api.nexmo.com/v1/files/";

    /** Marks the test field that receives the stand-in. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Files {
    }

    /** One request for a file, as the stand-in saw it. */
    record Request(String host, String path, boolean signed) {
    }

    private final VonageApplicationKey application = new VonageApplicationKey();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** Serves {@code contents} as the file {@code id}; returns its URL. */
    String serve(String id, byte[] contents) {
        files.put(id, contents);
        return FILES + id;
    }

    List<Request> requestsFor(String id) {
        return requests.stream().filter(r -> r.path().equals("/v1/files/" + id)).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of(
                "carethread.vonage.application-id", application.applicationId(),
                "carethread.vonage.private-key", application.privateKeyPem(),
                "carethread.vonage.http-proxy", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        // Through a proxy the request names the whole URL; its host is where the SDK meant to go.
        String host = exchange.getRequestURI().getHost();
        String path = exchange.getRequestURI().getPath();
        boolean signed = application.signed(exchange.getRequestHeaders().getFirst("Authorization"));
        requests.add(new Request(host, path, signed));
        byte[] file = path.startsWith("/v1/files/") ? files.get(path.substring("/v1/files/".length())) : null;
        int status = !signed ? 401 : file == null ? 404 : 200;
        byte[] body = status == 200 ? file : ("{\"title\":\"" + status + "\"}").getBytes();
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this,
                new TestInjector.AnnotatedAndMatchesType(Files.class, VonageFilesStandIn.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
