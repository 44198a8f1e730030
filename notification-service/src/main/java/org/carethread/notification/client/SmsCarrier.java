package org.carethread.notification.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.notification.config.VonageConfig;

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
    private final MessagesClient messages;

    public SmsCarrier(VonageConfig config) {
        this.messages = VonageClient.builder()
                .apiKey(config.apiKey())
                .apiSecret(config.apiSecret())
                .httpConfig(HttpConfig.builder()
                        .apiBaseUri(config.apiBaseUrl())
                        .timeoutMillis((int) config.timeout().toMillis())
                        .build())
                .build()
                .getMessagesClient();
    }

    /**
     * @param clientRef our outbound id; the carrier echoes it in receipts and it lets a resend be recognised
     */
    public CarrierOutcome send(String to, String from, String text, String clientRef) {
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

    private static CarrierOutcome classify(int status) {
        // 401/403 are our credentials and 408/429 the carrier's load: both pass, so they are retried.
        boolean permanent = status >= 400 && status < 500 && status != 401 && status != 403 && status != 408
                && status != 429;
        return permanent ? new CarrierOutcome.Refused(status) : new CarrierOutcome.Unavailable("HTTP " + status);
    }
}
