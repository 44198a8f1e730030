package org.carethread.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.notification.client.CarrierOutcome;
import org.carethread.schemas.DeliveryStatus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Delivery meters. Tags are fixed words only, never a patient's number, a text or an id; the pacing meters name the
 * practice's own sending address (the clinic's public line or mailbox, not PHI), as carriers set the limit per number.
 */
@ApplicationScoped
public class DeliveryMetrics {
    private final MeterRegistry registry;
    private final Counter submitted;
    private final Counter failed;
    private final Counter retried;
    private final Counter unmatchedReceipts;
    private final Counter refusedOptedOut;
    private final Map<String, AtomicLong> waitingForTurn = new ConcurrentHashMap<>();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.submitted = sent(registry, "submitted");
        this.failed = sent(registry, "failed");
        this.retried = sent(registry, "retried");
        this.unmatchedReceipts = Counter.builder("carethread.receipts.unmatched")
                .description("Delivery receipts for carrier messages this service did not send")
                .register(registry);
        this.refusedOptedOut = Counter.builder("carethread.outbound.opted_out")
                .description("Messages refused without a carrier call because the patient texted STOP")
                .register(registry);
    }

    private static Counter sent(MeterRegistry registry, String outcome) {
        return Counter.builder("carethread.outbound.sent")
                .description("Outcomes of handing outbound messages to the carrier")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Counts where a carrier attempt left a message: SUBMITTED, FAILED, or QUEUED for a retry; null counts nothing. */
    public void sent(DeliveryStatus after) {
        if (after == DeliveryStatus.SUBMITTED) {
            submitted.increment();
        } else if (after == DeliveryStatus.FAILED) {
            failed.increment();
        } else if (after == DeliveryStatus.QUEUED) {
            retried.increment();
        }
    }

    public void refusedOptedOut() {
        refusedOptedOut.increment();
    }

    public void unmatchedReceipt() {
        unmatchedReceipts.increment();
    }

    /** Sets how many ready messages each sender (number or mailbox) has queued; a sender not given has none. */
    public void waitingForTurn(Map<String, Long> byNumber) {
        byNumber.keySet().forEach(number -> waitingForTurn.computeIfAbsent(number, this::waitingGauge));
        waitingForTurn.forEach((number, waiting) -> waiting.set(byNumber.getOrDefault(number, 0L)));
    }

    private AtomicLong waitingGauge(String practiceNumber) {
        return registry.gauge("carethread.outbound.waiting", Tags.of("practice_number", practiceNumber),
                new AtomicLong());
    }

    /** How long a message, once ready, waited for its number's turn before its carrier call was claimed. */
    public void waitedForTurn(String practiceNumber, Instant readySince, Instant claimed) {
        Duration waited = readySince.isBefore(claimed) ? Duration.between(readySince, claimed) : Duration.ZERO;
        Timer.builder("carethread.outbound.turn_wait")
                .description("Time a ready message waited for its sender's next send slot")
                .tag("practice_number", practiceNumber)
                .register(registry)
                .record(waited);
    }

    /** Times one carrier call and tags it with how it ended. */
    public CarrierOutcome timeCarrierCall(Supplier<CarrierOutcome> call) {
        Timer.Sample sample = Timer.start(registry);
        CarrierOutcome outcome = call.get();
        sample.stop(Timer.builder("carethread.carrier.call")
                .description("Time the carrier took to answer a send")
                .tag("outcome", outcome.label())
                .register(registry));
        return outcome;
    }
}
