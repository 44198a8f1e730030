package org.carethread.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.notification.service.OutboundDelivery.QueueStep;
import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Works through each sender's queue (a practice number's SMS, a practice mailbox's e-mail) on this instance: one
 * look at a time, sending while the sender's turn is free, waiting on a Vert.x timer (never blocking) until its next
 * slot, stopping when the queue is empty. Waking a sender that is already being worked through only makes it look
 * once more before it stops. The queue
 * itself is the QUEUED rows: what this instance forgets in a restart, the sweeper wakes again.
 */
@ApplicationScoped
public class SenderQueues {
    private static final Logger LOG = Logger.getLogger(SenderQueues.class);

    private final OutboundDelivery delivery;
    private final Vertx vertx;
    /** Numbers being worked through here → whether they were woken again since (guarded by this). */
    private final Map<String, Boolean> working = new HashMap<>();

    public SenderQueues(OutboundDelivery delivery, Vertx vertx) {
        this.delivery = delivery;
        this.vertx = vertx;
    }

    /** Something may be ready to send from this number: a new message, a due retry, or a restart. */
    public void wake(String practiceNumber) {
        if (startWorking(practiceNumber)) {
            look(practiceNumber);
        }
    }

    private synchronized boolean startWorking(String practiceNumber) {
        if (working.containsKey(practiceNumber)) {
            working.put(practiceNumber, true);
            return false;
        }
        working.put(practiceNumber, false);
        return true;
    }

    /** Whether to look again: the queue was found empty, but a message may have arrived since. */
    private synchronized boolean wokenMeanwhile(String practiceNumber) {
        if (working.get(practiceNumber)) {
            working.put(practiceNumber, false);
            return true;
        }
        working.remove(practiceNumber);
        return false;
    }

    private synchronized void stopWorking(String practiceNumber) {
        working.remove(practiceNumber);
    }

    private void look(String practiceNumber) {
        // Hibernate Reactive needs a safe duplicated context, as Quarkus gives a request or a consumer.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> delivery.sendNext(practiceNumber).subscribe().with(
                step -> next(practiceNumber, step),
                failure -> {
                    // The rows stay QUEUED; the sweeper wakes the number again.
                    LOG.warnf("queue of sender %s stopped, the sweeper resumes it: %s", practiceNumber,
                            failure.getClass().getSimpleName());
                    stopWorking(practiceNumber);
                }));
    }

    private void next(String practiceNumber, QueueStep step) {
        if (step instanceof QueueStep.WaitUntil wait) {
            long millis = Math.max(1, Duration.between(Instant.now(), wait.at()).toMillis() + 1);
            vertx.setTimer(millis, timer -> look(practiceNumber));
        } else if (step instanceof QueueStep.Moved || wokenMeanwhile(practiceNumber)) {
            look(practiceNumber);
        }
    }
}
