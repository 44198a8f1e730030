package org.carethread.notification.client;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.notification.config.VonageConfig;

import org.apache.http.HttpClientConnection;
import org.apache.http.HttpException;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpRequestExecutor;

import com.vonage.client.HttpConfig;
import com.vonage.client.VonageApiResponseException;
import com.vonage.client.VonageClient;
import com.vonage.client.VonageClientException;
import com.vonage.client.messages.MessageResponse;
import com.vonage.client.messages.MessagesClient;
import com.vonage.client.messages.sms.SmsTextRequest;

/**
 * Sends SMS through the Vonage Messages API with the official SDK. The call blocks: callers run it on a worker
 * thread. Nothing here logs, because the request holds the patient's number and the message text.
 */
@ApplicationScoped
public class SmsCarrier {
    /** When this thread's last request went on the wire; the SDK call blocks, so it is read on the same thread. */
    private static final ThreadLocal<Instant> REQUEST_SENT_AT = new ThreadLocal<>();

    private final MessagesClient messages;

    public SmsCarrier(VonageConfig config) {
        int timeoutMillis = (int) config.timeout().toMillis();
        this.messages = VonageClient.builder()
                .apiKey(config.apiKey())
                .apiSecret(config.apiSecret())
                .httpConfig(HttpConfig.builder()
                        .apiBaseUri(config.apiBaseUrl())
                        .timeoutMillis(timeoutMillis)
                        .build())
                .httpClient(timedHttpClient(timeoutMillis))
                .build()
                .getMessagesClient();
    }

    /**
     * The SDK's own HTTP client set-up (pooled connections, the timeout on connect, lease and read), plus a clock
     * at the point the request is written to an open connection: connecting and a cold start happen before it, so
     * it is the moment the carrier starts counting the message against the sending number's rate.
     */
    private static CloseableHttpClient timedHttpClient(int timeoutMillis) {
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setDefaultMaxPerRoute(200);
        connections.setMaxTotal(200);
        return HttpClientBuilder.create()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(timeoutMillis)
                        .setConnectionRequestTimeout(timeoutMillis)
                        .setSocketTimeout(timeoutMillis)
                        .build())
                .setRequestExecutor(new HttpRequestExecutor() {
                    @Override
                    protected HttpResponse doSendRequest(HttpRequest request, HttpClientConnection connection,
                            HttpContext context) throws IOException, HttpException {
                        REQUEST_SENT_AT.set(Instant.now());
                        return super.doSendRequest(request, connection, context);
                    }
                })
                .useSystemProperties()
                .disableRedirectHandling()
                .build();
    }

    /**
     * @param clientRef our outbound id; the carrier echoes it in receipts and it lets a resend be recognised
     */
    public CarrierOutcome send(String to, String from, String text, String clientRef) {
        REQUEST_SENT_AT.remove();
        SmsTextRequest request;
        try {
            request = SmsTextRequest.builder().to(to).from(from).text(text).clientRef(clientRef).build();
        } catch (IllegalArgumentException invalid) {
            // The SDK's message may quote the number or the text, so it is dropped.
            return new CarrierOutcome.Unsendable();
        }
        try {
            MessageResponse response = messages.sendMessage(request);
            UUID messageUuid = response.getMessageUuid();
            return messageUuid == null ? new CarrierOutcome.Unavailable("carrier answered without a message id")
                    : new CarrierOutcome.Accepted(messageUuid.toString());
        } catch (VonageApiResponseException answered) {
            return classify(answered.getStatusCode());
        } catch (VonageClientException unreachable) {
            // Connection refused, timeout or an unreadable answer: the exception text is not ours to repeat.
            return new CarrierOutcome.Unavailable("carrier unreachable (" + unreachable.getClass().getSimpleName() + ")");
        }
    }

    /**
     * When the last {@link #send} on this thread wrote its request to the carrier; empty if it never got that far
     * (refused before the call, or no connection). Call on the thread that sent, right after the send.
     */
    public Optional<Instant> requestSentAt() {
        return Optional.ofNullable(REQUEST_SENT_AT.get());
    }

    private static CarrierOutcome classify(int status) {
        // 401/403 are our credentials and 408/429 the carrier's load: both pass, so they are retried.
        boolean permanent = status >= 400 && status < 500 && status != 401 && status != 403 && status != 408
                && status != 429;
        return permanent ? new CarrierOutcome.Refused(status) : new CarrierOutcome.Unavailable("HTTP " + status);
    }
}
