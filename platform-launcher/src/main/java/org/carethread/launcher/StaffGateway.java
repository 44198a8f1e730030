package org.carethread.launcher;

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
 * The staff origin {@code http://localhost:8080}: {@code /api/audit/**} goes to audit-service, any other
 * {@code /api/**} to conversation-service, and {@code /} is the landing page until the staff web app lands.
 * Authorization headers pass through untouched; the proxy adds {@code X-Forwarded-For/-Proto/-Host}.
 */
final class StaffGateway implements AutoCloseable {
    static final int PORT = 8080;

    private final Vertx vertx;
    private final int port;
    private final int conversationPort;
    private final int auditPort;
    private final String landingPage;
    private HttpClient client;
    private HttpServer server;

    StaffGateway(Vertx vertx, int port, int conversationPort, int auditPort, String landingPage) {
        this.vertx = vertx;
        this.port = port;
        this.conversationPort = conversationPort;
        this.auditPort = auditPort;
        this.landingPage = landingPage;
    }

    int start() {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(3000).setMaxPoolSize(32));
        HttpProxy toConversation = HttpProxy.reverseProxy(client).origin(conversationPort, "127.0.0.1")
                .addInterceptor(new ForwardedHeaders());
        HttpProxy toAudit = HttpProxy.reverseProxy(client).origin(auditPort, "127.0.0.1")
                .addInterceptor(new ForwardedHeaders());
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(request -> route(request, toConversation, toAudit));
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

    private void route(HttpServerRequest request, HttpProxy toConversation, HttpProxy toAudit) {
        String path = request.path();
        if (path.equals("/api/audit") || path.startsWith("/api/audit/")) {
            toAudit.handle(request);
        } else if (path.equals("/api") || path.startsWith("/api/")) {
            toConversation.handle(request);
        } else if (path.equals("/") || path.equals("/index.html")) {
            request.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Cache-Control", "no-store")
                    .end(landingPage);
        } else if (path.equals("/gateway/health")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
        } else {
            request.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("Not found. The staff API is under /api; see / for what runs where.\n");
        }
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
