package org.carethread.conversation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.schemas.DeliveryStatus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** What operators watch: traffic by direction, replies, audited reads, and how far conversations trail the carrier. */
@ApplicationScoped
public class ConversationMetrics {
    private final MeterRegistry registry;
    private final Timer inboundLag;

    public ConversationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.inboundLag = Timer.builder("carethread.conversation.inbound.lag")
                .description("Time from the carrier receiving a patient message to it joining a conversation")
                .register(registry);
    }

    public void conversationOpened() {
        registry.counter("carethread.conversation.opened").increment();
    }

    public void messageAdded(String direction) {
        registry.counter("carethread.conversation.messages.added", "direction", direction).increment();
    }

    public void inboundArrived(Instant receivedAt) {
        if (receivedAt != null) {
            inboundLag.record(Duration.between(receivedAt, Instant.now()));
        }
    }

    public void autoReplyRequested(String kind) {
        registry.counter("carethread.conversation.auto.replies.requested", "kind", kind).increment();
    }

    public void replyRequested() {
        registry.counter("carethread.conversation.replies.requested").increment();
    }

    /** By the type's top level only (image, audio, application, text): a bounded label, never the file's name. */
    public void fileReceived(String contentType) {
        registry.counter("carethread.conversation.files.received", "kind", topLevel(contentType)).increment();
    }

    public void attachmentServed(String what) {
        registry.counter("carethread.conversation.attachments.served", "what", what).increment();
    }

    private static String topLevel(String contentType) {
        int slash = contentType.indexOf('/');
        String kind = slash > 0 ? contentType.substring(0, slash) : contentType;
        return List.of("image", "audio", "video", "text", "application").contains(kind) ? kind : "other";
    }

    public void conversationRead() {
        registry.counter("carethread.conversation.reads.audited").increment();
    }

    /** A change announced to staff watching live, before filtering by location. */
    public void liveUpdate() {
        registry.counter("carethread.conversation.live.updates").increment();
    }

    public void deliveryUpdated(DeliveryStatus status) {
        registry.counter("carethread.conversation.delivery.updates", "status", status.name()).increment();
    }

    /** Auto-assignment gave a conversation to someone (tag: the queue's assignment mode). */
    public void autoAssigned(String assignment) {
        registry.counter("carethread.conversation.auto.assigned", "assignment", assignment).increment();
    }

    /** An owner did not answer in time and lost the conversation to the queue or the next person. */
    public void returnedUnanswered() {
        registry.counter("carethread.conversation.returned.unanswered").increment();
    }

    /** A conversation's response target is near or past (tag: approaching or overdue). */
    public void targetFlagged(String flag) {
        registry.counter("carethread.conversation.response.targets.flagged", "flag", flag).increment();
    }
}
