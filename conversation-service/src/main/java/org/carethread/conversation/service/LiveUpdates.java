package org.carethread.conversation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.config.ConversationConfig;
import org.carethread.conversation.rest.LiveUpdate;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Hands every conversation change this instance hears of to the staff watching live, each seeing only their
 * locations. Nothing is kept: a staff member who connects reads the inbox first, then follows the changes.
 */
@ApplicationScoped
public class LiveUpdates {
    private final BroadcastProcessor<LiveUpdate> changes = BroadcastProcessor.create();
    private final ConversationConfig config;
    private final AtomicInteger watching;

    public LiveUpdates(ConversationConfig config, MeterRegistry registry) {
        this.config = config;
        this.watching = registry.gauge("carethread.conversation.live.streams", new AtomicInteger());
    }

    public void announce(LiveUpdate update) {
        changes.onNext(update);
    }

    /**
     * Changes at these locations, with a heartbeat now and then so proxies keep the stream open, until {@code until}
     * (the end of the staff member's token: a signed-out or disabled account stops hearing). A slow reader misses
     * changes rather than holding others up.
     */
    public Multi<LiveUpdate> follow(Set<String> locations, Instant until) {
        Duration remaining = Duration.between(Instant.now(), until);
        if (locations.isEmpty() || remaining.isNegative() || remaining.isZero()) {
            return Multi.createFrom().empty();
        }
        Multi<LiveUpdate> atMyLocations = changes.select().where(update -> locations.contains(update.locationCode()))
                .onOverflow().drop();
        // The first heartbeat at once: the app knows it is connected before anything happens.
        Multi<LiveUpdate> heartbeats = Multi.createBy().concatenating().streams(Multi.createFrom().item(0L),
                Multi.createFrom().ticks().every(config.liveHeartbeatEvery()).onOverflow().drop())
                .map(tick -> new LiveUpdate(LiveUpdate.HEARTBEAT, null, null, Instant.now()));
        return Multi.createBy().merging().streams(heartbeats, atMyLocations)
                .select().first(remaining)
                .onSubscription().invoke(watching::incrementAndGet)
                .onTermination().invoke(watching::decrementAndGet);
    }
}
