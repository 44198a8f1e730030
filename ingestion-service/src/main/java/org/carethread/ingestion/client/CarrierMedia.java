package org.carethread.ingestion.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.config.VonageConfig;
import org.carethread.ingestion.service.WebhookRejectedException;
import org.carethread.ingestion.service.WebhookRejectedException.Reason;

import com.vonage.client.auth.JWTAuthMethod;

/**
 * Fetches a file a patient sent from Vonage's media server: only from the configured hosts, with the application's
 * JWT when one is configured (the SDK's own {@link JWTAuthMethod}), never following redirects, and reading no more
 * than the caller allows. Blocking: call it off the event loop. URLs are never logged (they reach the patient's file).
 */
@ApplicationScoped
public class CarrierMedia {
    private final VonageConfig config;
    private final JWTAuthMethod applicationJwt;
    private final HttpClient http;

    public CarrierMedia(VonageConfig config) {
        this.config = config;
        this.applicationJwt = config.applicationId().isPresent() && config.privateKey().isPresent()
                ? new JWTAuthMethod(config.applicationId().get(),
                        config.privateKey().get().getBytes(StandardCharsets.US_ASCII))
                : null;
        this.http = HttpClient.newBuilder().connectTimeout(config.mediaTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A fetched file, or why it was not kept (no PHI). */
    public record Fetched(byte[] contents, String notKeptReason) {
    }

    /**
     * @param maxBytes the largest file kept; a larger one is described only, and reading stops past it
     * @throws WebhookRejectedException UNAVAILABLE when the media server cannot be reached now, so Vonage retries
     */
    public Fetched fetch(String url, int maxBytes) {
        URI uri = allowed(url);
        if (uri == null) {
            return new Fetched(null, "it was offered from an address CareThread does not fetch files from");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.mediaTimeout()).GET();
        if (applicationJwt != null) {
            request.header("Authorization", "Bearer " + applicationJwt.generateToken());
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() >= 500) {
                    throw unavailable();
                }
                if (response.statusCode() != 200) {
                    return new Fetched(null, "the carrier no longer had it (" + response.statusCode() + ")");
                }
                byte[] contents = body.readNBytes(maxBytes + 1);
                if (contents.length > maxBytes) {
                    return new Fetched(null, "it is larger than " + maxBytes / (1 << 20) + " MiB");
                }
                return new Fetched(contents, null);
            }
        } catch (IOException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private URI allowed(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = config.mediaPlainHttp() ? "http" : "https";
            return scheme.equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null
                    && config.mediaHosts().contains(uri.getHost()) ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static WebhookRejectedException unavailable() {
        return new WebhookRejectedException(Reason.UNAVAILABLE, "The carrier's media server did not answer; the"
                + " message was not accepted. Vonage retries it.");
    }
}
