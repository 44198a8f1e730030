package org.carethread.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The staff origin {@code http://localhost:8080}: {@code /api/audit/**} goes to audit-service,
 * {@code /api/routing/**} (patient directory, identity reviews, patient links) to routing-service, any other
 * {@code /api/**} to conversation-service, and everything else is the staff web app from {@code staff-web/target/dist}
 * (any path that is not one of its files is a client route and gets its {@code index.html}). While the app has not
 * been built, {@code /} is the landing page instead. Authorization headers pass through untouched; the proxy adds
 * {@code X-Forwarded-For/-Proto/-Host}.
 */
final class StaffGateway implements AutoCloseable {
    static final int PORT = 8080;

    private final Vertx vertx;
    private final int port;
    private final int conversationPort;
    private final int auditPort;
    private final int routingPort;
    private final String landingPage;
    private final Path webApp;
    private final String appPolicy;
    private HttpClient client;
    private HttpServer server;

    /**
     * @param webApp      the built staff web app ({@code index.html} and its assets); looked at on every request, so
     *                    building the app while the platform runs is enough
     * @param signInOrigin Keycloak's origin, the one other place the app talks to (token and refresh calls)
     */
    StaffGateway(Vertx vertx, int port, int conversationPort, int auditPort, int routingPort, String landingPage,
            Path webApp, String signInOrigin) {
        this.vertx = vertx;
        this.port = port;
        this.conversationPort = conversationPort;
        this.auditPort = auditPort;
        this.routingPort = routingPort;
        this.landingPage = landingPage;
        this.webApp = webApp.toAbsolutePath().normalize();
        this.appPolicy = "default-src 'self'; connect-src 'self' " + signInOrigin + "; frame-src " + signInOrigin
                // Patients' photos and recordings are fetched with the token and shown from blob: URLs.
                + "; img-src 'self' data: blob:; media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self' " + signInOrigin
                + "; frame-ancestors 'none'";
    }

    int start() {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(3000).setMaxPoolSize(32));
        HttpProxy toConversation = HttpProxy.reverseProxy(client).origin(conversationPort, "127.0.0.1")
                .addInterceptor(new ForwardedHeaders());
        HttpProxy toAudit = HttpProxy.reverseProxy(client).origin(auditPort, "127.0.0.1")
                .addInterceptor(new ForwardedHeaders());
        HttpProxy toRouting = HttpProxy.reverseProxy(client).origin(routingPort, "127.0.0.1")
                .addInterceptor(new ForwardedHeaders());
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(request -> route(request, toConversation, toAudit, toRouting));
        try {
            return server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new LaunchException("the staff gateway could not listen on 127.0.0.1:" + port + ": " + e.getMessage(),
                    e);
        }
    }

    int port() {
        return server.actualPort();
    }

    private void route(HttpServerRequest request, HttpProxy toConversation, HttpProxy toAudit,
            HttpProxy toRouting) {
        String path = request.path();
        if (path.equals("/api/audit") || path.startsWith("/api/audit/")) {
            toAudit.handle(request);
        } else if (path.equals("/api/routing") || path.startsWith("/api/routing/")) {
            toRouting.handle(request);
        } else if (path.equals("/api") || path.startsWith("/api/")) {
            toConversation.handle(request);
        } else if (path.equals("/gateway/health")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
        } else if (Files.isRegularFile(webApp.resolve("index.html"))) {
            serveApp(request, path);
        } else if (path.equals("/") || path.equals("/index.html")) {
            request.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Cache-Control", "no-store")
                    .end(landingPage);
        } else {
            request.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("Not found. The staff API is under /api; see / for what runs where.\n");
        }
    }

    /** File types the Vite build writes; anything else is not served. */
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");

    private void serveApp(HttpServerRequest request, String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        Path file = webApp.resolve(path.substring(1)).normalize();
        String extension = last.contains(".") ? last.substring(last.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!last.contains(".")) {
            // A client route such as /conversations/{id}: the app reads the address itself.
            file = webApp.resolve("index.html");
            extension = "html";
        } else if (!file.startsWith(webApp) || last.startsWith(".") || !CONTENT_TYPES.containsKey(extension)
                || !Files.isRegularFile(file)) {
            request.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("Not found.\n");
            return;
        }
        var response = request.response()
                .putHeader("Content-Type", CONTENT_TYPES.get(extension))
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        if (extension.equals("html")) {
            // index.html names the current build's assets; it must never be cached, or a new build is missed.
            response.putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Security-Policy", appPolicy)
                    .putHeader("X-Frame-Options", "DENY");
        } else if (path.startsWith("/assets/")) {
            // Vite puts a content hash in every asset name: a changed file has a new name.
            response.putHeader("Cache-Control", "public, max-age=31536000, immutable");
        } else {
            response.putHeader("Cache-Control", "no-cache");
        }
        response.sendFile(file.toString());
    }

    @Override
    public void close() {
        await(server == null ? null : server.close());
        await(client == null ? null : client.close());
    }

    private static void await(Future<?> future) {
        if (future == null) {
            return;
        }
        try {
            future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
    }

    /** Tells the service who called and how, as a reverse proxy should. */
    private static final class ForwardedHeaders implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            SocketAddress remote = incoming.remoteAddress();
            String client = remote == null ? "unknown" : remote.hostAddress();
            String earlier = incoming.getHeader("X-Forwarded-For");
            context.request().headers()
                    .set("X-Forwarded-For", earlier == null || earlier.isBlank() ? client : earlier + ", " + client)
                    .set("X-Forwarded-Proto", "http");
            String host = incoming.getHeader("Host");
            if (host != null) {
                context.request().headers().set("X-Forwarded-Host", host);
            }
            return context.sendRequest();
        }
    }
}
