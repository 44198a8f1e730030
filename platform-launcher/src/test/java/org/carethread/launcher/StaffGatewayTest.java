package org.carethread.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff origin sends audit calls to audit-service, patient directory calls to routing-service and every other API
 * call to conversation-service, and serves the staff web app once it is built (the landing page before).
 */
class StaffGatewayTest {
    @TempDir
    Path folder;
    private Path webApp;
    private Vertx vertx;
    private StaffGateway gateway;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        int conversation = echo("conversation");
        int audit = echo("audit");
        int routing = echo("routing");
        webApp = folder.resolve("dist");
        gateway = new StaffGateway(vertx, 0, conversation, audit, routing, "<title>CareThread</title>", webApp,
                "http://localhost:8180");
        port = gateway.start();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void auditCallsGoToAuditAndTheRestOfTheApiToConversation() throws Exception {
        assertEquals("audit", call("/api/audit/verify", null).getString("service"));
        assertEquals("audit", call("/api/audit", null).getString("service"));
        assertEquals("conversation", call("/api/conversations?status=open", null).getString("service"));
        assertEquals("conversation", call("/api/auditors", null).getString("service"), "only the /api/audit path");
        assertEquals("/api/conversations?status=open", call("/api/conversations?status=open", null).getString("uri"));
    }

    @Test
    void patientDirectoryCallsGoToRouting() throws Exception {
        assertEquals("routing", call("/api/routing/patients/search", null).getString("service"));
        assertEquals("routing", call("/api/routing/identity-reviews", null).getString("service"));
        assertEquals("routing", call("/api/routing", null).getString("service"));
        assertEquals("/api/routing/patients/4f1c2b7e-0000-4000-8000-000000000001",
                call("/api/routing/patients/4f1c2b7e-0000-4000-8000-000000000001", null).getString("uri"));
        assertEquals("conversation", call("/api/routingx", null).getString("service"), "only the /api/routing path");
        assertEquals("audit", call("/api/audit/events", null).getString("service"), "audit keeps its route");
        JsonObject seen = call("/api/routing/patients/search", "Bearer a.b.c");
        assertEquals("Bearer a.b.c", seen.getString("authorization"));
        assertEquals("127.0.0.1", seen.getString("forwardedFor"));
    }

    @Test
    void theTokenPassesThroughAndTheCallerIsNamed() throws Exception {
        JsonObject seen = call("/api/conversations", "Bearer a.b.c");

        assertEquals("Bearer a.b.c", seen.getString("authorization"));
        assertEquals("127.0.0.1", seen.getString("forwardedFor"));
        assertEquals("http", seen.getString("forwardedProto"));
    }

    @Test
    void theRootIsTheLandingPageAndUnknownPathsAreNotFound() throws Exception {
        HttpResponse<String> root = get("/");
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("<title>CareThread</title>"));
        assertTrue(root.headers().firstValue("Content-Security-Policy").isPresent());
        assertEquals(404, get("/secret.txt").statusCode());
    }

    @Test
    void onceBuiltTheWebAppIsServedWithItsClientRoutesAndTheApiStillReachesTheServices() throws Exception {
        Files.createDirectories(webApp);
        Files.writeString(webApp.resolve("index.html"), "<title>CareThread app</title>");
        Files.writeString(folder.resolve("outside.js"), "not part of the app");
        Files.createDirectories(webApp.resolve("assets"));
        Files.writeString(webApp.resolve("assets/index-abc123.js"), "console.log('app')");
        Files.writeString(webApp.resolve("assets/index-abc123.css"), "body{}");

        for (String route : new String[] {"/", "/index.html", "/conversations/4f1c2b7e-0000-4000-8000-000000000001"}) {
            HttpResponse<String> page = get(route);
            assertEquals(200, page.statusCode(), route);
            assertEquals("<title>CareThread app</title>", page.body(), route);
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow(), route);
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow(), route);
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow()
                    .contains("connect-src 'self' http://localhost:8180"), route);
        }
        HttpResponse<String> script = get("/assets/index-abc123.js");
        assertEquals("console.log('app')", script.body());
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(script.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
        assertEquals("text/css; charset=utf-8", get("/assets/index-abc123.css").headers().firstValue("Content-Type")
                .orElseThrow());

        assertEquals(404, get("/assets/missing.js").statusCode(), "a missing file is not the app");
        assertEquals(404, get("/secret.txt").statusCode());
        assertEquals(404, get("/assets/../../outside.js").statusCode(), "nothing outside the app's folder");
        assertEquals("conversation", call("/api/conversations", null).getString("service"));
        assertEquals("audit", call("/api/audit/verify", null).getString("service"));
    }

    private int echo(String name) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("service", name).put("uri", request.uri())
                        .put("authorization", request.getHeader("Authorization"))
                        .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                        .put("forwardedProto", request.getHeader("X-Forwarded-Proto")).encode()))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return server.actualPort();
    }

    private JsonObject call(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
