package org.carethread.ingestion.client;

import java.net.URI;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.config.VonageConfig;
import org.carethread.ingestion.service.WebhookRejectedException;
import org.carethread.ingestion.service.WebhookRejectedException.Reason;
import org.jboss.logging.Logger;

import com.vonage.client.HttpConfig;
import com.vonage.client.VonageClient;
import com.vonage.client.VonageClientException;
import com.vonage.client.voice.VoiceClient;

/**
 * Fetches the files a call leaves at Vonage (the recording, its transcript) with the official SDK, which signs each
 * download with the Voice application's key. The call blocks: callers run it on a worker thread. Nothing here logs
 * a URL or a file, which are the caller's words.
 */
@ApplicationScoped
public class VonageFiles {
    private static final Logger LOG = Logger.getLogger(VonageFiles.class);

    private final VonageConfig config;
    private volatile VoiceClient voice;

    public VonageFiles(VonageConfig config) {
        this.config = config;
    }

    /**
     * The file at a URL Vonage gave in a signed webhook. Only Vonage's own hosts are asked: a URL elsewhere is
     * refused, so no webhook can make this service fetch from anywhere else.
     */
    public byte[] download(String url, String field) {
        requireVonageHost(url, field);
        try {
            return voice().downloadRecordingRaw(url);
        } catch (VonageClientException unreachable) {
            // The SDK's message can quote the URL: the class name only.
            LOG.warnf("a Vonage file could not be fetched, the carrier will retry: %s",
                    unreachable.getClass().getName());
            throw new WebhookRejectedException(Reason.UNAVAILABLE, "The " + field + " could not be fetched from"
                    + " Vonage just now. Nothing was accepted; retry later.");
        }
    }

    private static void requireVonageHost(String url, String field) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw WebhookRejectedException.invalid("The field '" + field + "' is not a URL.");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean vonage = host.equals("nexmo.com") || host.endsWith(".nexmo.com") || host.equals("vonage.com")
                || host.endsWith(".vonage.com");
        boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        if (!vonage || !web || uri.getUserInfo() != null) {
            throw WebhookRejectedException.invalid("The field '" + field + "' must be a Vonage file URL"
                    + " (https://api.nexmo.com/v1/files/…).");
        }
    }

    private VoiceClient voice() {
        VoiceClient client = voice;
        if (client == null) {
            synchronized (this) {
                if (voice == null) {
                    voice = build();
                }
                client = voice;
            }
        }
        return client;
    }

    private VoiceClient build() {
        if (config.applicationId().isEmpty() || config.privateKey().isEmpty()) {
            LOG.warn("voicemail cannot be fetched: set VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY");
            throw new WebhookRejectedException(Reason.UNAVAILABLE, "This service has no Vonage Voice application"
                    + " configured to fetch the recording with. Nothing was accepted; retry later.");
        }
        HttpConfig.Builder http = HttpConfig.builder().timeoutMillis((int) config.apiTimeout().toMillis());
        config.httpProxy().ifPresent(http::proxy);
        return VonageClient.builder()
                .applicationId(config.applicationId().get())
                .privateKeyContents(config.privateKey().get())
                .httpConfig(http.build())
                .build()
                .getVoiceClient();
    }
}
