package org.carethread.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Plays Vonage's media server for MMS tests: serves the files a test puts on it and records the Authorization header
 * of every fetch, so a test can check the application JWT. Also the test profile that points ingestion at it, with
 * an application id and a private key made for this JVM.
 */
public final class CarrierMediaStandIn implements QuarkusTestProfile {
    /** Quarkus loads this class twice (test and profile), so what both must agree on lives in system properties. */
    static final String APPLICATION_ID = shared("carethread.test.vonage-application-id",
            () -> UUID.randomUUID().toString());
    static final KeyPair KEYS = rsaKeys();
    private static final HttpServer SERVER = start();
    private static final Map<String, Served> FILES = new ConcurrentHashMap<>();
    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

    record Served(int status, byte[] body) {
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "carethread.vonage.application-id", APPLICATION_ID,
                "carethread.vonage.private-key", "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(KEYS.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n",
                "carethread.vonage.media-hosts", "127.0.0.1",
                "carethread.vonage.media-plain-http", "true");
    }

    /** Puts a file on the server; answers its URL. */
    static String serve(int status, byte[] body) {
        String path = "/v3/media/" + UUID.randomUUID();
        FILES.put(path, new Served(status, body));
        return "http://127.0.0.1:" + SERVER.getAddress().getPort() + path;
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v3/media/", exchange -> {
                AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                Served served = FILES.getOrDefault(exchange.getRequestURI().getPath(), new Served(404, new byte[0]));
                exchange.sendResponseHeaders(served.status(), served.body().length == 0 ? -1 : served.body().length);
                exchange.getResponseBody().write(served.body());
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair rsaKeys() {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            String privateKey = shared("carethread.test.vonage-private-key", () -> encoded(generated().getPrivate()));
            String publicKey = shared("carethread.test.vonage-public-key", () -> encoded(generated().getPublic()));
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generatedPair;

    private static synchronized KeyPair generated() {
        if (generatedPair == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                generatedPair = generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return generatedPair;
    }

    private static String encoded(Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static synchronized String shared(String property, Supplier<String> made) {
        String value = System.getProperty(property);
        if (value == null) {
            value = made.get();
            System.setProperty(property, value);
        }
        return value;
    }
}
