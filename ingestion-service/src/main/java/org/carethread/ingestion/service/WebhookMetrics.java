package org.carethread.ingestion.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/** Webhook counters and broker acknowledgement times; tags are fixed words, never PHI or ids. */
@ApplicationScoped
public class WebhookMetrics {
    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code carethread.webhooks{kind, outcome}}. */
    public void count(WebhookKind kind, WebhookOutcome outcome) {
        registry.counter("carethread.webhooks", "kind", kind.tag(), "outcome", outcome.tag()).increment();
    }

    /** Counts what becomes of a webhook: its outcome, or the outcome of its refusal. */
    public Uni<WebhookOutcome> counted(WebhookKind kind, Uni<WebhookOutcome> handling) {
        return handling.invoke(outcome -> count(kind, outcome))
                .onFailure(WebhookRejectedException.class)
                .invoke(rejected -> count(kind, ((WebhookRejectedException) rejected).outcome()));
    }

    /** {@code carethread.webhooks.publish}: how long Kafka took to acknowledge an accepted webhook's event. */
    public Timer.Sample startPublish() {
        return Timer.start(registry);
    }

    public void stopPublish(Timer.Sample sample, WebhookKind kind) {
        sample.stop(registry.timer("carethread.webhooks.publish", "kind", kind.tag()));
    }
}
