package org.carethread.notification.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Inbox;
import org.carethread.notification.service.ConsentHandler;
import org.carethread.notification.service.ConsentKeywords.Keyword;
import org.carethread.notification.service.SenderQueues;
import org.carethread.schemas.events.MessageReceived;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Reads patients' messages from inbound.messages for the SMS consent keywords only (routing-service handles the
 * rest). A keyword is acted on once; its reply joins the practice number's queue after that commit (paced like any
 * SMS from that number), and a redelivery finds it already queued or sent.
 */
@ApplicationScoped
public class InboundMessageConsumer {
    public static final String CHANNEL = "inbound-messages";
    public static final String CONSUMER = "notification-service";

    private final Inbox inbox;
    private final ConsentHandler handler;
    private final SenderQueues queues;
    private final ObjectMapper json;

    public InboundMessageConsumer(Inbox inbox, ConsentHandler handler, SenderQueues queues, ObjectMapper json) {
        this.inbox = inbox;
        this.handler = handler;
        this.queues = queues;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return inbox.settle(record, CONSUMER, event -> {
            MessageReceived message = event.dataAs(json, MessageReceived.class);
            Optional<Keyword> keyword = handler.keywordOf(message, event);
            if (keyword.isEmpty()) {
                // Most messages: nothing to record, so no inbox row either.
                return Uni.createFrom().voidItem();
            }
            return inbox.once(CONSUMER, event, session -> handler.handle(session, message, keyword.get(), event))
                    .invoke(() -> queues.wake(message.practiceNumber()));
        });
    }
}
