package org.carethread.notification.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.notification.client.CarrierOutcome;
import org.carethread.schemas.DeliveryStatus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Delivery meters. Tags are fixed words only: never a number, a text or an id. */
@ApplicationScoped
public class DeliveryMetrics {
    private final MeterRegistry registry;
    private final Counter submitted;
    private final Counter failed;
    private final Counter retried;
    private final Counter unmatchedReceipts;
    private final Counter refusedOptedOut;

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
